import { describe, expect, it } from 'vitest';
import {
  alertsTenancyNamespace,
  countBySeverity,
  getVMAlerts,
  isForbiddenError,
  isAlertAboutVM,
  normalizeSeverity,
  type PrometheusRulesResponse,
} from './vmAlerts';

const VM = { name: 'fedora', namespace: 'demo' };

const rules = (...alerts: object[]): PrometheusRulesResponse => ({
  status: 'success',
  data: {
    groups: [
      {
        name: 'kubevirt.alerts',
        rules: [{ type: 'alerting', name: 'Rule', alerts: alerts as never }],
      },
    ],
  },
});

describe('isAlertAboutVM', () => {
  it('matches name, vmi or the virt-launcher pod in the same namespace', () => {
    expect(isAlertAboutVM({ namespace: 'demo', name: 'fedora' }, VM)).toBe(true);
    expect(isAlertAboutVM({ namespace: 'demo', vmi: 'fedora' }, VM)).toBe(true);
    expect(isAlertAboutVM({ namespace: 'demo', pod: 'virt-launcher-fedora-x7k2p' }, VM)).toBe(true);
  });

  it('does not match another namespace, another VM or a VM whose name extends this one', () => {
    expect(isAlertAboutVM({ namespace: 'other', name: 'fedora' }, VM)).toBe(false);
    expect(isAlertAboutVM({ namespace: 'demo', name: 'fedora-2' }, VM)).toBe(false);
    expect(isAlertAboutVM({ namespace: 'demo', pod: 'virt-launcher-fedora-2-x7k2p' }, VM)).toBe(
      false,
    );
    expect(isAlertAboutVM({ namespace: 'demo' }, VM)).toBe(false);
    expect(isAlertAboutVM(undefined, VM)).toBe(false);
  });

  it('reads a VM name with regular-expression characters literally', () => {
    const dotted = { name: 'a.b', namespace: 'demo' };
    expect(isAlertAboutVM({ namespace: 'demo', pod: 'virt-launcher-a.b-abcde' }, dotted)).toBe(
      true,
    );
    expect(isAlertAboutVM({ namespace: 'demo', pod: 'virt-launcher-axb-abcde' }, dotted)).toBe(
      false,
    );
  });
});

describe('normalizeSeverity', () => {
  it('keeps critical and warning, makes the rest info', () => {
    expect(normalizeSeverity('critical')).toBe('critical');
    expect(normalizeSeverity('Warning')).toBe('warning');
    expect(normalizeSeverity('info')).toBe('info');
    expect(normalizeSeverity('none')).toBe('info');
    expect(normalizeSeverity(undefined)).toBe('info');
  });
});

