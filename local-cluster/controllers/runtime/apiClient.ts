import type { KubeObject } from '../../apiserver/core/types';
import type { ResourceRef } from './resources';
import { collectionPath, objectPath } from './resources';

/** The Kubernetes `Status` a failed request answers with. */
export interface ApiStatus {
  kind?: 'Status';
  status?: string;
  message?: string;
  reason?: string;
  code?: number;
  details?: { causes?: { reason?: string; message: string; field?: string }[] };
}

export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly status: ApiStatus,
  ) {
    super(status.message ?? `HTTP ${code}`);
  }
}

export const isNotFound = (err: unknown): boolean => err instanceof ApiError && err.code === 404;
export const isConflict = (err: unknown): boolean => err instanceof ApiError && err.code === 409;
export const isAlreadyExists = (err: unknown): boolean =>
  err instanceof ApiError && err.code === 409 && err.status.reason === 'AlreadyExists';

export interface KubeList<T extends KubeObject = KubeObject> {
  metadata: { resourceVersion?: string; continue?: string };
  items: T[];
}

export interface WatchEvent<T extends KubeObject = KubeObject> {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: T;
}

export type PatchType = 'json' | 'merge';

const PATCH_CONTENT_TYPES: Record<PatchType, string> = {
  json: 'application/json-patch+json',
  merge: 'application/merge-patch+json',
};

/** One JSON-patch operation (RFC 6902). */
export interface JsonPatchOp {
  op: 'add' | 'remove' | 'replace' | 'test' | 'move' | 'copy';
  path: string;
  value?: unknown;
  from?: string;
}

export interface ListOptions {
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  continue?: string;
}

const query = (params: Record<string, string | number | boolean | undefined>): string => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
};

/**
 * A small REST client for the controllers: they talk to the API server over HTTP with their own
 * service-account token, exactly as KubeVirt's and CDI's controllers do, so they would work against
 * any conformant server.
 */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private readonly token: string,
    /** Recorded as the field manager of every write. */
    readonly fieldManager: string,
  ) {}

  async request<T>(
    method: string,
    path: string,
    body?: unknown,
    contentType = 'application/json',
  ): Promise<T> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${this.token}`,
        Accept: 'application/json',
        ...(body !== undefined ? { 'Content-Type': contentType } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = { message: text };
    }
    if (!res.ok) throw new ApiError(res.status, (parsed ?? {}) as ApiStatus);
    return parsed as T;
  }

  get<T extends KubeObject = KubeObject>(
    r: ResourceRef,
    namespace: string | undefined,
    name: string,
    subresource?: string,
  ): Promise<T> {
    return this.request('GET', objectPath(r, namespace, name, subresource));
  }

  /** GET that answers undefined instead of throwing on 404. */
  async find<T extends KubeObject = KubeObject>(
    r: ResourceRef,
    namespace: string | undefined,
    name: string,
  ): Promise<T | undefined> {
    try {
      return await this.get<T>(r, namespace, name);
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  list<T extends KubeObject = KubeObject>(
    r: ResourceRef,
    namespace?: string,
    options: ListOptions = {},
  ): Promise<KubeList<T>> {
    return this.request('GET', `${collectionPath(r, namespace)}${query({ ...options })}`);
  }

  create<T extends KubeObject = KubeObject>(
    r: ResourceRef,
    namespace: string | undefined,
    obj: Omit<KubeObject, 'apiVersion' | 'kind'> & Partial<KubeObject>,
  ): Promise<T> {
    return this.request(
      'POST',
      `${collectionPath(r, namespace)}${query({ fieldManager: this.fieldManager })}`,
      { apiVersion: r.apiVersion, kind: r.kind, ...obj },
    );
  }

  update<T extends KubeObject = KubeObject>(
    r: ResourceRef,
    obj: T,
    subresource?: 'status',
  ): Promise<T> {
    return this.request(
      'PUT',
      `${objectPath(r, obj.metadata.namespace, obj.metadata.name ?? '', subresource)}${query({ fieldManager: this.fieldManager })}`,
      { apiVersion: r.apiVersion, kind: r.kind, ...obj },
    );
  }

  patch<T extends KubeObject = KubeObject>(
    r: ResourceRef,
    namespace: string | undefined,
    name: string,
    patch: JsonPatchOp[] | Record<string, unknown>,
    options: { type?: PatchType; subresource?: 'status' } = {},
  ): Promise<T> {
    const type = options.type ?? (Array.isArray(patch) ? 'json' : 'merge');
    return this.request(
      'PATCH',
      `${objectPath(r, namespace, name, options.subresource)}${query({ fieldManager: this.fieldManager })}`,
      patch,
      PATCH_CONTENT_TYPES[type],
    );
  }

  /** Merge-patches `.status` through the status subresource. */
  patchStatus<T extends KubeObject = KubeObject>(
    r: ResourceRef,
    namespace: string | undefined,
    name: string,
    status: Record<string, unknown>,
  ): Promise<T> {
    return this.patch<T>(r, namespace, name, { status }, { type: 'merge', subresource: 'status' });
  }

  async delete(
    r: ResourceRef,
    namespace: string | undefined,
    name: string,
    options: {
      propagationPolicy?: 'Background' | 'Foreground' | 'Orphan';
      gracePeriodSeconds?: number;
    } = {},
  ): Promise<void> {
    try {
      await this.request('DELETE', objectPath(r, namespace, name), {
        apiVersion: 'v1',
        kind: 'DeleteOptions',
        ...options,
      });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }

  /**
   * Streams watch events from `resourceVersion` until the server ends the stream or `signal`
   * aborts. Resolves when the stream ends; an ERROR event (410 Gone) is delivered to `onEvent`.
   */
  async watch<T extends KubeObject = KubeObject>(
    r: ResourceRef,
    resourceVersion: string,
    onEvent: (event: WatchEvent<T>) => void,
    signal: AbortSignal,
    options: { namespace?: string; labelSelector?: string } = {},
  ): Promise<void> {
    const path = `${collectionPath(r, options.namespace)}${query({
      watch: true,
      resourceVersion,
      allowWatchBookmarks: true,
      labelSelector: options.labelSelector,
    })}`;
    const res = await fetch(`${this.baseUrl}${path}`, {
      headers: { Authorization: `Bearer ${this.token}`, Accept: 'application/json' },
      signal,
    });
    if (!res.ok || !res.body) {
      const text = await res.text();
      throw new ApiError(res.status, (text ? JSON.parse(text) : {}) as ApiStatus);
    }
    const decoder = new TextDecoder();
    let buffered = '';
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      buffered += decoder.decode(chunk, { stream: true });
      let newline = buffered.indexOf('\n');
      while (newline >= 0) {
        const line = buffered.slice(0, newline).trim();
        buffered = buffered.slice(newline + 1);
        if (line) onEvent(JSON.parse(line) as WatchEvent<T>);
        newline = buffered.indexOf('\n');
      }
    }
  }
}
