import type { ResourceAttributes } from '../auth/rbacTypes';
import { forbiddenMessage } from '../auth/rbacAuthorizer';
import { badRequest, forbidden, methodNotAllowed } from '../core/statusError';
import type { KubeObject, UserInfo } from '../core/types';
import type { ResourceKind } from '../registry/resourceKind';
import { systemContext } from '../rest/requestContext';
import { applyMergePatch } from '../patch/mergePatch';
import { applyJsonPatch } from '../patch/jsonPatch';
import { parsePatchBody, patchTypeOf } from '../rest/patchObject';
import { parseObjectBody, requestContextOf } from './resourceHandler';
import { includeObjectOf, isWatch, selectorsOf } from './queryOptions';
import { readBody, sendJson, successStatus } from './respond';
import type { ServerContext } from './serverContext';
import type { VirtualHandler } from './virtualHandler';
import { representationOf, toTable } from './tableView';
import { startWatch } from './watchStream';

const PROJECT_ANNOTATIONS = [
  'openshift.io/display-name',
  'openshift.io/description',
  'openshift.io/requester',
];

const namespaceKind = (ctx: ServerContext): ResourceKind =>
  ctx.registry.lookup('', 'v1', 'namespaces') as ResourceKind;

export const toProject = (ns: KubeObject): KubeObject => ({
  kind: 'Project',
  apiVersion: 'project.openshift.io/v1',
  metadata: ns.metadata,
  spec: {
    finalizers: (ns.spec as { finalizers?: string[] } | undefined)?.finalizers ?? ['kubernetes'],
  },
  status: ns.status ?? { phase: 'Active' },
});

const projectAttrs = (verb: string, name: string): ResourceAttributes => ({
  resourceRequest: true,
  verb,
  apiGroup: 'project.openshift.io',
  resource: 'projects',
  name,
  namespace: name,
});

/** A project is visible to whoever may get it inside its own namespace (OpenShift's rule). */
const canSee = (ctx: ServerContext, user: UserInfo, name: string): boolean =>
  ctx.rbac.authorize(user, projectAttrs('get', name)).allowed ||
  ctx.rbac.authorize(user, {
    resourceRequest: true,
    verb: 'get',
    apiGroup: '',
    resource: 'namespaces',
    name,
  }).allowed;

const require = (ctx: ServerContext, user: UserInfo, verb: string, name: string): void => {
  const attrs = projectAttrs(verb, name);
  if (!ctx.rbac.authorize(user, attrs).allowed)
    throw forbidden(forbiddenMessage(user, attrs), {
      name,
      group: 'project.openshift.io',
      kind: 'projects',
    });
};

/** Creates the namespace of a new project and makes the requester its admin, like `oc new-project`. */
const createProject = (
  ctx: ServerContext,
  user: UserInfo,
  body: KubeObject & { displayName?: string; description?: string },
  viaRequest: boolean,
): KubeObject => {
  const name = body.metadata?.name;
  if (!name) throw badRequest('metadata.name is required');
  const annotations: Record<string, string> = {
    ...(body.metadata.annotations ?? {}),
    'openshift.io/requester': user.username,
  };
  if (viaRequest) {
    if (body.displayName) annotations['openshift.io/display-name'] = body.displayName;
    if (body.description) annotations['openshift.io/description'] = body.description;
  }
  const ns = ctx.service.create(
    namespaceKind(ctx),
    undefined,
    {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name,
        annotations,
        labels: { ...(body.metadata.labels ?? {}), 'kubernetes.io/metadata.name': name },
      },
      spec: { finalizers: ['kubernetes'] },
    },
    systemContext(),
    { keepStatus: false },
  );
  const withStatus = ctx.service.update(
    namespaceKind(ctx),
    undefined,
    name,
    { ...ns, status: { phase: 'Active' } },
    systemContext(),
    'status',
  );
  ctx.service.create(
    ctx.registry.lookup('rbac.authorization.k8s.io', 'v1', 'rolebindings') as ResourceKind,
    name,
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'admin', namespace: name },
      subjects: [{ kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: user.username }],
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'admin' },
    },
    systemContext(),
  );
  return toProject(withStatus);
};

