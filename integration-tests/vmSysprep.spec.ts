import { expect, test, useLanguage } from './fixtures/stack';
import type { Stack } from './fixtures/stack';
import {
  createVirtualMachine,
  startVirtualMachine,
  untilInstanceRunning,
} from './fixtures/virtualMachines';
import { vmDetailsURL } from './fixtures/vmPages';

const NS = 'demo-apps';
const VMS = `/apis/kubevirt.io/v1/namespaces/${NS}/virtualmachines`;
const CONFIG_MAPS = `/api/v1/namespaces/${NS}/configmaps`;

const AUTOUNATTEND = `<?xml version="1.0" encoding="utf-8"?>
<unattend xmlns="urn:schemas-microsoft-com:unattend">
  <settings pass="oobeSystem">
    <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64"
      publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
      <ComputerName>e2e-win</ComputerName>
      <UserAccounts>
        <LocalAccounts>
          <LocalAccount>
            <Password><Value>e2e-win-pw</Value><PlainText>true</PlainText></Password>
            <Group>Administrators</Group>
            <Name>e2e-admin</Name>
          </LocalAccount>
        </LocalAccounts>
      </UserAccounts>
    </component>
  </settings>
</unattend>
`;

type VMBody = {
  spec: {
    template: {
      spec: {
        domain: { devices: { disks?: { name: string; cdrom?: { bus?: string } }[] } };
        volumes?: { name: string; sysprep?: { configMap?: { name: string } } }[];
      };
    };
  };
};
type ConfigMapBody = { data?: Record<string, string> };

/** A stopped Windows VM without sysprep. */
const createVM = async (stack: Stack, name: string) => {
  const res = await stack.api('POST', VMS, {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachine',
    metadata: { name, namespace: NS, labels: { 'os.template.kubevirt.io/win2k22': 'true' } },
    spec: {
      runStrategy: 'Halted',
      template: { spec: { domain: { devices: {}, memory: { guest: '4Gi' } } } },
    },
  });
  expect(res.status, JSON.stringify(res.json)).toBe(201);
};

const getVM = async (stack: Stack, name: string) =>
  (await stack.api('GET', `${VMS}/${name}`)).json as VMBody;

