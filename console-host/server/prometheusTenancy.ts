import type { Agent, IncomingMessage, ServerResponse } from 'node:http';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { authorize } from './accessReview';
import { proxyHttp } from './httpProxy';
import { enforceLabel, quotePromString } from './promqlLabel';
import { sendJson, sendStatus } from './status';
import type { Upstream, UpstreamUser } from './upstream';
import { upstreamUrl } from './upstream';

/**
 * `/api/prometheus-tenancy/*`: Prometheus restricted to one namespace, as the console's tenancy
 * path (Thanos querier behind kube-rbac-proxy and prom-label-proxy) serves it to users who cannot
 * read the cluster-wide Prometheus. Every request names its namespace (`?namespace=`); the user
 * must be allowed to get pods there; every vector selector of a query gets `namespace="<ns>"`
 * (prom-label-proxy's enforcement); the rules and alerts answers keep only that namespace.
 */
export const TENANCY_PREFIX = '/api/prometheus-tenancy';

/** The endpoints whose answers are filtered to the namespace here (the tenancy rules port). */
export const TENANCY_FILTERED_PATHS = ['/api/v1/rules', '/api/v1/alerts'];

/** The label the tenancy path enforces. */
const NAMESPACE_LABEL = 'namespace';

/** Form bodies larger than this are refused (a PromQL query is far smaller). */
const MAX_FORM_BYTES = 1024 * 1024;

/**
 * The parameter holding the PromQL of a tenancy query endpoint (the tenancy query port serves
 * these): `query` for instant and range queries, `match[]` selectors for series and labels;
 * undefined for any other path.
 */
export const enforcedParamOf = (path: string): 'query' | 'match[]' | undefined => {
  if (path === '/api/v1/query' || path === '/api/v1/query_range') return 'query';
  if (path === '/api/v1/series' || path === '/api/v1/labels') return 'match[]';
  if (/^\/api\/v1\/label\/[^/]+\/values$/.test(path)) return 'match[]';
  return undefined;
};

/**
 * Rewrites every `param` value of the URL and form parameters so each vector selector has
 * `namespace="<ns>"` (pure apart from editing `sources`). Queries need one `query`; series and
 * labels without `match[]` get `{namespace="<ns>"}`. An error message when a query is missing or
 * does not parse.
 */
export const enforceNamespaceParams = (
  param: 'query' | 'match[]',
  sources: URLSearchParams[],
  namespace: string,
): string | undefined => {
  let count = 0;
  for (const source of sources) {
    const values = source.getAll(param);
    if (!values.length) continue;
    const enforced: string[] = [];
    for (const value of values) {
      const result = enforceLabel(value, NAMESPACE_LABEL, namespace);
      if (!result.ok) return `invalid parameter "${param}": ${result.error}`;
      enforced.push(result.query);
    }
    source.delete(param);
    for (const value of enforced) source.append(param, value);
    count += values.length;
  }
  if (count) return undefined;
  if (param === 'query') return 'invalid parameter "query": no query given';
  sources[0]?.append(param, `{${NAMESPACE_LABEL}=${quotePromString(namespace)}}`);
  return undefined;
};

/** A Prometheus API error answer (`status: error`), as Prometheus itself writes them. */
const sendPrometheusError = (
  res: ServerResponse,
  code: number,
  errorType: string,
  error: string,
): void => sendJson(res, code, { status: 'error', errorType, error });

const readBody = (req: IncomingMessage, limit: number): Promise<Buffer | undefined> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= limit) chunks.push(c);
    });
    req.on('end', () => resolve(size <= limit ? Buffer.concat(chunks) : undefined));
    req.on('error', reject);
  });

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
 * A tenancy query (GET, or POST with a form body) passed on with the namespace enforced in its
 * PromQL; 404 for endpoints the tenancy query port does not serve, 400 for a query that is missing
 * or does not parse.
 */
const proxyEnforcedQuery = async (
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  target: URL,
  agent: Agent,
  namespace: string,
): Promise<void> => {
  const param = enforcedParamOf(path);
  if (!param) {
    sendPrometheusError(res, 404, 'not_found', `${path} is not served on the tenancy path`);
    return;
  }
  if (req.method !== 'GET' && req.method !== 'POST') {
    sendStatus(res, 405, 'MethodNotAllowed', `${req.method} is not allowed on ${path}`);
    return;
  }
  let form: URLSearchParams | undefined;
  if (req.method === 'POST') {
    const type = String(req.headers['content-type'] ?? '')
      .split(';')[0]
      .trim()
      .toLowerCase();
    if (type !== 'application/x-www-form-urlencoded') {
      sendPrometheusError(res, 415, 'bad_data', 'a POST query needs a form body');
      return;
    }
    const body = await readBody(req, MAX_FORM_BYTES);
    if (!body) {
      sendPrometheusError(res, 413, 'bad_data', 'the form body is too large');
      return;
    }
    form = new URLSearchParams(body.toString('utf8'));
  }
  const error = enforceNamespaceParams(
    param,
    form ? [target.searchParams, form] : [target.searchParams],
    namespace,
  );
  if (error) {
    sendPrometheusError(res, 400, 'bad_data', error);
    return;
  }
  proxyHttp(req, res, {
    url: target,
    agent,
    label: 'Prometheus',
    ...(form ? { body: Buffer.from(form.toString(), 'utf8') } : {}),
  });
};

/**
 * Serves `/api/prometheus-tenancy/*` from `prometheus`: 400 without one `namespace`, 403 when the
 * user cannot get pods there, the rules and alerts answers filtered to it, queries (instant,
 * range, series, labels) with `namespace="<ns>"` enforced on every selector.
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
  const allowed = await authorize(
    res,
    upstream,
    k8sAgent,
    user,
    { namespace, verb: 'get', resource: 'pods' },
    `user "${user.username}" cannot get pods in the namespace "${namespace}"`,
  );
  if (!allowed) return;
  const rest = (req.url ?? TENANCY_PREFIX).slice(TENANCY_PREFIX.length);
  const target = upstreamUrl(prometheus.url, rest.startsWith('/') ? rest : `/${rest}`);
  target.searchParams.delete('namespace');
  const path = url.pathname.slice(TENANCY_PREFIX.length);
  if (!TENANCY_FILTERED_PATHS.includes(path)) {
    await proxyEnforcedQuery(req, res, path, target, prometheus.agent, namespace);
    return;
  }
  if (req.method !== 'GET') {
    sendStatus(res, 405, 'MethodNotAllowed', `${req.method} is not allowed on ${path}`);
    return;
  }
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
