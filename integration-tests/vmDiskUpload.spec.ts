import type { Locator, Page } from '@playwright/test';
import { expect, test, useLanguage } from './fixtures/stack';
import type { Stack } from './fixtures/stack';
import { createVirtualMachine, startVirtualMachine } from './fixtures/virtualMachines';

const NS = 'demo-apps';
const VMS = `/apis/kubevirt.io/v1/namespaces/${NS}/virtualmachines`;
const DVS = `/apis/cdi.kubevirt.io/v1beta1/namespaces/${NS}/datavolumes`;
const storageURL = (stack: Stack, name: string) =>
  `${stack.url}/k8s/ns/${NS}/kubevirt.io~v1~VirtualMachine/${name}/configuration?subtab=storage`;

/** A 3 MiB raw "image": what CDI receives is counted, not booted. */
const IMAGE = {
  name: 'tiny.img',
  mimeType: 'application/octet-stream',
  buffer: Buffer.alloc(3 << 20, 7),
};

const openUpload = async (page: Page, diskName: string): Promise<Locator> => {
  await page.getByRole('button', { name: 'Add disk' }).click();
  const dialog = page.getByRole('dialog', { name: /^Add disk/ });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(diskName);
  await dialog
    .getByRole('combobox', { name: 'Source' })
    .selectOption({ label: 'Upload (Upload a new file to a PVC)' });
  return dialog;
};

const chooseFile = async (page: Page, dialog: Locator) => {
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Browse...' }).click();
  await (await chooser).setFiles(IMAGE);
};

/** The DataVolume's phase once it stops changing towards Succeeded (or the last seen). */
const dataVolumePhase = async (stack: Stack, name: string): Promise<string | undefined> => {
  let phase: string | undefined;
  await expect
    .poll(
      async () => {
        const dv = (await stack.api('GET', `${DVS}/${name}`)).json as {
          status?: { phase?: string };
        };
        phase = dv?.status?.phase;
        return phase;
      },
      { timeout: 30_000 },
    )
    .toBe('Succeeded');
  return phase;
};

test.describe('Add disk: upload from the browser', () => {
  test('a stopped VM gets an upload DataVolume template, filled through the upload proxy', async ({
    page,
    stack,
  }) => {
    await createVirtualMachine(stack, NS, 'e2e-upload');
    await page.goto(storageURL(stack, 'e2e-upload'));
    const dialog = await openUpload(page, 'installer');
    await dialog.getByRole('textbox', { name: 'Size' }).fill('1Mi');
    await chooseFile(page, dialog);
    await expect(dialog.getByRole('textbox', { name: 'Image file name' })).toHaveValue('tiny.img');
    // A size too small for the file is raised to whole GiB when the file is chosen.
    await expect(dialog.getByRole('textbox', { name: 'Size' })).toHaveValue('1Gi');
    await dialog.getByRole('textbox', { name: 'Size' }).fill('2Mi');
    await dialog.getByRole('button', { name: 'Upload', exact: true }).click();
    await expect(dialog.getByText('at least the size of the file (3 MiB)')).toBeVisible();
    await dialog.getByRole('textbox', { name: 'Size' }).fill('1Gi');
    await page.screenshot({ path: '/tmp/shots/vm-disk-upload.png' });
    await dialog.getByRole('button', { name: 'Upload', exact: true }).click();
    await expect(dialog).toHaveCount(0, { timeout: 30_000 });

    const vm = (await stack.api('GET', `${VMS}/e2e-upload`)).json as {
      spec: {
        dataVolumeTemplates: { metadata: { name: string }; spec: Record<string, unknown> }[];
        template: { spec: { volumes: { name: string; dataVolume?: { name: string } }[] } };
      };
    };
    expect(
      vm.spec.dataVolumeTemplates.find((t) => t.metadata.name === 'e2e-upload-installer')?.spec,
    ).toMatchObject({
      source: { upload: {} },
      storage: { resources: { requests: { storage: '1Gi' } } },
    });
    expect(vm.spec.template.spec.volumes).toContainEqual({
      name: 'installer',
      dataVolume: { name: 'e2e-upload-installer' },
    });
    expect(await dataVolumePhase(stack, 'e2e-upload-installer')).toBe('Succeeded');
    await expect(page.getByRole('row', { name: /installer/ })).toBeVisible();
  });

  test('a running VM hot-plugs the uploaded disk', async ({ page, stack }) => {
    await createVirtualMachine(stack, NS, 'e2e-upload-hot');
    await startVirtualMachine(stack, NS, 'e2e-upload-hot');
    await page.goto(storageURL(stack, 'e2e-upload-hot'));
    const dialog = await openUpload(page, 'media');
    await dialog.getByRole('checkbox', { name: 'Hot plug the disk now' }).check();
    await chooseFile(page, dialog);
    await expect(dialog.getByRole('textbox', { name: 'Size' })).toHaveValue('10Gi');
    await dialog.getByRole('button', { name: 'Upload', exact: true }).click();
    await expect(dialog).toHaveCount(0, { timeout: 30_000 });
    expect(await dataVolumePhase(stack, 'e2e-upload-hot-media')).toBe('Succeeded');
    await expect
      .poll(async () => {
        const vmi = (
          await stack.api(
            'GET',
            `/apis/kubevirt.io/v1/namespaces/${NS}/virtualmachineinstances/e2e-upload-hot`,
          )
        ).json as { spec?: { volumes?: { name: string }[] } };
        return (vmi.spec?.volumes ?? []).map((v) => v.name);
      })
      .toContain('media');
  });

  test('in Japanese', async ({ page, stack }) => {
    await createVirtualMachine(stack, NS, 'e2e-upload-ja');
    await useLanguage(page, stack.url, 'ja');
    await page.goto(storageURL(stack, 'e2e-upload-ja'));
    await page.getByRole('button', { name: 'ディスクの追加' }).click();
    const dialog = page.getByRole('dialog');
    await dialog
      .getByRole('combobox', { name: 'ソース' })
      .selectOption({ label: 'アップロード (PVC に新しいファイルをアップロード)' });
    await expect(dialog.getByRole('button', { name: '参照...' })).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'アップロード', exact: true })).toBeVisible();
    await page.screenshot({ path: '/tmp/shots/vm-disk-upload-ja.png' });
  });
});
