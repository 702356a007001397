import type { Agent, IncomingMessage, ServerResponse } from 'node:http';
import type { ResourceAttributes } from './accessReview';
import { authorize } from './accessReview';
import { proxyHttp } from './httpProxy';
import { sendStatus } from './status';
import type { Upstream, UpstreamUser } from './upstream';
import { upstreamUrl } from './upstream';

export const PROMETHEUS_PREFIXES = ['/api/prometheus-tenancy', '/api/prometheus'];

export const METRICS_UNAVAILABLE_MESSAGE =
  'Metrics are unavailable: no Prometheus is configured for this console.';

/**
 * Who may read the cluster-wide Prometheus: whoever can get namespaces across the cluster (the
 * `cluster-monitoring-view` role), the check in front of the console's Thanos querier web port.
 */
export const CLUSTER_PROMETHEUS_ACCESS: ResourceAttributes = {
  verb: 'get',
  resource: 'namespaces',
};

/** The prefix of a Prometheus path, or undefined. */
export const prometheusPrefixOf = (pathname: string): string | undefined =>
  PROMETHEUS_PREFIXES.find((p) => pathname === p || pathname.startsWith(`${p}/`));

/** The cluster and user an access review is made for. */
export interface PrometheusAccess {
  upstream: Upstream;
  agent: Agent;
  user: UpstreamUser;
}

/**
 * `/api/prometheus/*` → `<prometheusUrl>/*` (no cluster token is sent to it) for users allowed to
 * get namespaces cluster-wide (403 `Forbidden` Status otherwise, 502 when the review fails);
 * without a Prometheus, 503 with a `ServiceUnavailable` Status, the answer of a cluster without
 * monitoring.
 */
export const proxyPrometheus = async (
  req: IncomingMessage,
  res: ServerResponse,
  prefix: string,
  prometheus: { url: string; agent: Agent } | undefined,
  access: PrometheusAccess,
): Promise<void> => {
  if (!prometheus) {
    sendStatus(res, 503, 'ServiceUnavailable', METRICS_UNAVAILABLE_MESSAGE);
    return;
  }
  const allowed = await authorize(
    res,
    access.upstream,
    access.agent,
    access.user,
    CLUSTER_PROMETHEUS_ACCESS,
    `user "${access.user.username}" cannot get namespaces at the cluster scope, so it cannot ` +
      'read the cluster-wide Prometheus',
  );
  if (!allowed) return;
  const rest = (req.url ?? prefix).slice(prefix.length);
  proxyHttp(req, res, {
    url: upstreamUrl(prometheus.url, rest.startsWith('/') ? rest : `/${rest}`),
    agent: prometheus.agent,
    label: 'Prometheus',
  });
};
