/** Kubernetes REST URLs under the console's `/api/kubernetes` proxy (pure). */
import type { K8sModel, Selector } from '@openshift-console/dynamic-plugin-sdk';

export const K8S_PREFIX = '/api/kubernetes';

export type QueryParams = Record<string, string | string[] | Selector | undefined>;

const requirement = (e: NonNullable<Selector['matchExpressions']>[number]): string => {
  const values = (e.values ?? []).join(',');
  switch (e.operator) {
    case 'In':
      return `${e.key} in (${values})`;
    case 'NotIn':
      return `${e.key} notin (${values})`;
    case 'Exists':
      return e.key;
    case 'DoesNotExist':
      return `!${e.key}`;
    case 'Equals':
      return `${e.key}=${values}`;
    case 'NotEqual':
    case 'NotEquals':
      return `${e.key}!=${values}`;
    default:
      return `${e.key} ${e.operator} ${values}`;
  }
};

/** `{matchLabels, matchExpressions}` → `k=v,k2 in (a,b),!k3`. */
export const selectorToString = (selector: Selector | undefined): string => {
  if (!selector) return '';
  const labels = Object.entries(selector.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  return [...labels, ...(selector.matchExpressions ?? []).map(requirement)].join(',');
};

/** Query string of params (selector objects are turned into strings); empty values are dropped. */
export const queryString = (params: QueryParams = {}): string => {
  const parts: string[] = [];
  for (const [key, raw] of Object.entries(params)) {
    if (raw === undefined || raw === '') continue;
    const values = Array.isArray(raw) ? raw : [raw];
    for (const value of values) {
      const text = typeof value === 'string' ? value : selectorToString(value);
      if (text) parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(text)}`);
    }
  }
  return parts.length ? `?${parts.join('&')}` : '';
};

export type ResourceURLOptions = {
  ns?: string;
  name?: string;
  path?: string;
  queryParams?: QueryParams;
};

/** `/api/kubernetes/apis/<g>/<v>[/namespaces/<ns>]/<plural>[/<name>][/<path>]?<query>`. */
export const resourceURL = (model: K8sModel, opts: ResourceURLOptions = {}): string => {
  const base = model.apiGroup
    ? `${K8S_PREFIX}/apis/${model.apiGroup}/${model.apiVersion}`
    : `${K8S_PREFIX}/api/${model.apiVersion}`;
  const ns = model.namespaced && opts.ns ? `/namespaces/${encodeURIComponent(opts.ns)}` : '';
  const name = opts.name ? `/${encodeURIComponent(opts.name)}` : '';
  const path = opts.path ? `/${opts.path.replace(/^\//, '')}` : '';
  return `${base}${ns}/${model.plural}${name}${path}${queryString(opts.queryParams)}`;
};

/** The websocket URL for an HTTP path on this page's origin. */
export const websocketURL = (path: string, location: { protocol: string; host: string }): string =>
  `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${path}`;
