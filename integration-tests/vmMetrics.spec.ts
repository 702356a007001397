import { expect, test } from './fixtures/stack';
import { createVirtualMachine } from './fixtures/virtualMachines';

const NS = 'demo-apps';
const metricsURL = (url: string, name: string) =>
  `${url}/k8s/ns/${NS}/kubevirt.io~v1~VirtualMachine/${name}/metrics`;

test.describe('VirtualMachine details: metrics', () => {
  test('without Prometheus the tab says metrics are not available', async ({ page, stack }) => {
    await createVirtualMachine(stack, NS, 'e2e-metrics-none');
    await page.goto(metricsURL(stack.url, 'e2e-metrics-none'));
    await expect(page.getByRole('heading', { name: 'Metrics are not available' })).toBeVisible();
  });

  test('charts draw the range queries and follow the chosen time range', async ({
    page,
    stack,
  }) => {
    await createVirtualMachine(stack, NS, 'e2e-metrics');
    // A Prometheus that answers every query: the test is about what the tab does with answers.
    const ranges: string[] = [];
    await page.route('**/api/prometheus/api/v1/query?*', (route) =>
      route.fulfill({
        json: {
          status: 'success',
          data: { resultType: 'vector', result: [{ metric: {}, value: [0, '1'] }] },
        },
      }),
    );
    await page.route('**/api/prometheus/api/v1/query_range?*', (route) => {
      const url = new URL(route.request().url());
      const start = Number(url.searchParams.get('start'));
      const end = Number(url.searchParams.get('end'));
      ranges.push(`${Math.round(end - start)}`);
      const query = url.searchParams.get('query') ?? '';
      const value = query.includes('cpu_usage') ? 0.25 : 1024 * 1024 * 512;
      const values = Array.from({ length: 10 }, (_, i) => [
        start + ((end - start) * i) / 9,
        String(value),
      ]);
      return route.fulfill({
        json: {
          status: 'success',
          data: { resultType: 'matrix', result: [{ metric: {}, values }] },
        },
      });
    });
    await page.goto(metricsURL(stack.url, 'e2e-metrics'));
    const cpu = page.getByRole('region', { name: 'Utilization' });
    await expect(cpu.getByText('CPU: 0.25').first()).toBeVisible();
    await expect(cpu.getByText('Used: 512 MiB').first()).toBeVisible();
    await expect(page.getByRole('img', { name: 'CPU (cores)' })).toBeVisible();
    expect(ranges).toContain('3600');

    await page.getByRole('button', { name: '6 hours' }).click();
    await expect.poll(() => ranges.includes(String(6 * 3600))).toBe(true);
    await page.screenshot({ path: 'test-results/shots/vm-metrics.png', fullPage: true });
  });
});