/** projects and projectrequests: OpenShift's per-user view of namespaces. */
export const handleProjects: VirtualHandler = async (ctx, req, res, kind, path, user, q, verb) => {
  const nsKind = namespaceKind(ctx);
  if (kind.plural === 'projectrequests') {
    const attrs: ResourceAttributes = {
      resourceRequest: true,
      verb,
      apiGroup: kind.group,
      resource: kind.plural,
    };
    if (!ctx.rbac.authorize(user, attrs).allowed) throw forbidden(forbiddenMessage(user, attrs));
    if (verb === 'list') return sendJson(res, 200, successStatus());
    if (verb !== 'create')
      throw methodNotAllowed('only create and list are supported on projectrequests');
    const body = parseObjectBody(await readBody(req), req.headers['content-type']) as KubeObject;
    return sendJson(res, 201, createProject(ctx, user, body, true));
  }
  const name = path.name ?? '';
  switch (verb) {
    case 'list':
    case 'watch': {
      const visible = (ns: KubeObject) => canSee(ctx, user, ns.metadata.name ?? '');
      const selectors = selectorsOf(kind, q);
      if (verb === 'watch' || isWatch(q)) {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' });
        const listeners: (() => void)[] = [];
        req.on('close', () => listeners.forEach((l) => l()));
        startWatch(
          ctx.service,
          ctx.cache,
          {
            kind: nsKind,
            selectors,
            resourceVersion: q.get('resourceVersion') ?? undefined,
            allowBookmarks: q.get('allowWatchBookmarks') === 'true',
            representation: 'object',
            includeObject: 'Metadata',
            visible,
            transform: toProject,
          },
          {
            send: (text) => res.write(`${text}\n`),
            close: () => res.end(),
            onClose: (l) => listeners.push(l),
          },
        );
        return;
      }
      const list = ctx.service.list(nsKind, undefined, selectors);
      const items = list.items.filter(visible).map(toProject);
      if (representationOf(req.headers.accept) === 'table') {
        return sendJson(
          res,
          200,
          toTable(kind, items, { resourceVersion: list.resourceVersion }, includeObjectOf(q)),
        );
      }
      return sendJson(res, 200, {
        kind: 'ProjectList',
        apiVersion: 'project.openshift.io/v1',
        metadata: { resourceVersion: list.resourceVersion },
        items,
      });
    }
    case 'get':
      require(ctx, user, 'get', name);
      return sendJson(res, 200, toProject(ctx.service.get(nsKind, undefined, name)));
    case 'create': {
      const attrs: ResourceAttributes = {
        resourceRequest: true,
        verb: 'create',
        apiGroup: kind.group,
        resource: 'projects',
      };
      if (!ctx.rbac.authorize(user, attrs).allowed) throw forbidden(forbiddenMessage(user, attrs));
      const body = parseObjectBody(await readBody(req), req.headers['content-type']) as KubeObject;
      return sendJson(res, 201, createProject(ctx, user, body, false));
    }
    case 'delete':
      require(ctx, user, 'delete', name);
      ctx.service.delete(nsKind, undefined, name, {}, requestContextOf(user, q));
      return sendJson(
        res,
        200,
        successStatus({ name, group: 'project.openshift.io', kind: 'projects' }),
      );
    case 'update':
    case 'patch': {
      require(ctx, user, verb, name);
      const stored = toProject(ctx.service.get(nsKind, undefined, name));
      const raw = await readBody(req);
      let desired: KubeObject;
      if (verb === 'update')
        desired = parseObjectBody(raw, req.headers['content-type']) as KubeObject;
      else {
        const type = patchTypeOf(req.headers['content-type']);
        const patch = parsePatchBody(type, raw);
        desired = (
          type === 'json' ? applyJsonPatch(stored, patch) : applyMergePatch(stored, patch)
        ) as KubeObject;
      }
      // Only the project's descriptive metadata is writable through the project.
      const ns = ctx.service.get(nsKind, undefined, name);
      const annotations = Object.fromEntries(
        Object.entries(ns.metadata.annotations ?? {}).filter(
          ([k]) => !PROJECT_ANNOTATIONS.includes(k),
        ),
      );
      for (const key of PROJECT_ANNOTATIONS) {
        const v = desired.metadata?.annotations?.[key];
        if (v !== undefined) annotations[key] = v;
      }
      const written = ctx.service.update(
        nsKind,
        undefined,
        name,
        {
          ...ns,
          metadata: {
            ...ns.metadata,
            labels: desired.metadata?.labels ?? ns.metadata.labels,
            annotations,
          },
        },
        requestContextOf(user, q),
      );
      return sendJson(res, 200, toProject(written));
    }
    default:
      throw methodNotAllowed(`${verb} is not supported on projects`);
  }
};
