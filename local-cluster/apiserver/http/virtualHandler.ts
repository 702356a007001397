import type { IncomingMessage, ServerResponse } from 'node:http';
import type { UserInfo } from '../core/types';
import type { ResourceKind, Verb } from '../registry/resourceKind';
import type { ResourcePath } from './resourceHandler';
import type { ServerContext } from './serverContext';

/** A handler of one virtual kind, with the verb RBAC resolved for the request. */
export type VirtualHandler = (
  ctx: ServerContext,
  req: IncomingMessage,
  res: ServerResponse,
  kind: ResourceKind,
  path: ResourcePath,
  user: UserInfo,
  q: URLSearchParams,
  verb: Verb,
) => Promise<void>;
