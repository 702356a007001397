import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { blockingViolations } from './fixtures/accessibility';
import type { Locator, Page } from '@playwright/test';
import { startConsoleHost, upstreamFromLocalCluster } from '../console-host/server/consoleHost';
import { startPrometheus } from '../local-cluster/controllers/metrics/prometheus';
import { expect, test } from './fixtures/stack';
import type { Stack } from './fixtures/stack';
import {
  createVirtualMachine,
  startVirtualMachine,
  virtualMachine,
} from './fixtures/virtualMachines';
import { vmDetailsURL } from './fixtures/vmPages';

const NS = 'demo-apps';

const DEVELOPER_VIEW_PATH = `/apis/rbac.authorization.k8s.io/v1/namespaces/${NS}/rolebindings`;
/** Lets the developer view the VM's namespace for the tenancy alert check (removed after it). */
const DEVELOPER_VIEW = {
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'RoleBinding',
  metadata: { name: 'e2e-overview-developer-view', namespace: NS },
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' },
  subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'developer' }],
};

/** An Overview card: a region named by its heading. */
const card = (page: Page, title: string) => page.getByRole('region', { name: title, exact: true });

/** PatternFly renders a table as a grid or a table, depending on its features. */
const tableIn = (scope: Locator, name: string) =>
  scope.getByRole('grid', { name }).or(scope.getByRole('table', { name }));
const cellIn = (scope: Locator, name: string) =>
  scope
    .getByRole('gridcell', { name, exact: true })
    .or(scope.getByRole('cell', { name, exact: true }));

/**
 * A VM with a GPU and a host device and eviction strategy LiveMigrate: host devices make it not
 * live-migratable, so once it runs virt-controller's kubevirt_vmi_non_evictable is 1 and
 * VMCannotBeEvicted fires after its `for: 1m`.
 */
const createDeviceVM = async (stack: Stack, name: string): Promise<void> => {
  const base = virtualMachine(NS, name);
  const body = {
    ...base,
    spec: {
      ...base.spec,
      template: {
        spec: {
          ...base.spec.template.spec,
          evictionStrategy: 'LiveMigrate',
          domain: {
            ...base.spec.template.spec.domain,
            devices: {
              disks: [],
              gpus: [{ name: 'gpu1', deviceName: 'nvidia.com/GA102GL_A10' }],
              hostDevices: [{ name: 'qat1', deviceName: 'intel.com/qat' }],
            },
          },
        },
      },
    },
  };
  const res = await stack.api(
    'POST',
    `/apis/kubevirt.io/v1/namespaces/${NS}/virtualmachines`,
    body,
  );
  expect(res.status, JSON.stringify(res.json)).toBe(201);
};

