import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VMI } from '../runtime/resources';
import type { TestCluster } from '../runtime/testCluster';
import { eventually, startTestCluster } from '../runtime/testCluster';
import { startMetrics } from './index';
import { createRunningVmi } from './runningVmiFixture';
import { parseExposition, select } from './parseExposition';

const NS = 'demo-apps';

describe('/metrics on a local cluster', () => {
  let t: TestCluster;
  beforeAll(async () => {
    t = await startTestCluster();
    await t.start((runtime) => startMetrics(runtime));
    await t.runtime.informers.synced();
  });
  afterAll(() => t.close());

  const scrape = (headers: Record<string, string> = {}) =>
    fetch(`${t.cluster.url}/metrics`, { headers });

  it('serves VM series for running VMIs, in exposition format, without a token on loopback', async () => {
    await createRunningVmi(t, 'metrics-vm-1');
    const parsed = await eventually(
      async () => parseExposition(await (await scrape()).text()),
      (p) =>
        select(p, 'kubevirt_vmi_cpu_usage_seconds_total', { name: 'metrics-vm-1' }).length === 1,
      10_000,
      'the running VMI in /metrics',
    );
    const res = await scrape();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');

    expect(
      select(parsed, 'kubevirt_vmi_phase_count', {
        node: 'worker-0',
        phase: 'running',
        os: 'fedora',
      })[0].value,
    ).toBeGreaterThanOrEqual(1);
    expect(select(parsed, 'kubevirt_vmi_info', { name: 'metrics-vm-1' })[0].labels).toMatchObject({
      namespace: NS,
      node: 'worker-0',
      phase: 'running',
    });
    expect(
      select(parsed, 'kubevirt_vmi_memory_domain_bytes', { name: 'metrics-vm-1' })[0].value,
    ).toBe(2 ** 30);
    expect(
      select(parsed, 'kubevirt_vmi_network_receive_bytes_total', {
        name: 'metrics-vm-1',
        interface: 'default',
      }),
    ).toHaveLength(1);
    expect(
      select(parsed, 'kubevirt_vmi_storage_read_traffic_bytes_total', {
        name: 'metrics-vm-1',
        drive: 'rootdisk',
      }),
    ).toHaveLength(1);
    expect(select(parsed, 'kubevirt_vm_info', { name: 'metrics-vm-1' })).toHaveLength(1);
    // The seeded nodes and HyperConverged are there too.
    expect(
      select(parsed, 'kube_node_status_allocatable', { resource: 'cpu' }).length,
    ).toBeGreaterThanOrEqual(6);
    expect(select(parsed, 'kubevirt_allocatable_nodes')[0].value).toBeGreaterThanOrEqual(6);
    expect(select(parsed, 'kubevirt_hco_system_health_status')).toHaveLength(1);
  });

  it('checks bearer tokens with RBAC: the admin may scrape, the developer may not', async () => {
    const admin = await scrape({ Authorization: `Bearer ${t.cluster.tokenOf('admin')}` });
    expect(admin.status).toBe(200);
    const developer = await scrape({ Authorization: `Bearer ${t.cluster.tokenOf('developer')}` });
    expect(developer.status).toBe(403);
    const nobody = await scrape({ Authorization: 'Bearer not-a-token' });
    expect(nobody.status).toBe(401);
  });

  it('drops the series of a VMI that is gone', async () => {
    await createRunningVmi(t, 'metrics-vm-2');
    await eventually(
      async () => (await (await scrape()).text()).includes('name="metrics-vm-2"'),
      (found) => found,
    );
    await t.admin.delete(VMI, NS, 'metrics-vm-2');
    await eventually(
      async () => parseExposition(await (await scrape()).text()),
      (p) => select(p, 'kubevirt_vmi_info', { name: 'metrics-vm-2' }).length === 0,
      10_000,
      'the deleted VMI to leave /metrics',
    );
  });
});