test.describe('Sysprep answer files', () => {
  test('an uploaded Autounattend.xml is saved to <vm>-sysprep and attached as a CD-ROM; its account shows in the Console tab; invalid XML is refused; Remove detaches it', async ({
    page,
    stack,
  }) => {
    const vm = 'e2e-sysprep';
    const cm = `${vm}-sysprep`;
    await createVM(stack, vm);
    await page.goto(vmDetailsURL(stack.url, NS, vm, 'configuration'));
    await page.getByRole('tab', { name: 'Initial run' }).click();
    await expect(
      page.getByText('Sysprep answer files are read only by Windows guests.'),
    ).toHaveCount(0);

    await page.getByRole('button', { name: 'Edit Sysprep' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit sysprep' });
    await expect(dialog.getByText(`saved to the ConfigMap ${cm}`)).toBeVisible();

    // Nothing given: one file is required.
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByText('Provide Autounattend.xml, Unattend.xml or both.')).toBeVisible();

    // Broken XML is refused inline, nothing is written.
    const unattend = dialog.getByRole('textbox', { name: 'Unattend.xml', exact: true });
    await unattend.fill('<unattend><settings></unattend>');
    await expect(dialog.getByText(/^Unattend\.xml is not well-formed XML/)).toBeVisible();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeVisible();
    expect((await stack.api('GET', `${CONFIG_MAPS}/${cm}`)).status).toBe(404);
    await unattend.fill('');
    await expect(dialog.getByText(/is not well-formed XML/)).toHaveCount(0);

    // Upload Autounattend.xml through the file chooser.
    const chooser = page.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: 'Upload' }).first().click();
    await (
      await chooser
    ).setFiles({
      name: 'Autounattend.xml',
      mimeType: 'text/xml',
      buffer: Buffer.from(AUTOUNATTEND),
    });
    await expect(
      dialog.getByRole('textbox', { name: 'Autounattend.xml', exact: true }),
    ).toHaveValue(AUTOUNATTEND);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();

    const saved = (await stack.api('GET', `${CONFIG_MAPS}/${cm}`)).json as ConfigMapBody;
    expect(saved.data).toEqual({ 'Autounattend.xml': AUTOUNATTEND });
    const spec = (await getVM(stack, vm)).spec.template.spec;
    const volume = spec.volumes?.find((v) => v.sysprep);
    expect(volume?.sysprep).toEqual({ configMap: { name: cm } });
    expect(spec.domain.devices.disks?.find((d) => d.name === volume?.name)?.cdrom).toEqual({
      bus: 'sata',
    });
    await expect(page.getByText(`ConfigMap: ${cm}`)).toBeVisible();

    // Editing again is prefilled from the ConfigMap.
    await page.getByRole('button', { name: 'Edit Sysprep' }).click();
    await expect(
      dialog.getByRole('textbox', { name: 'Autounattend.xml', exact: true }),
    ).toHaveValue(AUTOUNATTEND);
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // The Console tab shows the account the answer file creates, the password only when revealed.
    await page.goto(vmDetailsURL(stack.url, NS, vm, 'console'));
    await page.getByRole('button', { name: 'Guest login credentials' }).click();
    await expect(page.getByText('sysprep answer file Autounattend.xml')).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'User name' })).toHaveValue('e2e-admin');
    const password = page.getByRole('textbox', { name: 'Password' });
    await expect(password).not.toHaveValue('e2e-win-pw');
    await page.getByRole('button', { name: 'Show password' }).click();
    await expect(password).toHaveValue('e2e-win-pw');
    await page.goto(vmDetailsURL(stack.url, NS, vm, 'configuration'));
    await page.getByRole('tab', { name: 'Initial run' }).click();

    // Remove detaches the volume and CD-ROM and keeps the ConfigMap.
    await page.getByRole('button', { name: 'Remove sysprep' }).click();
    const remove = page.getByRole('dialog', { name: 'Remove sysprep' });
    await expect(remove.getByText(`The ConfigMap ${cm} is kept`)).toBeVisible();
    await remove.getByRole('button', { name: 'Remove' }).click();
    await expect(remove).toBeHidden();
    const after = (await getVM(stack, vm)).spec.template.spec;
    expect(after.volumes?.some((v) => v.sysprep) ?? false).toBe(false);
    expect(after.domain.devices.disks?.some((d) => d.name === volume?.name) ?? false).toBe(false);
    expect((await stack.api('GET', `${CONFIG_MAPS}/${cm}`)).status).toBe(200);
    await expect(page.getByText(`ConfigMap: ${cm}`)).toHaveCount(0);

    expect((await stack.api('DELETE', `${VMS}/${vm}`)).status).toBeLessThan(300);
    expect((await stack.api('DELETE', `${CONFIG_MAPS}/${cm}`)).status).toBeLessThan(300);
  });

  test('on a running VM, saving sysprep leaves a pending change for the next restart', async ({
    page,
    stack,
  }) => {
    const vm = 'e2e-sysprep-running';
    await createVirtualMachine(stack, NS, vm);
    await startVirtualMachine(stack, NS, vm);
    await untilInstanceRunning(stack, NS, vm);
    await page.goto(vmDetailsURL(stack.url, NS, vm, 'configuration'));
    await page.getByRole('tab', { name: 'Initial run' }).click();
    await page.getByRole('button', { name: 'Edit Sysprep' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit sysprep' });
    await expect(
      dialog.getByText('The VirtualMachine is running: the change applies when it restarts.'),
    ).toBeVisible();
    // The parser's message is not shown; the form's own names the position.
    const autounattend = dialog.getByRole('textbox', { name: 'Autounattend.xml', exact: true });
    await autounattend.fill('<unattend>\n  <settings></unattend>');
    await expect(
      dialog.getByText(/^Autounattend\.xml is not well-formed XML \(line 2, column \d+\)\./),
    ).toBeVisible();
    await autounattend.fill(AUTOUNATTEND);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();

    const pending = page.getByRole('list', { name: 'Pending changes' });
    await expect(pending).toContainText('Disk added: sysprep');
    await expect(
      page.getByText('These changes apply when the VirtualMachine restarts:'),
    ).toBeVisible();

    expect((await stack.api('DELETE', `${VMS}/${vm}`)).status).toBeLessThan(300);
    expect((await stack.api('DELETE', `${CONFIG_MAPS}/${vm}-sysprep`)).status).toBeLessThan(300);
  });

  test('the sysprep dialog in Japanese', async ({ page, stack }) => {
    const vm = 'e2e-sysprep-ja';
    await createVM(stack, vm);
    await useLanguage(page, stack.url, 'ja');
    await page.goto(vmDetailsURL(stack.url, NS, vm, 'configuration'));
    await page.getByRole('tab', { name: '初回実行' }).click();
    await page.getByRole('button', { name: 'Sysprep の編集' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sysprep の編集' });
    const unattend = dialog.getByRole('textbox', { name: 'Unattend.xml', exact: true });
    await unattend.fill('<unattend><settings></unattend>');
    await expect(
      dialog.getByText(/^Unattend\.xml は整形式の XML ではありません \(行 1、列 \d+\)。/),
    ).toBeVisible();
    await unattend.fill('unattend');
    await expect(
      dialog.getByText(
        'Unattend.xml は XML ではありません。XML 宣言または要素で始まる必要があります。',
      ),
    ).toBeVisible();
    await page.screenshot({ path: '/tmp/shots/vm-sysprep-ja.png' });
    await dialog.getByRole('button', { name: 'キャンセル' }).click();
    await expect(dialog).toHaveCount(0);
    expect((await stack.api('DELETE', `${VMS}/${vm}`)).status).toBeLessThan(300);
  });
});
