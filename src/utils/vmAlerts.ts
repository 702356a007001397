/**
 * Which Prometheus alerts are about one VM, read from the rules endpoint (`/api/v1/rules`): its
 * alerts carry their labels and their expanded annotations (summary, description).
 */

/** One alert of an alerting rule, as `/api/v1/rules` lists it. */
export type PrometheusRuleAlert = {
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  /** `pending` while the rule's `for:` has not passed, then `firing`. */
  state?: string;
  activeAt?: string;
  value?: string;
};

/** The part of a `/api/v1/rules` answer this reads. */
export type PrometheusRulesResponse = {
  status?: string;
  data?: {
    groups?: {
      name?: string;
      rules?: {
        type?: string;
        name?: string;
        labels?: Record<string, string>;
        alerts?: PrometheusRuleAlert[];
      }[];
    }[];
  };
};

export type AlertSeverity = 'critical' | 'warning' | 'info';

/** A firing alert about the VM, as the Alerts card shows it. */
export type VMAlert = {
  /** Unique within the list: the alert name and its labels. */
  key: string;
  name: string;
  severity: AlertSeverity;
  /** The summary annotation, else the description; absent when the rule has neither. */
  summary?: string;
  /** The description, when there is also a summary that differs from it. */
  description?: string;
  /** When the alert became active (RFC 3339). */
  activeAt?: string;
  runbookURL?: string;
};

const SEVERITY_ORDER: AlertSeverity[] = ['critical', 'warning', 'info'];

/** `critical` and `warning` as written (any case); anything else, or none, is `info`. */
export const normalizeSeverity = (severity: string | undefined): AlertSeverity => {
  const s = (severity ?? '').toLowerCase();
  return s === 'critical' || s === 'warning' ? s : 'info';
};

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether an alert's labels point at the VM: same namespace and either `name` (virt-controller's
 * VMI series, e.g. VMCannotBeEvicted), `vmi` (migration series) or `pod` = the VM's virt-launcher
 * pod (`virt-launcher-<vm>-<5 chars>`, e.g. KubevirtVmHighMemoryUsage).
 */
export const isAlertAboutVM = (
  labels: Record<string, string> | undefined,
  vm: { name: string; namespace: string },
): boolean => {
  if (!labels || labels.namespace !== vm.namespace || !vm.name) return false;
  if (labels.name === vm.name || labels.vmi === vm.name) return true;
  return (
    !!labels.pod &&
    new RegExp(`^virt-launcher-${escapeRegExp(vm.name)}-[a-z0-9]{5}$`).test(labels.pod)
  );
};

const labelKey = (name: string, labels: Record<string, string>): string =>
  `${name}{${Object.keys(labels)
    .sort()
    .map((k) => `${k}=${JSON.stringify(labels[k])}`)
    .join(',')}}`;

/**
 * The VM's firing alerts, most severe first, then the most recently active, then by name.
 * Pending alerts (still inside their rule's `for:`) are left out, as the console does.
 */
export const getVMAlerts = (
  response: PrometheusRulesResponse | undefined,
  vm: { name: string; namespace: string },
): VMAlert[] => {
  const out = new Map<string, VMAlert>();
  for (const group of response?.data?.groups ?? [])
    for (const rule of group.rules ?? []) {
      if (rule.type && rule.type !== 'alerting') continue;
      for (const alert of rule.alerts ?? []) {
        const labels = alert.labels ?? {};
        if (alert.state !== 'firing' || !isAlertAboutVM(labels, vm)) continue;
        const name = labels.alertname ?? rule.name ?? '';
        const summary = alert.annotations?.summary || alert.annotations?.description || undefined;
        const description =
          alert.annotations?.summary && alert.annotations.description !== alert.annotations.summary
            ? alert.annotations.description || undefined
            : undefined;
        const key = labelKey(name, labels);
        out.set(key, {
          key,
          name,
          severity: normalizeSeverity(labels.severity),
          ...(summary ? { summary } : {}),
          ...(description ? { description } : {}),
          ...(alert.activeAt ? { activeAt: alert.activeAt } : {}),
          ...(alert.annotations?.runbook_url ? { runbookURL: alert.annotations.runbook_url } : {}),
        });
      }
    }
  return [...out.values()].sort(
    (a, b) =>
      SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
      (b.activeAt ?? '').localeCompare(a.activeAt ?? '') ||
      a.name.localeCompare(b.name),
  );
};

/** How many alerts of each severity (all three keys, zero when none). */
export const countBySeverity = (alerts: VMAlert[]): Record<AlertSeverity, number> => {
  const counts: Record<AlertSeverity, number> = { critical: 0, warning: 0, info: 0 };
  for (const a of alerts) counts[a.severity] += 1;
  return counts;
};

/**
 * The access review that tells whether the user may read the cluster-wide Prometheus: the
 * console's monitoring (Thanos querier's web port) lets in whoever can get namespaces across the
 * cluster (`cluster-monitoring-view`).
 */
export const CLUSTER_MONITORING_ACCESS = {
  group: '',
  resource: 'namespaces',
  verb: 'get',
} as const;

/** Whether a Prometheus poll error is an HTTP 403 (the console's HttpError carries `code`). */
export const isForbiddenError = (error: unknown): boolean => {
  const e = error as { code?: unknown; response?: { status?: unknown } } | null | undefined;
  return e?.code === 403 || e?.response?.status === 403;
};

/**
 * Where the Alerts card reads the rules: `undefined` for the cluster-wide Prometheus, else the
 * VM's namespace for the tenancy path (`/api/prometheus-tenancy/...?namespace=`), used when the
 * access review says no or the cluster-wide endpoint answered 403.
 */
export const alertsTenancyNamespace = ({
  canReadCluster,
  clusterForbidden,
  namespace,
}: {
  canReadCluster: boolean;
  clusterForbidden: boolean;
  namespace: string;
}): string | undefined =>
  namespace && (!canReadCluster || clusterForbidden) ? namespace : undefined;
