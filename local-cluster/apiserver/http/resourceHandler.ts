import type { IncomingMessage, ServerResponse } from 'node:http';
import { load } from 'js-yaml';
import type { ResourceAttributes } from '../auth/rbacTypes';
import { badRequest, forbidden, methodNotAllowed, routeNotFound } from '../core/statusError';
import type { KubeObject, UserInfo } from '../core/types';
import type { Verb } from '../registry/resourceKind';
import { apiVersionOf } from '../registry/resourceKind';
import { parsePatchBody, patchTypeOf } from '../rest/patchObject';
import type { RequestContext } from '../rest/requestContext';
import { forbiddenMessage } from '../auth/rbacAuthorizer';
import type { ApiPath } from './parseApiPath';
import {
  dryRunOf,
  fieldValidationOf,
  includeObjectOf,
  isWatch,
  limitOf,
  propagationOf,
  selectorsOf,
} from './queryOptions';
import { listJson } from './objectJson';
import { readBodyBytes, sendJson, sendJsonText } from './respond';
import { decodeProtobufObject, isProtobuf } from './protobufObjects';
import { servePodLog } from './podLog';
import { scaleHandler } from './scaleSubresource';
import type { ServerContext } from './serverContext';
import { partialMetadata, representationOf, toTable } from './tableView';
import { authorizesItself, handleVirtual } from './virtualResources';
import { startWatch } from './watchStream';

export type ResourcePath = Extract<ApiPath, { type: 'resource' }>;

/** The verb RBAC checks, from the HTTP method and the path, as kube's request info resolver does. */
export const verbOf = (method: string, path: ResourcePath, q: URLSearchParams): Verb => {
  switch (method) {
    case 'GET':
    case 'HEAD':
      return path.name ? 'get' : isWatch(q) ? 'watch' : 'list';
    case 'POST':
      return 'create';
    case 'PUT':
    case 'PATCH':
      // Kube routes PUT and PATCH only for named objects; on a collection they are 405.
      if (!path.name)
        throw methodNotAllowed('the server does not allow this method on the requested resource');
      return method === 'PUT' ? 'update' : 'patch';
    case 'DELETE':
      return path.name ? 'delete' : 'deletecollection';
    default:
      throw methodNotAllowed(`${method} is not supported`);
  }
};

export const authorizeResource = (
  ctx: ServerContext,
  user: UserInfo,
  attrs: ResourceAttributes,
): void => {
  if (!ctx.rbac.authorize(user, attrs).allowed) {
    throw forbidden(forbiddenMessage(user, attrs), {
      name: attrs.name,
      group: attrs.apiGroup,
      kind: attrs.subresource ? `${attrs.resource}/${attrs.subresource}` : attrs.resource,
    });
  }
};

