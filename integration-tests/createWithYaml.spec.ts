import { expect, test } from './fixtures/stack';
import { expectYaml, getYaml, setYaml } from './fixtures/yamlEditor';

const NEW_VM = '/k8s/ns/demo-apps/kubevirt.io~v1~VirtualMachine/~new';
const VMS = '/apis/kubevirt.io/v1/namespaces/demo-apps/virtualmachines';

test.describe('create with YAML', () => {
  test("the plugin's VM template creates a VM in the active project", async ({ page, stack }) => {
    await page.goto(`${stack.url}${NEW_VM}`);
    // The plugin's console.yaml-template, with the project filled in by the host.
    await expectYaml(page, /runStrategy: Halted/);
    await expectYaml(page, /namespace: demo-apps/);
    await setYaml(page, (await getYaml(page)).replace('name: example', 'name: e2e-yaml-vm'));
    await page.getByRole('button', { name: 'Create', exact: true }).click();

    await expect(page).toHaveURL(
      /\/k8s\/ns\/demo-apps\/kubevirt\.io~v1~VirtualMachine\/e2e-yaml-vm$/,
    );
    await expect(page.getByRole('heading', { level: 1, name: /e2e-yaml-vm/ })).toBeVisible();
    const created = await stack.api('GET', `${VMS}/e2e-yaml-vm`);
    expect(created.status).toBe(200);
    expect((created.json as { spec: { runStrategy: string } }).spec.runStrategy).toBe('Halted');
  });

  test('a rejected object shows the server message and keeps the text', async ({ page, stack }) => {
    await page.goto(`${stack.url}${NEW_VM}`);
    await expectYaml(page, /runStrategy: Halted/);
    const bad = (await getYaml(page))
      .replace('name: example', 'name: e2e-bad-vm')
      .replace('runStrategy: Halted', 'runStrategy: Sometimes');
    await setYaml(page, bad);
    await page.getByRole('button', { name: 'Create', exact: true }).click();

    const alert = page.locator('.pf-v6-c-alert.pf-m-danger');
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('Sometimes');
    await expect(page).toHaveURL(new RegExp(`${NEW_VM.replace(/[.~]/g, '\\$&')}$`));
    await expectYaml(page, bad);
    expect((await stack.api('GET', `${VMS}/e2e-bad-vm`)).status).toBe(404);
  });

  test('the generic list links to the create page', async ({ page, stack }) => {
    await page.goto(`${stack.url}/k8s/ns/default/configmaps`);
    await page.getByRole('link', { name: 'Create ConfigMap' }).click();
    await expect(page).toHaveURL(/\/k8s\/ns\/default\/configmaps\/~new$/);
    await expectYaml(page, /kind: ConfigMap[\s\S]*namespace: default/);
  });
});
