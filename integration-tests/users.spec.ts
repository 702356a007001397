import { expect, test } from './fixtures/stack';

test('the developer sees only its own projects', async ({ page, stack }) => {
  await page.goto(`${stack.url}/k8s/all-namespaces/kubevirt.io~v1~VirtualMachine`);
  await page.getByRole('button', { name: 'User menu' }).click();
  await page.getByRole('menuitem', { name: /developer/ }).click();
  await expect(page.getByRole('button', { name: 'User menu' })).toContainText('developer');

  await page.goto(`${stack.url}/k8s/ns/demo-dev/kubevirt.io~v1~VirtualMachine`);
  await page.getByRole('button', { name: /^Project:/ }).click();
  const projects = page.getByRole('listbox', { name: 'Projects' });
  await expect(projects.getByRole('option', { name: 'demo-dev' })).toBeVisible();
  await expect(projects.getByRole('option', { name: 'default' })).toHaveCount(0);
  await expect(projects.getByRole('option', { name: 'demo-apps' })).toHaveCount(0);
  await page.keyboard.press('Escape');

  // Back to admin, who sees every project.
  await page.getByRole('button', { name: 'User menu' }).click();
  await page.getByRole('menuitem', { name: /admin/ }).click();
  await expect(page.getByRole('button', { name: 'User menu' })).toContainText('admin');
});
