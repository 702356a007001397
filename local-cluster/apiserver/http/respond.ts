import type { IncomingMessage, ServerResponse } from 'node:http';
import { payloadTooLarge, StatusError } from '../core/statusError';
import type { Status } from '../core/types';
import { objectJson } from './objectJson';

/** kube-apiserver's default request body limit. */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;

export const sendJson = (
  res: ServerResponse,
  code: number,
  body: unknown,
  warnings: string[] = [],
): void => sendJsonText(res, code, objectJson(body), warnings);

/** Sends JSON that is already text (lists assembled from cached item texts). */
export const sendJsonText = (
  res: ServerResponse,
  code: number,
  text: string,
  warnings: string[] = [],
): void => {
  const headers: Record<string, string | string[]> = {
    'Content-Type': 'application/json',
    'Cache-Control': 'no-cache, private',
  };
  if (warnings.length) headers.Warning = warnings.map((w) => `299 - ${JSON.stringify(w)}`);
  res.writeHead(code, headers);
  res.end(text);
};

export const statusOf = (err: unknown): Status => {
  if (err instanceof StatusError) return err.toStatus();
  return new StatusError(
    500,
    'InternalError',
    'an error on the server has prevented the request from succeeding',
  ).toStatus();
};

export const sendError = (res: ServerResponse, err: unknown): void => {
  if (!(err instanceof StatusError)) {
    // The cause is logged here, never sent: a stack trace must not reach a client.
    console.error('local cluster: internal error:', err);
  }
  const status = statusOf(err);
  if (res.headersSent) {
    res.end();
    return;
  }
  sendJson(res, status.code, status);
};

export const successStatus = (details?: Status['details']): Status => ({
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Success',
  ...(details ? { details } : {}),
  code: 200,
});

/** Reads the whole body, answering 413 past the limit rather than buffering without bound. */
export const readBodyBytes = (req: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) {
      req.resume();
      reject(payloadTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(payloadTooLarge());
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

export const readBody = async (req: IncomingMessage): Promise<string> =>
  (await readBodyBytes(req)).toString('utf8');
