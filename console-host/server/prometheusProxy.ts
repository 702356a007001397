import type { Agent, IncomingMessage, ServerResponse } from 'node:http';
import { proxyHttp } from './httpProxy';
import { sendStatus } from './status';
import { upstreamUrl } from './upstream';

export const PROMETHEUS_PREFIXES = ['/api/prometheus-tenancy', '/api/prometheus'];

export const METRICS_UNAVAILABLE_MESSAGE =
  'Metrics are unavailable: no Prometheus is configured for this console.';

/** The prefix of a Prometheus path, or undefined. */
export const prometheusPrefixOf = (pathname: string): string | undefined =>
  PROMETHEUS_PREFIXES.find((p) => pathname === p || pathname.startsWith(`${p}/`));

/**
 * `/api/prometheus/*` and `/api/prometheus-tenancy/*` → `<prometheusUrl>/*` (no cluster token is
 * sent to it); without a Prometheus, 503 with a `ServiceUnavailable` Status, the answer of a
 * cluster without monitoring.
 */
export const proxyPrometheus = (
  req: IncomingMessage,
  res: ServerResponse,
  prefix: string,
  prometheus: { url: string; agent: Agent } | undefined,
): void => {
  if (!prometheus) {
    sendStatus(res, 503, 'ServiceUnavailable', METRICS_UNAVAILABLE_MESSAGE);
    return;
  }
  const rest = (req.url ?? prefix).slice(prefix.length);
  proxyHttp(req, res, {
    url: upstreamUrl(prometheus.url, rest.startsWith('/') ? rest : `/${rest}`),
    agent: prometheus.agent,
    label: 'Prometheus',
  });
};