describe('getVMAlerts', () => {
  it('keeps firing alerts about the VM with their annotations', () => {
    const alerts = getVMAlerts(
      rules(
        {
          state: 'firing',
          activeAt: '2026-12-07T10:00:00Z',
          labels: {
            alertname: 'VMCannotBeEvicted',
            severity: 'warning',
            namespace: 'demo',
            name: 'fedora',
            node: 'worker-1',
          },
          annotations: {
            summary: 'Not migratable',
            description: 'Eviction policy for fedora …',
            runbook_url: 'https://kubevirt.io/monitoring/runbooks/VMCannotBeEvicted',
          },
        },
        {
          state: 'pending',
          labels: { alertname: 'Pending', namespace: 'demo', name: 'fedora' },
        },
        { state: 'firing', labels: { alertname: 'Other', namespace: 'demo', name: 'rhel' } },
      ),
      VM,
    );
    expect(alerts).toEqual([
      {
        key: expect.stringContaining('VMCannotBeEvicted{'),
        name: 'VMCannotBeEvicted',
        severity: 'warning',
        summary: 'Not migratable',
        description: 'Eviction policy for fedora …',
        activeAt: '2026-12-07T10:00:00Z',
        runbookURL: 'https://kubevirt.io/monitoring/runbooks/VMCannotBeEvicted',
      },
    ]);
  });

  it('uses the description as the summary when there is no summary; none when neither', () => {
    const [a, b] = getVMAlerts(
      rules(
        {
          state: 'firing',
          labels: { alertname: 'A', namespace: 'demo', name: 'fedora' },
          annotations: { description: 'only a description' },
        },
        { state: 'firing', labels: { alertname: 'B', namespace: 'demo', vmi: 'fedora' } },
      ),
      VM,
    );
    expect(a).toMatchObject({ name: 'A', summary: 'only a description' });
    expect(a.description).toBeUndefined();
    expect(b.summary).toBeUndefined();
    expect(b.severity).toBe('info');
  });

  it('sorts by severity, then newest first, then name', () => {
    const firing = (alertname: string, severity: string, activeAt: string) => ({
      state: 'firing',
      activeAt,
      labels: { alertname, severity, namespace: 'demo', name: 'fedora' },
    });
    const names = getVMAlerts(
      rules(
        firing('W-old', 'warning', '2026-12-07T09:00:00Z'),
        firing('I', 'info', '2026-12-07T11:00:00Z'),
        firing('W-new', 'warning', '2026-12-07T10:00:00Z'),
        firing('C', 'critical', '2026-12-07T08:00:00Z'),
        firing('W-b', 'warning', '2026-12-07T10:00:00Z'),
      ),
      VM,
    ).map((a) => a.name);
    expect(names).toEqual(['C', 'W-b', 'W-new', 'W-old', 'I']);
  });

  it('skips recording rules and reads nothing from an empty or missing answer', () => {
    expect(
      getVMAlerts(
        {
          data: {
            groups: [
              {
                rules: [
                  {
                    type: 'recording',
                    alerts: [{ state: 'firing', labels: { namespace: 'demo', name: 'fedora' } }],
                  },
                ],
              },
            ],
          },
        },
        VM,
      ),
    ).toEqual([]);
    expect(getVMAlerts({ status: 'success', data: { groups: [] } }, VM)).toEqual([]);
    expect(getVMAlerts(undefined, VM)).toEqual([]);
  });

  it('counts by severity', () => {
    const alerts = getVMAlerts(
      rules(
        {
          state: 'firing',
          labels: { alertname: 'A', severity: 'warning', namespace: 'demo', name: 'fedora' },
        },
        {
          state: 'firing',
          labels: { alertname: 'B', severity: 'warning', namespace: 'demo', name: 'fedora' },
        },
        {
          state: 'firing',
          labels: { alertname: 'C', severity: 'critical', namespace: 'demo', name: 'fedora' },
        },
      ),
      VM,
    );
    expect(countBySeverity(alerts)).toEqual({ critical: 1, warning: 2, info: 0 });
    expect(countBySeverity([])).toEqual({ critical: 0, warning: 0, info: 0 });
  });
});

describe('alertsTenancyNamespace', () => {
  it('reads the cluster-wide rules when the user may', () => {
    expect(
      alertsTenancyNamespace({ canReadCluster: true, clusterForbidden: false, namespace: 'ns' }),
    ).toBeUndefined();
  });

  it("uses the VM's namespace when the review says no or the cluster answered 403", () => {
    expect(
      alertsTenancyNamespace({ canReadCluster: false, clusterForbidden: false, namespace: 'ns' }),
    ).toBe('ns');
    expect(
      alertsTenancyNamespace({ canReadCluster: true, clusterForbidden: true, namespace: 'ns' }),
    ).toBe('ns');
  });

  it('has no tenancy without a namespace', () => {
    expect(
      alertsTenancyNamespace({ canReadCluster: false, clusterForbidden: true, namespace: '' }),
    ).toBeUndefined();
  });
});

describe('isForbiddenError', () => {
  it('knows a 403 by its code or its response status', () => {
    expect(isForbiddenError({ code: 403 })).toBe(true);
    expect(isForbiddenError({ response: { status: 403 } })).toBe(true);
    expect(isForbiddenError({ code: 503 })).toBe(false);
    expect(isForbiddenError(new Error('x'))).toBe(false);
    expect(isForbiddenError(undefined)).toBe(false);
  });
});
