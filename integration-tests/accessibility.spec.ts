import { blockingViolations } from './fixtures/accessibility';
import { expect, test } from './fixtures/stack';
import { createVirtualMachine } from './fixtures/virtualMachines';

for (const [title, path] of [
  ['VM list, all projects', '/k8s/all-namespaces/kubevirt.io~v1~VirtualMachine'],
  ['VM list, one project', '/k8s/ns/demo-apps/kubevirt.io~v1~VirtualMachine'],
  ['generic details page', '/k8s/cluster/namespaces/demo-apps'],
] as const) {
  test(`${title} has no serious or critical accessibility violations`, async ({ page, stack }) => {
    await createVirtualMachine(stack, 'demo-apps', `e2e-a11y-${title.length}`).catch(
      () => undefined,
    );
    await page.goto(`${stack.url}${path}`);
    await expect(page.getByRole('main')).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(await blockingViolations(page)).toEqual([]);
  });
}
