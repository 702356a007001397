import { expect, test } from './fixtures/stack';
import { expectYaml, getYaml, setYaml } from './fixtures/yamlEditor';

const CM = '/api/v1/namespaces/default/configmaps';

test.describe('generic YAML editor', () => {
  test('an edit round-trips to the cluster', async ({ page, stack }) => {
    await stack.api('POST', CM, { metadata: { name: 'e2e-yaml' }, data: { color: 'blue' } });
    await page.goto(`${stack.url}/k8s/ns/default/configmaps/e2e-yaml/yaml`);
    await expectYaml(page, /color: blue/);
    await setYaml(page, (await getYaml(page)).replace('color: blue', 'color: green'));
    await page.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(
        async () =>
          ((await stack.api('GET', `${CM}/e2e-yaml`)).json as { data: { color: string } }).data
            .color,
      )
      .toBe('green');
    await expect(page.getByText(/has been updated to version/)).toBeVisible();
  });

  test('a stale edit shows the conflict and never overwrites', async ({ page, stack }) => {
    await stack.api('POST', CM, { metadata: { name: 'e2e-stale' }, data: { color: 'blue' } });
    await page.goto(`${stack.url}/k8s/ns/default/configmaps/e2e-stale/yaml`);
    await expectYaml(page, /color: blue/);
    // Someone else changes the object while the editor holds the old version.
    await stack.api(
      'PATCH',
      `${CM}/e2e-stale`,
      { data: { color: 'red' } },
      'application/merge-patch+json',
    );
    await setYaml(page, (await getYaml(page)).replace('color: blue', 'color: green'));
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('This object has been updated.')).toBeVisible();
    const stored = await stack.api('GET', `${CM}/e2e-stale`);
    expect((stored.json as { data: { color: string } }).data.color).toBe('red');
    // Reload brings the other client's version into the editor.
    await page.getByRole('button', { name: 'Reload' }).first().click();
    await expectYaml(page, /color: red/);
  });
});