test.describe('VirtualMachine details: overview cards', () => {
  test('a stopped VM: empty hardware devices, a snapshot, no preview, alerts unavailable', async ({
    page,
    stack,
  }) => {
    const name = 'e2e-overview-cards-off';
    await createVirtualMachine(stack, NS, name);
    const res = await stack.api(
      'POST',
      `/apis/snapshot.kubevirt.io/v1beta1/namespaces/${NS}/virtualmachinesnapshots`,
      {
        apiVersion: 'snapshot.kubevirt.io/v1beta1',
        kind: 'VirtualMachineSnapshot',
        metadata: { name: `${name}-snap`, namespace: NS },
        spec: { source: { apiGroup: 'kubevirt.io', kind: 'VirtualMachine', name } },
      },
    );
    expect(res.status).toBe(201);
    await page.goto(vmDetailsURL(stack.url, NS, name));

    await expect(card(page, 'Hardware devices').getByText('No hardware devices')).toBeVisible();
    // The stack has no Prometheus: the card says alerts are unavailable, the page stays up.
    await expect(card(page, 'Alerts').getByText('Alerts are not available.')).toBeVisible();
    await expect(
      card(page, 'Console').getByText('The screen is shown while the VirtualMachine is running.'),
    ).toBeVisible();

    const snapshots = card(page, 'Snapshots');
    await expect(snapshots.getByText('1 snapshot', { exact: true })).toBeVisible();
    await expect(cellIn(tableIn(snapshots, 'Latest snapshots'), `${name}-snap`)).toBeVisible();
    await snapshots.getByRole('link', { name: 'View all snapshots' }).click();
    await expect(page).toHaveURL(new RegExp(`/${name}/snapshots$`));
    await expect(page.getByRole('tab', { name: 'Snapshots', selected: true })).toBeVisible();
  });

  test('a running VM with a GPU and a host device: devices, screen preview, firing alert', async ({
    page,
    stack,
  }) => {
    test.setTimeout(240_000);
    const name = 'e2e-overview-devices';
    await createDeviceVM(stack, name);
    await startVirtualMachine(stack, NS, name);

    // A real Prometheus with the KubeVirt rules, scraping this stack, behind a second console
    // host (the shared one has none). Without the binary startPrometheus fails, naming the
    // package: `npm test` installs it first (`npm run setup:guests`).
    const dataDir = await mkdtemp(join(tmpdir(), 'e2e-overview-prom-'));
    const prometheus = await startPrometheus({
      scrapeUrl: `${stack.cluster.url}/metrics`,
      bearerToken: stack.cluster.tokenOf('admin'),
      dataDir,
      scrapeIntervalSeconds: 2,
    });
    const host = await startConsoleHost({
      port: 0,
      pluginDist: 'dist',
      hostBuild: '.host-build',
      upstream: upstreamFromLocalCluster(stack.cluster),
      prometheusUrl: prometheus.url,
    });
    try {
      await page.goto(vmDetailsURL(host.url, NS, name));

      const devices = tableIn(card(page, 'Hardware devices'), 'Hardware devices');
      await expect(
        devices.getByRole('row', { name: 'GPU gpu1 nvidia.com/GA102GL_A10' }),
      ).toBeVisible();
      await expect(
        devices.getByRole('row', { name: 'Host device qat1 intel.com/qat' }),
      ).toBeVisible();

      const preview = card(page, 'Console');
      const screen = preview.getByRole('img', { name: `Screen of VirtualMachine ${name}` });
      await expect(screen).toBeVisible({ timeout: 60_000 });
      await expect
        .poll(() => screen.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
        .toBeGreaterThan(0);
      const width = await screen.evaluate((img: HTMLImageElement) => img.naturalWidth);
      const height = await screen.evaluate((img: HTMLImageElement) => img.naturalHeight);
      console.log(`[overview] screen preview ${width}x${height}`);
      await expect(preview.getByRole('link', { name: 'Open console' })).toHaveAttribute(
        'href',
        new RegExp(`/${name}/console$`),
      );

      const alerts = card(page, 'Alerts');
      await expect(alerts.getByText('No alerts')).toBeVisible();
      // for: 1m, 2 s scrapes and evaluations, the card polls every 30 s.
      const started = Date.now();
      const list = alerts.getByRole('list', { name: 'Alerts' });
      const alert = list.getByRole('listitem').filter({ hasText: 'VMCannotBeEvicted' });
      await expect(alert).toBeVisible({ timeout: 150_000 });
      console.log(`[overview] VMCannotBeEvicted shown after ${Date.now() - started} ms`);
      await expect(alert.getByText('Warning', { exact: true })).toBeVisible();
      await expect(
        alert.getByText(
          "The VM's eviction strategy is set to Live Migration but the VM is not migratable",
        ),
      ).toBeVisible();
      await expect(alerts.getByRole('group', { name: 'Alerts by severity' })).toContainText(
        'Warning 1',
      );

      // The shell scrolls inside its own frame: a tall window shows every card in one picture.
      await page.setViewportSize({ width: 1440, height: 2000 });
      await expect(screen).toBeVisible();
      await page.screenshot({ path: '/tmp/shots/vm-overview-cards.png', fullPage: true });
      // The cards of a column stay above the next row (none drawn over another).
      const disks = await page.getByRole('heading', { name: 'Disks', exact: true }).boundingBox();
      const fileSystems = await page
        .getByRole('heading', { name: 'File systems', exact: true })
        .boundingBox();
      expect(disks && fileSystems && disks.y < fileSystems.y).toBe(true);

      expect(await blockingViolations(page, '[role="tabpanel"]')).toEqual([]);

      await preview.getByRole('link', { name: 'Open console' }).click();
      await expect(page.getByRole('tab', { name: 'Console', selected: true })).toBeVisible();

      // A project user who cannot read the cluster-wide Prometheus (no cluster-wide get
      // namespaces) sees the alert through the tenancy rules of the VM's namespace, where it may
      // get pods (here: the view role in it).
      const binding = await stack.api('POST', DEVELOPER_VIEW_PATH, DEVELOPER_VIEW);
      expect(binding.status, JSON.stringify(binding.json)).toBe(201);
      await page.getByRole('button', { name: 'User menu' }).click();
      await page.getByRole('menuitem', { name: /developer/ }).click();
      await expect(page.getByRole('button', { name: 'User menu' })).toContainText('developer');
      const tenancy = page.waitForResponse(
        (r) =>
          r.url().includes(`/api/prometheus-tenancy/api/v1/rules?namespace=${NS}`) &&
          r.status() === 200,
      );
      await page.goto(vmDetailsURL(host.url, NS, name));
      await tenancy;
      await expect(
        card(page, 'Alerts')
          .getByRole('list', { name: 'Alerts' })
          .getByRole('listitem')
          .filter({ hasText: 'VMCannotBeEvicted' }),
      ).toBeVisible({ timeout: 60_000 });
    } finally {
      await stack.api('DELETE', `${DEVELOPER_VIEW_PATH}/${DEVELOPER_VIEW.metadata.name}`);
      await host.close();
      await prometheus.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
