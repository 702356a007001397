/** consoleFetch*: fetch with the console's CSRF header, timeout, 429 retries and Status errors. */
import type { ConsoleFetchJSON as ConsoleFetchJSONType } from '@openshift-console/dynamic-plugin-sdk';
import { HttpError } from '@openshift-console/dynamic-plugin-sdk/lib/utils/error/http-error';

/** The double-submit CSRF token the server set in the `csrf-token` cookie. */
export const getCSRFToken = (): string | undefined =>
  typeof document === 'undefined'
    ? undefined
    : document.cookie
        .split(';')
        .map((c) => c.trim())
        .find((c) => c.startsWith('csrf-token='))
        ?.slice('csrf-token='.length);

const isSafe = (method = 'GET') => ['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());

/** Builds the error for a non-2xx response, using the k8s `Status.message` when there is one. */
const toError = async (response: Response): Promise<HttpError> => {
  const text = await response.text().catch(() => '');
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  const message =
    (json as { message?: string } | undefined)?.message ||
    text.trim() ||
    `${response.status} ${response.statusText}`;
  return new HttpError(message, response.status, response, json);
};

export const consoleFetch = async (
  url: string,
  options: RequestInit = {},
  timeout = 60000,
): Promise<Response> => {
  const headers = new Headers(options.headers);
  const token = getCSRFToken();
  if (!isSafe(options.method) && token) headers.set('X-CSRFToken', token);
  for (let attempt = 1; ; attempt++) {
    const controller = new AbortController();
    const timer = timeout > 0 ? setTimeout(() => controller.abort(), timeout) : undefined;
    options.signal?.addEventListener('abort', () => controller.abort());
    try {
      const response = await fetch(url, {
        credentials: 'same-origin',
        ...options,
        headers,
        signal: controller.signal,
      });
      if (response.status === 429 && attempt < 3) {
        await new Promise((r) => setTimeout(r, 500 * attempt));
        continue;
      }
      if (!response.ok) throw await toError(response);
      return response;
    } catch (e) {
      if (controller.signal.aborted && !options.signal?.aborted) {
        throw new Error(`Call to ${url} timed out after ${timeout / 1000} seconds`, { cause: e });
      }
      throw e;
    } finally {
      clearTimeout(timer);
    }
  }
};

const jsonOrText = async (response: Response): Promise<unknown> => {
  const text = await response.text();
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

const fetchJSON = (
  url: string,
  method = 'GET',
  options: RequestInit = {},
  timeout?: number,
): Promise<unknown> => {
  const headers = new Headers(options.headers);
  if (!headers.has('Accept')) headers.set('Accept', 'application/json');
  if (options.body !== undefined && !headers.has('Content-Type')) {
    headers.set(
      'Content-Type',
      method === 'PATCH' ? 'application/json-patch+json' : 'application/json',
    );
  }
  return consoleFetch(url, { ...options, method, headers }, timeout).then(jsonOrText);
};

const withBody =
  (method: string) =>
  (url: string, json: unknown = undefined, options: RequestInit = {}, timeout?: number) =>
    fetchJSON(
      url,
      method,
      json === undefined ? options : { ...options, body: JSON.stringify(json) },
      timeout,
    );

export const consoleFetchJSON = Object.assign(fetchJSON, {
  delete: withBody('DELETE'),
  post: withBody('POST'),
  put: withBody('PUT'),
  patch: withBody('PATCH'),
}) as unknown as ConsoleFetchJSONType;

export const consoleFetchText = (
  url: string,
  options: RequestInit = {},
  timeout?: number,
): Promise<string> => consoleFetch(url, options, timeout).then((r) => r.text());