/** Request bodies are JSON, or YAML when the client says so (kubectl may send either). */
export const parseObjectBody = (
  body: Buffer | string,
  contentType: string | undefined,
): unknown => {
  if (isProtobuf(contentType))
    return decodeProtobufObject(Buffer.isBuffer(body) ? body : Buffer.from(body));
  const raw = body.toString();
  if (!raw.trim()) throw badRequest('the request body is empty');
  let parsed: unknown;
  try {
    parsed = (contentType ?? '').includes('yaml') ? load(raw) : JSON.parse(raw);
  } catch (e) {
    throw badRequest(`the object provided is unrecognized: ${(e as Error).message.split('\n')[0]}`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw badRequest('the object provided is unrecognized: the request body must be a JSON object');
  }
  return parsed;
};

export const requestContextOf = (user: UserInfo, q: URLSearchParams): RequestContext => ({
  user,
  dryRun: dryRunOf(q),
  fieldManager: q.get('fieldManager') ?? undefined,
  fieldValidation: fieldValidationOf(q),
  warnings: [],
});

const listMeta = (rv: string, cont?: string, remaining?: number): Record<string, unknown> => ({
  resourceVersion: rv,
  ...(cont ? { continue: cont } : {}),
  ...(remaining !== undefined ? { remainingItemCount: remaining } : {}),
});

/** Answers one request on a resource path: authorization, verb dispatch and representation. */
export const handleResource = async (
  ctx: ServerContext,
  req: IncomingMessage,
  res: ServerResponse,
  path: ResourcePath,
  user: UserInfo,
  q: URLSearchParams,
): Promise<void> => {
  const kind = ctx.registry.lookup(path.group, path.version, path.plural);
  if (!kind || (path.namespace !== undefined && !kind.namespaced && !kind.virtual))
    throw routeNotFound();
  const method = req.method ?? 'GET';
  const verb = verbOf(method, path, q);
  if (!authorizesItself(kind)) {
    authorizeResource(ctx, user, {
      resourceRequest: true,
      verb,
      apiGroup: kind.group,
      resource: kind.plural,
      subresource: path.subresource,
      name: path.name,
      namespace: path.namespace,
    });
  }
  if (kind.virtual) {
    await handleVirtual(ctx, req, res, kind, path, user, q, verb);
    return;
  }
  if (!kind.verbs.includes(verb))
    throw methodNotAllowed(`the server does not allow this method on the requested resource`);
  const representation = representationOf(req.headers.accept);
  const namespace = kind.namespaced ? path.namespace : undefined;

  if (path.subresource === 'scale') {
    await scaleHandler(ctx, req, res, kind, namespace, path.name ?? '', user, q);
    return;
  }
  if (path.subresource === 'log' && kind.group === '' && kind.plural === 'pods') {
    if (verb !== 'get')
      throw methodNotAllowed('the server does not allow this method on the requested resource');
    servePodLog(req, res, ctx.service.get(kind, namespace, path.name ?? ''), q, [
      ...ctx.extensions.containerLogs,
    ]);
    return;
  }
  if (path.subresource !== undefined && !(path.subresource === 'status' && kind.statusSubresource))
    throw routeNotFound();
  const subresource = path.subresource as 'status' | undefined;

  if (verb === 'get') {
    const obj = ctx.service.get(kind, namespace, path.name ?? '');
    sendJson(
      res,
      200,
      representation === 'table'
        ? toTable(
            kind,
            [obj],
            { resourceVersion: obj.metadata.resourceVersion },
            includeObjectOf(q),
          )
        : representation === 'partialMetadata'
          ? partialMetadata(obj)
          : obj,
    );
    return;
  }
  if (verb === 'list' || verb === 'watch') {
    const selectors = selectorsOf(kind, q);
    if (verb === 'watch') {
      res.writeHead(200, {
        'Content-Type': 'application/json',
        'Cache-Control': 'no-cache, private',
        'Transfer-Encoding': 'chunked',
      });
      res.flushHeaders();
      const closeListeners: (() => void)[] = [];
      req.on('close', () => closeListeners.forEach((l) => l()));
      startWatch(
        ctx.service,
        ctx.cache,
        {
          kind,
          namespace,
          selectors,
          resourceVersion: q.get('resourceVersion') ?? undefined,
          allowBookmarks: q.get('allowWatchBookmarks') === 'true',
          timeoutSeconds: q.get('timeoutSeconds') ? Number(q.get('timeoutSeconds')) : undefined,
          representation,
          includeObject: includeObjectOf(q),
        },
        {
          send: (text) => res.write(`${text}\n`),
          close: () => res.end(),
          onClose: (l) => closeListeners.push(l),
        },
      );
      return;
    }
    const result = ctx.service.list(kind, namespace, {
      ...selectors,
      limit: limitOf(q),
      continueToken: q.get('continue') ?? undefined,
    });
    const meta = listMeta(result.resourceVersion, result.continue, result.remainingItemCount);
    if (representation === 'table') {
      sendJson(res, 200, toTable(kind, result.items, meta, includeObjectOf(q)));
    } else if (representation === 'partialMetadata') {
      sendJson(res, 200, {
        kind: 'PartialObjectMetadataList',
        apiVersion: 'meta.k8s.io/v1',
        metadata: meta,
        items: result.items.map(partialMetadata),
      });
    } else {
      sendJsonText(
        res,
        200,
        listJson(
          { kind: kind.listKind, apiVersion: apiVersionOf(kind), metadata: meta },
          result.items,
        ),
      );
    }
    return;
  }

  const bytes = await readBodyBytes(req);
  const raw = bytes.toString('utf8');
  const rctx = requestContextOf(user, q);
  let status = 200;
  let out: KubeObject | Record<string, unknown>;
  switch (verb) {
    case 'create':
      if (path.name) throw methodNotAllowed('POST is not supported on a named resource');
      out = ctx.service.create(
        kind,
        namespace,
        parseObjectBody(bytes, req.headers['content-type']),
        rctx,
      );
      status = 201;
      break;
    case 'update':
      out = ctx.service.update(
        kind,
        namespace,
        path.name ?? '',
        parseObjectBody(bytes, req.headers['content-type']),
        rctx,
        subresource,
      );
      break;
    case 'patch': {
      const type = patchTypeOf(req.headers['content-type']);
      const force = q.get('force') === 'true';
      const result = ctx.service.patch(
        kind,
        namespace,
        path.name ?? '',
        type,
        parsePatchBody(type, raw),
        rctx,
        { subresource, force },
      );
      out = result.object;
      if (result.created) status = 201;
      break;
    }
    case 'delete':
    case 'deletecollection': {
      const body = raw.trim()
        ? (parseObjectBody(raw, req.headers['content-type']) as Record<string, unknown>)
        : undefined;
      const options = {
        propagationPolicy: propagationOf(q, body),
        preconditions: body?.preconditions as
          { uid?: string; resourceVersion?: string } | undefined,
      };
      if (verb === 'delete') {
        out = ctx.service.delete(kind, namespace, path.name ?? '', options, rctx);
      } else {
        const items = ctx.service.deleteCollection(
          kind,
          namespace,
          selectorsOf(kind, q),
          options,
          rctx,
        );
        out = { kind: kind.listKind, apiVersion: apiVersionOf(kind), metadata: {}, items };
      }
      break;
    }
    default:
      throw methodNotAllowed(`${method} is not supported`);
  }
  sendJson(res, status, out, rctx.warnings);
};
