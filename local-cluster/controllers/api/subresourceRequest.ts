import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ResourceAttributes } from '../../apiserver/auth/rbacTypes';
import { readBody } from '../../apiserver/http/respond';
import type { NodeApi } from '../handler/nodeApi';
import type { OptionsKind, OptionsOf } from './subresourceOptions';
import { parseOptions } from './subresourceOptions';
import type { VirtApiClient } from './virtApiClient';

/** What every subresource handler is given. */
export interface SubresourceRequest {
  req: IncomingMessage;
  res: ServerResponse;
  namespace: string;
  name: string;
  query: URLSearchParams;
  api: VirtApiClient;
  node: NodeApi;
  /** Whether the caller may do what `attrs` describe (virt-api's SubjectAccessReviews). */
  can(attrs: ResourceAttributes): boolean;
}

export type SubresourceHandler = (r: SubresourceRequest) => Promise<void>;

/** Reads and decodes the request body as the options struct `kind` (empty body: undefined). */
export const readOptions = async <K extends OptionsKind>(
  r: SubresourceRequest,
  kind: K,
): Promise<OptionsOf[K] | undefined> => parseOptions(kind, await readBody(r.req));

/** virt-api answers most actions with a bare status line and no body. */
export const sendEmpty = (res: ServerResponse, code: 200 | 202): void => {
  res.writeHead(code, { 'Cache-Control': 'no-cache, private' });
  res.end();
};
