import { expect, test } from './fixtures/stack';
import { createVirtualMachine } from './fixtures/virtualMachines';
import { headerStatus, vmDetailsURL } from './fixtures/vmPages';

const NS = 'demo-apps';

test('clone a VirtualMachine from the Actions menu and open the new one', async ({
  page,
  stack,
}) => {
  test.setTimeout(120_000);
  await createVirtualMachine(stack, NS, 'e2e-clone-src');
  await page.goto(vmDetailsURL(stack.url, NS, 'e2e-clone-src'));
  await expect(headerStatus(page)).toHaveText('Stopped');

  await page.getByRole('button', { name: 'Actions', exact: true }).click();
  await page.getByRole('menu').getByRole('menuitem', { name: 'Clone' }).click();
  const dialog = page.getByRole('dialog', { name: 'Clone VirtualMachine' });
  const name = dialog.getByRole('textbox', { name: 'Name' });
  await expect(name).toHaveValue('e2e-clone-src-clone');

  // Invalid and taken names are refused before anything is created.
  await name.fill('Not Valid');
  await expect(dialog.getByText(/Use lowercase letters \(a-z\), digits/)).toBeVisible();
  await name.fill('e2e-clone-src');
  await dialog.getByRole('button', { name: 'Clone' }).click();
  await expect(dialog.getByText('A VirtualMachine with this name already exists.')).toBeVisible();

  await name.fill('e2e-clone-dst');
  await dialog.getByRole('checkbox', { name: 'Start VirtualMachine once created' }).check();
  await dialog.getByRole('button', { name: 'Clone' }).click();
  await expect(dialog.getByRole('progressbar')).toBeVisible();
  await expect(dialog.getByText('VirtualMachine created')).toBeVisible({ timeout: 90_000 });
  await page.screenshot({ path: '/tmp/shots/clone-done.png' });

  const clones = await stack.api(
    'GET',
    `/apis/clone.kubevirt.io/v1beta1/namespaces/${NS}/virtualmachineclones`,
  );
  const ours = (
    clones.json as {
      items: { spec: { target?: { name?: string } }; status?: { phase?: string } }[];
    }
  ).items.filter((c) => c.spec.target?.name === 'e2e-clone-dst');
  expect(ours.map((c) => c.status?.phase)).toEqual(['Succeeded']);
  const dst = await stack.api(
    'GET',
    `/apis/kubevirt.io/v1/namespaces/${NS}/virtualmachines/e2e-clone-dst`,
  );
  expect(dst.status).toBe(200);

  await dialog.getByRole('link', { name: 'e2e-clone-dst' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'e2e-clone-dst' })).toBeVisible();
  // Asked to start once created.
  await expect(headerStatus(page)).toHaveText(/Starting|Running/, { timeout: 60_000 });
});
