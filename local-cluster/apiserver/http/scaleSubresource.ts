import type { IncomingMessage, ServerResponse } from 'node:http';
import { badRequest, routeNotFound } from '../core/statusError';
import type { KubeObject, UserInfo } from '../core/types';
import { applyJsonPatch } from '../patch/jsonPatch';
import { applyMergePatch } from '../patch/mergePatch';
import type { ResourceKind } from '../registry/resourceKind';
import { parsePatchBody, patchTypeOf } from '../rest/patchObject';
import { evaluateJsonPath } from './jsonPath';
import { readBody, sendJson } from './respond';
import type { ServerContext } from './serverContext';
import { parseObjectBody, requestContextOf } from './resourceHandler';

const scaleOf = (kind: ResourceKind, obj: KubeObject): KubeObject => {
  const scale = kind.scale;
  if (!scale) throw routeNotFound();
  const selector = scale.labelSelectorPath
    ? evaluateJsonPath(obj, scale.labelSelectorPath)[0]
    : undefined;
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: {
      name: obj.metadata.name,
      namespace: obj.metadata.namespace,
      uid: obj.metadata.uid,
      resourceVersion: obj.metadata.resourceVersion,
      creationTimestamp: obj.metadata.creationTimestamp,
    },
    spec: { replicas: Number(evaluateJsonPath(obj, scale.specReplicasPath)[0] ?? 0) },
    status: {
      replicas: Number(evaluateJsonPath(obj, scale.statusReplicasPath)[0] ?? 0),
      ...(typeof selector === 'string' ? { selector } : {}),
    },
  };
};

const setPath = (
  obj: Record<string, unknown>,
  path: string,
  value: unknown,
): Record<string, unknown> => {
  const [head, ...rest] = path.replace(/^\./, '').split('.');
  const child = (obj[head] ?? {}) as Record<string, unknown>;
  return { ...obj, [head]: rest.length ? setPath(child, rest.join('.'), value) : value };
};

/** The `scale` subresource (autoscaling/v1 Scale), mapped onto the kind's replica paths. */
export const scaleHandler = async (
  ctx: ServerContext,
  req: IncomingMessage,
  res: ServerResponse,
  kind: ResourceKind,
  namespace: string | undefined,
  name: string,
  user: UserInfo,
  q: URLSearchParams,
): Promise<void> => {
  if (!kind.scale) throw routeNotFound();
  const stored = ctx.service.get(kind, namespace, name);
  if (req.method === 'GET') {
    sendJson(res, 200, scaleOf(kind, stored));
    return;
  }
  const raw = await readBody(req);
  let desired: KubeObject;
  if (req.method === 'PUT') {
    desired = parseObjectBody(raw, req.headers['content-type']) as KubeObject;
  } else if (req.method === 'PATCH') {
    const type = patchTypeOf(req.headers['content-type']);
    const patch = parsePatchBody(type, raw);
    const current = scaleOf(kind, stored);
    desired = (
      type === 'json' ? applyJsonPatch(current, patch) : applyMergePatch(current, patch)
    ) as KubeObject;
  } else {
    throw badRequest(`${req.method ?? ''} is not supported on scale`);
  }
  const replicas = (desired.spec as { replicas?: unknown } | undefined)?.replicas;
  if (!Number.isInteger(replicas) || (replicas as number) < 0) {
    throw badRequest('Scale.spec.replicas must be a non-negative integer');
  }
  const next = setPath(
    structuredClone(stored) as unknown as Record<string, unknown>,
    kind.scale.specReplicasPath,
    replicas,
  ) as unknown as KubeObject;
  const written = ctx.service.update(kind, namespace, name, next, requestContextOf(user, q));
  sendJson(res, 200, scaleOf(kind, written));
};
