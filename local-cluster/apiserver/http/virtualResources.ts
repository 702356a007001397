import type { IncomingMessage, ServerResponse } from 'node:http';
import { rulesFor } from '../auth/rbacAuthorizer';
import type { RequestAttributes } from '../auth/rbacTypes';
import { badRequest, methodNotAllowed, notFound, routeNotFound } from '../core/statusError';
import type { KubeObject } from '../core/types';
import type { ResourceKind } from '../registry/resourceKind';
import { processTemplate } from '../rest/processTemplate';
import type { VirtualHandler } from './virtualHandler';
import { authorizeResource, parseObjectBody } from './resourceHandler';
import { readBody, readBodyBytes, sendJson } from './respond';
import { handleProjects } from './projects';

interface ReviewSpec {
  resourceAttributes?: {
    namespace?: string;
    verb?: string;
    group?: string;
    resource?: string;
    subresource?: string;
    name?: string;
  };
  nonResourceAttributes?: { path?: string; verb?: string };
  user?: string;
  groups?: string[];
  uid?: string;
  namespace?: string;
}

const attributesOf = (spec: ReviewSpec, namespaceOverride?: string): RequestAttributes => {
  if (spec.resourceAttributes) {
    const a = spec.resourceAttributes;
    return {
      resourceRequest: true,
      verb: a.verb ?? '',
      apiGroup: a.group ?? '',
      resource: a.resource ?? '',
      subresource: a.subresource || undefined,
      name: a.name || undefined,
      namespace: namespaceOverride ?? (a.namespace || undefined),
    };
  }
  if (spec.nonResourceAttributes) {
    return {
      resourceRequest: false,
      verb: spec.nonResourceAttributes.verb ?? '',
      path: spec.nonResourceAttributes.path ?? '',
    };
  }
  throw badRequest('exactly one of nonResourceAttributes or resourceAttributes must be specified');
};

const readReview = async (req: IncomingMessage): Promise<KubeObject & { spec?: ReviewSpec }> => {
  const body = parseObjectBody(
    await readBodyBytes(req),
    req.headers['content-type'],
  ) as KubeObject & {
    spec?: ReviewSpec;
  };
  if (!body.spec || typeof body.spec !== 'object') throw badRequest('spec is required');
  return body;
};

const answerReview = (
  res: ServerResponse,
  review: KubeObject,
  kind: ResourceKind,
  status: Record<string, unknown>,
): void =>
  sendJson(res, 201, {
    ...review,
    apiVersion: 'authorization.k8s.io/v1',
    kind: kind.kind,
    metadata: review.metadata ?? {},
    status,
  });

const accessReview: VirtualHandler = async (ctx, req, res, kind, path, user, _q, verb) => {
  if (verb !== 'create') throw methodNotAllowed('only create is supported on access reviews');
  const review = await readReview(req);
  const spec = review.spec as ReviewSpec;
  let subject = user;
  if (kind.plural !== 'selfsubjectaccessreviews') {
    if (!spec.user && !spec.groups?.length)
      throw badRequest('spec.user or spec.groups is required');
    subject = { username: spec.user ?? '', uid: spec.uid, groups: spec.groups ?? [] };
  }
  const nsOverride = kind.plural === 'localsubjectaccessreviews' ? path.namespace : undefined;
  const decision = ctx.rbac.authorize(subject, attributesOf(spec, nsOverride));
  answerReview(res, review, kind, {
    allowed: decision.allowed,
    ...(decision.reason ? { reason: decision.reason } : {}),
  });
};

const rulesReview: VirtualHandler = async (ctx, req, res, kind, _path, user, _q, verb) => {
  if (verb !== 'create') throw methodNotAllowed('only create is supported on rules reviews');
  const review = await readReview(req);
  const namespace = (review.spec as ReviewSpec).namespace ?? '';
  const rules = user.groups.includes('system:masters')
    ? {
        resourceRules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }],
        nonResourceRules: [{ verbs: ['*'], nonResourceURLs: ['*'] }],
        incomplete: false,
      }
    : rulesFor(user, namespace, ctx.rbac.snapshot());
  answerReview(res, review, kind, { ...rules, evaluationError: '' });
};

/** `users/~` is who you are, the way `oc whoami` and the console's user menu ask. */
const users: VirtualHandler = async (_ctx, _req, res, _kind, path, user, _q, verb) => {
  if (verb !== 'get') throw methodNotAllowed('only get is supported on users');
  if (path.name !== '~' && path.name !== user.username)
    throw notFound('users', 'user.openshift.io', path.name ?? '');
  sendJson(res, 200, {
    kind: 'User',
    apiVersion: 'user.openshift.io/v1',
    metadata: { name: user.username, uid: user.uid },
    fullName: user.username,
    identities: [`local:${user.username}`],
    groups: user.groups.filter((g) => !g.startsWith('system:')),
  });
};

const processedTemplates: VirtualHandler = async (ctx, req, res, _kind, path, user, _q, verb) => {
  if (verb !== 'create') throw methodNotAllowed('only create is supported on processedtemplates');
  authorizeResource(ctx, user, {
    resourceRequest: true,
    verb: 'create',
    apiGroup: 'template.openshift.io',
    resource: 'processedtemplates',
    namespace: path.namespace,
  });
  const template = parseObjectBody(await readBody(req), req.headers['content-type']) as KubeObject;
  if (template.kind !== undefined && template.kind !== 'Template')
    throw badRequest(`expected kind Template, got ${String(template.kind)}`);
  sendJson(
    res,
    201,
    processTemplate({
      ...template,
      apiVersion: 'template.openshift.io/v1',
      kind: 'Template',
      metadata: template.metadata ?? {},
    }),
  );
};

const HANDLERS: Record<string, VirtualHandler> = {
  'authorization.k8s.io/selfsubjectaccessreviews': accessReview,
  'authorization.k8s.io/subjectaccessreviews': accessReview,
  'authorization.k8s.io/localsubjectaccessreviews': accessReview,
  'authorization.k8s.io/selfsubjectrulesreviews': rulesReview,
  'user.openshift.io/users': users,
  'template.openshift.io/processedtemplates': processedTemplates,
  'project.openshift.io/projects': handleProjects,
  'project.openshift.io/projectrequests': handleProjects,
};

/** Kinds whose handler checks access per object (a project is visible through its namespace). */
export const authorizesItself = (kind: ResourceKind): boolean =>
  kind.group === 'project.openshift.io';

/** Kinds the server computes instead of storing: reviews, identity, projects, processed templates. */
export const handleVirtual: VirtualHandler = async (ctx, req, res, kind, path, user, q, verb) => {
  const key = `${kind.group}/${kind.plural}`;
  const handler = HANDLERS[key] ?? ctx.extensions.virtualHandlers.get(key);
  if (!handler) throw routeNotFound();
  await handler(ctx, req, res, kind, path, user, q, verb);
};
