import { expect, test } from './fixtures/stack';
import { createVirtualMachine } from './fixtures/virtualMachines';
import { headerStatus, openActions, vmDetailsURL, vmListURL } from './fixtures/vmPages';

test.describe('VirtualMachine details: lifecycle', () => {
  test('start, pause, unpause, restart, stop and force stop from the header', async ({
    page,
    stack,
  }) => {
    await createVirtualMachine(stack, 'demo-apps', 'e2e-life');
    await page.goto(vmDetailsURL(stack.url, 'demo-apps', 'e2e-life'));
    await expect(page.getByRole('heading', { level: 1, name: 'e2e-life' })).toBeVisible();
    await expect(headerStatus(page)).toHaveText('Stopped');

    // Start is a quick button; no confirmation (nothing is lost by starting).
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await expect(headerStatus(page)).toHaveText('Running', { timeout: 30_000 });

    let menu = await openActions(page);
    await menu.getByRole('menuitem', { name: 'Pause' }).click();
    await expect(headerStatus(page)).toHaveText('Paused', { timeout: 15_000 });

    await page.getByRole('button', { name: 'Unpause', exact: true }).click();
    await expect(headerStatus(page)).toHaveText('Running', { timeout: 15_000 });

    const vmiUid = async (): Promise<string | undefined> => {
      const { json } = await stack.api(
        'GET',
        '/apis/kubevirt.io/v1/namespaces/demo-apps/virtualmachineinstances/e2e-life',
      );
      const vmi = json as { metadata?: { uid?: string }; status?: { phase?: string } };
      return vmi.status?.phase === 'Running' ? vmi.metadata?.uid : undefined;
    };
    const before = await vmiUid();
    menu = await openActions(page);
    await menu.getByRole('menuitem', { name: 'Restart' }).click();
    const restart = page.getByRole('dialog', { name: 'Restart VirtualMachine?' });
    await restart.getByRole('button', { name: 'Restart' }).click();
    await expect(restart).toHaveCount(0);
    // "Running" alone may still be the old instance, and a Stop sent before the restart's Start
    // request is served is undone by that request (KubeVirt switches a Halted VM with a Start
    // request back to Always).
    await expect
      .poll(async () => [undefined, before].includes(await vmiUid()), { timeout: 30_000 })
      .toBe(false);
    await expect(headerStatus(page)).toHaveText('Running', { timeout: 30_000 });

    menu = await openActions(page);
    await menu.getByRole('menuitem', { name: 'Stop' }).click();
    const stop = page.getByRole('dialog', { name: 'Stop VirtualMachine?' });
    await stop.getByRole('button', { name: 'Stop' }).click();
    await expect(stop).toHaveCount(0);
    await expect(headerStatus(page)).toHaveText('Stopped', { timeout: 30_000 });
    await page.screenshot({ path: '/tmp/shots/vm-details-stopped.png' });
  });

  test('force stop replaces Stop while the guest shuts down', async ({ page, stack }) => {
    await createVirtualMachine(stack, 'demo-apps', 'e2e-force');
    // A guest that ignores the power button: the VM stays Stopping for its whole grace period.
    const patch = await stack.api(
      'PATCH',
      '/apis/kubevirt.io/v1/namespaces/demo-apps/virtualmachines/e2e-force',
      {
        spec: { runStrategy: 'Always', template: { spec: { terminationGracePeriodSeconds: 600 } } },
      },
      'application/merge-patch+json',
    );
    expect(patch.status).toBe(200);
    await page.goto(vmDetailsURL(stack.url, 'demo-apps', 'e2e-force'));
    await expect(headerStatus(page)).toHaveText('Running', { timeout: 30_000 });

    let menu = await openActions(page);
    await menu.getByRole('menuitem', { name: 'Stop' }).click();
    await page
      .getByRole('dialog', { name: 'Stop VirtualMachine?' })
      .getByRole('button', { name: 'Stop' })
      .click();
    await expect(headerStatus(page)).toHaveText('Stopping', { timeout: 15_000 });

    menu = await openActions(page);
    await expect(menu.getByRole('menuitem', { name: 'Stop', exact: true })).toHaveCount(0);
    await menu.getByRole('menuitem', { name: 'Force stop' }).click();
    const force = page.getByRole('dialog', { name: 'Force stop VirtualMachine?' });
    await force.getByRole('button', { name: 'Force stop' }).click();
    await expect(headerStatus(page)).toHaveText('Stopped', { timeout: 30_000 });
  });

  test('edit labels from the list kebab, with validation', async ({ page, stack }) => {
    await createVirtualMachine(stack, 'demo-apps', 'e2e-labels');
    await page.goto(vmListURL(stack.url, 'demo-apps', 'e2e-labels'));
    await page.getByRole('button', { name: 'Actions for e2e-labels' }).click();
    await page.getByRole('menuitem', { name: 'Edit labels' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit labels' });
    await dialog.getByRole('button', { name: 'Add label' }).click();
    await dialog.getByRole('textbox', { name: 'Label key' }).last().fill('Bad Key');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByText(/A key is an optional DNS subdomain prefix/)).toBeVisible();
    // What the user typed stays; fixing it saves.
    await expect(dialog.getByRole('textbox', { name: 'Label key' }).last()).toHaveValue('Bad Key');
    await dialog.getByRole('textbox', { name: 'Label key' }).last().fill('tier');
    await dialog.getByRole('textbox', { name: 'Label value' }).last().fill('gold');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toHaveCount(0);
    const vm = await stack.api(
      'GET',
      '/apis/kubevirt.io/v1/namespaces/demo-apps/virtualmachines/e2e-labels',
    );
    expect((vm.json as { metadata: { labels: Record<string, string> } }).metadata.labels).toEqual({
      app: 'e2e',
      tier: 'gold',
    });
  });

  test('a label edit on a changed VM is a conflict, not an overwrite', async ({ page, stack }) => {
    await createVirtualMachine(stack, 'demo-apps', 'e2e-conflict');
    await page.goto(vmDetailsURL(stack.url, 'demo-apps', 'e2e-conflict'));
    await expect(headerStatus(page)).toHaveText('Stopped');
    const menu = await openActions(page);
    await menu.getByRole('menuitem', { name: 'Edit labels' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit labels' });
    await dialog.getByRole('textbox', { name: 'Label value' }).first().fill('mine');
    // Someone else changes the VM meanwhile.
    await stack.api(
      'PATCH',
      '/apis/kubevirt.io/v1/namespaces/demo-apps/virtualmachines/e2e-conflict',
      { metadata: { labels: { app: 'theirs' } } },
      'application/merge-patch+json',
    );
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(
      dialog.getByText('The object changed on the server since you opened this dialog.'),
    ).toBeVisible();
    await expect(dialog.getByRole('textbox', { name: 'Label value' }).first()).toHaveValue('mine');
    const vm = await stack.api(
      'GET',
      '/apis/kubevirt.io/v1/namespaces/demo-apps/virtualmachines/e2e-conflict',
    );
    expect((vm.json as { metadata: { labels: Record<string, string> } }).metadata.labels.app).toBe(
      'theirs',
    );
  });
});
