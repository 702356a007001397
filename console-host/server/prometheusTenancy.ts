import type { Agent, IncomingMessage, ServerResponse } from 'node:http';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { proxyHttp } from './httpProxy';
import { sendJson, sendStatus } from './status';
import type { Upstream, UpstreamUser } from './upstream';
import { upstreamUrl } from './upstream';

/**
 * `/api/prometheus-tenancy/*`: Prometheus restricted to one namespace, as the console's tenancy
 * path (Thanos querier behind kube-rbac-proxy and prom-label-proxy) serves it to users who cannot
 * read the cluster-wide Prometheus. Every request names its namespace (`?namespace=`); the user
 * must be allowed to get pods there; the rules and alerts answers keep only that namespace.
 */
export const TENANCY_PREFIX = '/api/prometheus-tenancy';

/** The endpoints whose answers are filtered to the namespace here (the tenancy rules port). */
export const TENANCY_FILTERED_PATHS = ['/api/v1/rules', '/api/v1/alerts'];

type Labels = Record<string, string> | undefined;
type RuleAlert = { labels?: Labels } & Record<string, unknown>;
type Rule = { labels?: Labels; alerts?: RuleAlert[] } & Record<string, unknown>;
type RulesBody = {
  data?: { groups?: ({ rules?: Rule[] } & Record<string, unknown>)[]; alerts?: RuleAlert[] };
} & Record<string, unknown>;

const inNamespace = (labels: Labels, namespace: string): boolean => labels?.namespace === namespace;

/**
 * A `/api/v1/rules` or `/api/v1/alerts` answer cut down to one namespace (pure): alerts without
 * that `namespace` label go; a rule stays while it has alerts left or is itself labelled with the
 * namespace; a group stays while it has rules.
 */
export const filterRulesToNamespace = (body: unknown, namespace: string): unknown => {
  const rules = body as RulesBody | null;
  if (!rules || typeof rules !== 'object' || !rules.data || typeof rules.data !== 'object')
    return body;
  const data = { ...rules.data };
  if (Array.isArray(data.alerts))
    data.alerts = data.alerts.filter((a) => inNamespace(a?.labels, namespace));
  if (Array.isArray(data.groups))
    data.groups = data.groups
      .map((group) => ({
        ...group,
        rules: (group.rules ?? [])
          .map((rule) => ({
            ...rule,
            ...(Array.isArray(rule.alerts)
              ? { alerts: rule.alerts.filter((a) => inNamespace(a?.labels, namespace)) }
              : {}),
          }))
          .filter((rule) => (rule.alerts?.length ?? 0) > 0 || inNamespace(rule.labels, namespace)),
      }))
      .filter((group) => group.rules.length > 0);
  return { ...rules, data };
};

/** The namespace a tenancy request is for, or undefined (none, or more than one). */
export const tenancyNamespaceOf = (url: URL): string | undefined => {
  const all = url.searchParams.getAll('namespace');
  return all.length === 1 && all[0] ? all[0] : undefined;
};

const postJson = (
  url: URL,
  agent: Agent,
  token: string,
  body: unknown,
): Promise<{ status: number; json: unknown }> =>
  new Promise((resolve, reject) => {
    const text = JSON.stringify(body);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(url, {
      method: 'POST',
      agent,
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
        Accept: 'application/json',
        'Content-Length': Buffer.byteLength(text),
      },
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        let json: unknown;
        try {
          json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, json });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(text);
  });

/** Whether the user may get pods in the namespace (a SelfSubjectAccessReview as that user). */
export const canGetPods = async (
  upstream: Upstream,
  agent: Agent,
  user: UpstreamUser,
  namespace: string,
): Promise<boolean> => {
  const answer = await postJson(
    upstreamUrl(upstream.server, '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews'),
    agent,
    user.token,
    {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      spec: { resourceAttributes: { namespace, verb: 'get', resource: 'pods' } },
    },
  );
  return (
    answer.status === 201 &&
    (answer.json as { status?: { allowed?: boolean } } | undefined)?.status?.allowed === true
  );
};

const getJson = (url: URL, agent: Agent): Promise<{ status: number; text: string }> =>
  new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(url, { method: 'GET', agent, headers: { Accept: 'application/json' } });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });

/**
 * Serves `/api/prometheus-tenancy/*` from `prometheus`: 400 without one `namespace`, 403 when the
 * user cannot get pods there, the rules and alerts answers filtered to it; other endpoints
 * (queries) are passed on as they are.
 */
export const proxyPrometheusTenancy = async (
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  prometheus: { url: string; agent: Agent },
  upstream: Upstream,
  k8sAgent: Agent,
  user: UpstreamUser,
): Promise<void> => {
  const namespace = tenancyNamespaceOf(url);
  if (!namespace) {
    sendStatus(res, 400, 'BadRequest', 'the tenancy path needs one namespace query parameter');
    return;
  }
  let allowed: boolean;
  try {
    allowed = await canGetPods(upstream, k8sAgent, user, namespace);
  } catch {
    sendStatus(res, 502, 'BadGateway', 'error trying to reach the cluster for an access review');
    return;
  }
  if (!allowed) {
    sendStatus(
      res,
      403,
      'Forbidden',
      `user "${user.username}" cannot get pods in the namespace "${namespace}"`,
    );
    return;
  }
  const rest = (req.url ?? TENANCY_PREFIX).slice(TENANCY_PREFIX.length);
  const target = upstreamUrl(prometheus.url, rest.startsWith('/') ? rest : `/${rest}`);
  const path = url.pathname.slice(TENANCY_PREFIX.length);
  if (!TENANCY_FILTERED_PATHS.includes(path)) {
    proxyHttp(req, res, { url: target, agent: prometheus.agent, label: 'Prometheus' });
    return;
  }
  if (req.method !== 'GET') {
    sendStatus(res, 405, 'MethodNotAllowed', `${req.method} is not allowed on ${path}`);
    return;
  }
  target.searchParams.delete('namespace');
  let answer: { status: number; text: string };
  try {
    answer = await getJson(target, prometheus.agent);
  } catch (err) {
    sendStatus(res, 502, 'BadGateway', `error trying to reach Prometheus: ${String(err)}`);
    return;
  }
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    sendStatus(res, 502, 'BadGateway', 'Prometheus did not answer with JSON');
    return;
  }
  sendJson(
    res,
    answer.status,
    answer.status < 300 ? filterRulesToNamespace(body, namespace) : body,
  );
};
