import { blockingViolations } from './fixtures/accessibility';
import type { Page } from '@playwright/test';
import { expect, test, useLanguage } from './fixtures/stack';
import type { Stack } from './fixtures/stack';
import { createVirtualMachine, startVirtualMachine } from './fixtures/virtualMachines';

const NS = 'demo-apps';
const VMS = `/apis/kubevirt.io/v1/namespaces/${NS}/virtualmachines`;
const VMIS = `/apis/kubevirt.io/v1/namespaces/${NS}/virtualmachineinstances`;
const configURL = (stack: Stack, name: string, subtab = '') =>
  `${stack.url}/k8s/ns/${NS}/kubevirt.io~v1~VirtualMachine/${name}/configuration${
    subtab ? `?subtab=${subtab}` : ''
  }`;

type VMBody = {
  spec: {
    dataVolumeTemplates?: { metadata: { name: string } }[];
    template: {
      spec: {
        domain: {
          cpu?: { sockets?: number; cores?: number; threads?: number };
          memory?: { guest?: string };
          devices: {
            disks?: { name: string }[];
            interfaces?: { name: string; bridge?: object }[];
          };
        };
        networks?: { name: string; multus?: { networkName: string } }[];
      };
    };
  };
};

const getVM = async (stack: Stack, name: string): Promise<VMBody> =>
  (await stack.api('GET', `${VMS}/${name}`)).json as VMBody;

const openCPUMemory = async (page: Page) => {
  await page.getByRole('button', { name: 'Edit CPU | Memory' }).click();
  return page.getByRole('dialog', { name: 'Edit CPU | Memory' });
};

test.describe('VirtualMachine configuration', () => {
  test('disks from a URL, a registry and a PVC clone become DataVolume templates', async ({
    page,
    stack,
  }) => {
    await createVirtualMachine(stack, NS, 'e2e-cfg-sources');
    const claims = (
      await stack.api(
        'GET',
        '/api/v1/namespaces/openshift-virtualization-os-images/persistentvolumeclaims',
      )
    ).json as { items: { metadata: { name: string } }[] };
    const golden = claims.items.map((c) => c.metadata.name).find((n) => n.startsWith('fedora'));
    expect(golden).toBeTruthy();
    await page.goto(configURL(stack, 'e2e-cfg-sources', 'storage'));
    const addDisk = async (name: string, source: string) => {
      await page.getByRole('button', { name: 'Add disk' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add disk' });
      await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
      await dialog.getByRole('combobox', { name: 'Source' }).selectOption({ label: source });
      return dialog;
    };

    const url = await addDisk('iso', 'URL (creates PVC)');
    await url.getByRole('textbox', { name: 'URL' }).fill('ftp://example.com/a.iso');
    await expect(url.getByText('Enter an absolute HTTP or HTTPS URL')).toBeVisible();
    await url.getByRole('textbox', { name: 'URL' }).fill('https://example.com/images/a.iso');
    await url.getByRole('combobox', { name: 'Type' }).selectOption({ label: 'CD-ROM' });
    await url.getByRole('checkbox', { name: 'Apply optimized StorageProfile settings' }).uncheck();
    await url.getByRole('combobox', { name: 'Access mode' }).selectOption('ReadWriteMany');
    await url.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(url).toHaveCount(0);

    const registry = await addDisk('tools', 'Registry (creates PVC)');
    await registry
      .getByRole('textbox', { name: 'Container image' })
      .fill('quay.io/containerdisks/fedora:40');
    await registry.getByRole('checkbox', { name: 'Enable preallocation' }).check();
    await registry.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(registry).toHaveCount(0);

    const clone = await addDisk('copy', 'PVC (clones PVC)');
    await clone.getByRole('textbox', { name: 'Size' }).fill('1Gi');
    await clone
      .getByRole('combobox', { name: 'PVC project' })
      .selectOption('openshift-virtualization-os-images');
    await clone.getByRole('combobox', { name: 'PersistentVolumeClaim' }).selectOption(golden ?? '');
    // The size follows the source, since a clone cannot be smaller.
    await expect(clone.getByRole('textbox', { name: 'Size' })).toHaveValue('30Gi');
    await clone.getByRole('textbox', { name: 'Size' }).fill('20Gi');
    await expect(clone.getByText('at least the size of the source PVC (30Gi)')).toBeVisible();
    await clone.getByRole('textbox', { name: 'Size' }).fill('30Gi');
    await page.screenshot({ path: '/tmp/shots/vm-config-add-disk-clone.png' });
    await clone.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(clone).toHaveCount(0);

    const vm = (await stack.api('GET', `${VMS}/e2e-cfg-sources`)).json as {
      spec: {
        dataVolumeTemplates: { metadata: { name: string }; spec: Record<string, unknown> }[];
      };
    };
    const dv = (name: string) =>
      vm.spec.dataVolumeTemplates.find((t) => t.metadata.name === `e2e-cfg-sources-${name}`)?.spec;
    expect(dv('iso')).toMatchObject({
      source: { http: { url: 'https://example.com/images/a.iso' } },
      storage: { accessModes: ['ReadWriteMany'], volumeMode: 'Filesystem' },
    });
    expect(dv('tools')).toMatchObject({
      source: { registry: { url: 'docker://quay.io/containerdisks/fedora:40' } },
      preallocation: true,
    });
    expect(dv('copy')).toMatchObject({
      source: { pvc: { name: golden, namespace: 'openshift-virtualization-os-images' } },
      storage: { resources: { requests: { storage: '30Gi' } } },
    });
    await expect(page.getByRole('row', { name: /copy/ })).toContainText('30Gi');
  });

  test('a blank disk and a NIC added to a running VM show in the pending-changes banner', async ({
    page,
    stack,
  }) => {
    await createVirtualMachine(stack, NS, 'e2e-cfg-run');
    await startVirtualMachine(stack, NS, 'e2e-cfg-run');
    await expect.poll(async () => (await stack.api('GET', `${VMIS}/e2e-cfg-run`)).status).toBe(200);
    await page.goto(configURL(stack, 'e2e-cfg-run', 'storage'));

    await page.getByRole('button', { name: 'Add disk' }).click();
    const disk = page.getByRole('dialog', { name: 'Add disk' });
    await expect(disk.getByText('The VirtualMachine is running')).toBeVisible();
    await expect(disk.getByRole('checkbox', { name: 'Hot plug the disk now' })).not.toBeChecked();
    await disk.getByRole('textbox', { name: 'Name' }).fill('Data');
    await expect(disk.getByText('Use lowercase letters')).toBeVisible();
    await disk.getByRole('textbox', { name: 'Name' }).fill('data');
    await disk.getByRole('textbox', { name: 'Size' }).fill('5Gi');
    await disk.getByRole('combobox', { name: 'Storage class' }).selectOption('standard-csi');
    await page.screenshot({ path: '/tmp/shots/vm-config-add-disk.png' });
    await disk.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(disk).toHaveCount(0);
    const disks = page
      .getByRole('grid', { name: 'Disks' })
      .or(page.getByRole('table', { name: 'Disks' }));
    await expect(disks.getByRole('row', { name: /data/ })).toContainText('Pending restart');
    await expect(disks.getByRole('row', { name: /data/ })).toContainText('5Gi');

    // Hot plug: attached to the running guest now, on the SCSI bus, no restart needed.
    await page.getByRole('button', { name: 'Add disk' }).click();
    const hot = page.getByRole('dialog', { name: 'Add disk' });
    await hot.getByRole('checkbox', { name: 'Hot plug the disk now' }).check();
    await expect(page.getByRole('dialog', { name: 'Add disk (hot plugged)' })).toBeVisible();
    await hot.getByRole('textbox', { name: 'Name' }).fill('hot');
    await expect(hot.getByRole('combobox', { name: 'Interface' })).toHaveValue('scsi');
    await hot.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(hot).toHaveCount(0);
    await expect(disks.getByRole('row', { name: /hot/ })).toContainText('Hot plugged');
    await expect(disks.getByRole('row', { name: /hot/ })).not.toContainText('Pending restart');
    await page.getByRole('button', { name: 'Detach hot' }).click();
    const detach = page.getByRole('dialog', { name: 'Detach disk?' });
    await detach.getByRole('button', { name: 'Detach' }).click();
    await expect(detach).toHaveCount(0);
    await expect(disks.getByRole('row', { name: /hot/ })).toHaveCount(0);

    await page.getByRole('tab', { name: 'Network' }).click();
    await expect(page).toHaveURL(/subtab=network/);
    await page.getByRole('button', { name: 'Add network interface' }).click();
    const nic = page.getByRole('dialog', { name: 'Add network interface' });
    await nic.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(nic.getByText('Required')).toBeVisible();
    await nic.getByRole('combobox', { name: 'Network' }).selectOption('bridge-network');
    await nic.getByRole('textbox', { name: 'MAC address' }).fill('02:00:00');
    await expect(nic.getByText('Enter a MAC address')).toBeVisible();
    await nic.getByRole('textbox', { name: 'MAC address' }).fill('02:00:00:00:00:42');
    await nic.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(nic).toHaveCount(0);

    const pending = page.getByRole('list', { name: 'Pending changes' });
    await expect(pending).toContainText('Disk added: data');
    // The bridge NIC on a NAD is hot plugged (vmNicHotplug.spec), and the implicit pod network
    // is written out beside it, so neither waits for a restart.
    await expect(pending).not.toContainText('Network interface');
    await page.screenshot({ path: '/tmp/shots/vm-config-pending.png', fullPage: true });

    const vm = await getVM(stack, 'e2e-cfg-run');
    expect(vm.spec.dataVolumeTemplates?.map((t) => t.metadata.name)).toEqual(['e2e-cfg-run-data']);
    expect(vm.spec.template.spec.domain.devices.interfaces).toEqual([
      { name: 'default', masquerade: {} },
      { name: 'nic-0', model: 'virtio', bridge: {}, macAddress: '02:00:00:00:00:42' },
    ]);
    expect(vm.spec.template.spec.networks).toEqual([
      { name: 'default', pod: {} },
      { name: 'nic-0', multus: { networkName: 'bridge-network' } },
    ]);
  });

  test('CPU and memory: an invalid value is said inline, a valid one changes the spec', async ({
    page,
    stack,
  }) => {
    await createVirtualMachine(stack, NS, 'e2e-cfg-cpu');
    await page.goto(configURL(stack, 'e2e-cfg-cpu'));
    const dialog = await openCPUMemory(page);
    await dialog.getByRole('textbox', { name: 'Memory' }).fill('lots');
    await expect(
      dialog.getByText('Enter a positive quantity, such as 2Gi or 512Mi.'),
    ).toBeVisible();
    await dialog.getByRole('spinbutton', { name: 'Cores' }).fill('0');
    await expect(dialog.getByText('Must be at least 1.')).toBeVisible();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeVisible();
    await page.screenshot({ path: '/tmp/shots/vm-config-cpu-invalid.png' });

    await dialog.getByRole('textbox', { name: 'Memory' }).fill('2Gi');
    await dialog.getByRole('spinbutton', { name: 'Cores' }).fill('2');
    await expect(dialog.getByText('2 vCPU')).toBeVisible();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toHaveCount(0);
    await expect
      .poll(async () => (await getVM(stack, 'e2e-cfg-cpu')).spec.template.spec.domain)
      .toMatchObject({ cpu: { sockets: 1, cores: 2, threads: 1 }, memory: { guest: '2Gi' } });
    await expect(page.getByText('2 vCPU | 2Gi')).toBeVisible();
  });

  test('an edit that meets a concurrent change shows the conflict and keeps the input', async ({
    page,
    stack,
  }) => {
    await createVirtualMachine(stack, NS, 'e2e-cfg-conflict');
    await page.goto(configURL(stack, 'e2e-cfg-conflict'));
    const dialog = await openCPUMemory(page);
    await dialog.getByRole('textbox', { name: 'Memory' }).fill('3Gi');
    // Another client changes the VM while the dialog is open.
    const changed = await stack.api(
      'PATCH',
      `${VMS}/e2e-cfg-conflict`,
      { metadata: { labels: { changed: 'elsewhere' } } },
      'application/merge-patch+json',
    );
    expect(changed.status).toBe(200);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(
      dialog.getByText('The object changed on the server since you opened this dialog.'),
    ).toBeVisible();
    await expect(dialog.getByRole('textbox', { name: 'Memory' })).toHaveValue('3Gi');
    await page.screenshot({ path: '/tmp/shots/vm-config-conflict.png' });
    expect((await getVM(stack, 'e2e-cfg-conflict')).spec.template.spec.domain.memory).toEqual({
      guest: '1Gi',
    });
  });

  test('the boot order is edited with the keyboard', async ({ page, stack }) => {
    await createVirtualMachine(stack, NS, 'e2e-cfg-boot');
    await stack.api(
      'PATCH',
      `${VMS}/e2e-cfg-boot`,
      [
        {
          op: 'add',
          path: '/spec/template/spec/domain/devices/disks',
          value: [
            { name: 'root', disk: { bus: 'virtio' }, bootOrder: 1 },
            { name: 'iso', cdrom: { bus: 'sata' }, bootOrder: 2 },
          ],
        },
        {
          op: 'add',
          path: '/spec/template/spec/volumes',
          value: [
            { name: 'root', containerDisk: { image: 'quay.io/containerdisks/fedora:40' } },
            { name: 'iso', containerDisk: { image: 'quay.io/containerdisks/fedora:40' } },
          ],
        },
      ],
      'application/json-patch+json',
    );
    await page.goto(configURL(stack, 'e2e-cfg-boot'));
    await page.getByRole('button', { name: 'Edit Boot order' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit boot order' });
    await dialog.getByRole('button', { name: 'Move up iso' }).focus();
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('button', { name: 'Move up iso' })).toBeDisabled();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toHaveCount(0);
    await expect
      .poll(
        async () => (await getVM(stack, 'e2e-cfg-boot')).spec.template.spec.domain.devices.disks,
      )
      .toEqual([
        { name: 'root', disk: { bus: 'virtio' }, bootOrder: 2 },
        { name: 'iso', cdrom: { bus: 'sata' }, bootOrder: 1 },
      ]);

    await page.getByRole('tab', { name: 'Storage' }).click();
    await page.getByRole('button', { name: 'Edit iso' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit disk iso' });
    await edit.getByRole('combobox', { name: 'Interface' }).selectOption('scsi');
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect(edit).toHaveCount(0);
    await expect
      .poll(
        async () =>
          (await getVM(stack, 'e2e-cfg-boot')).spec.template.spec.domain.devices.disks?.[1],
      )
      .toEqual({ name: 'iso', cdrom: { bus: 'scsi' }, bootOrder: 1 });
  });

  test('scheduling, SSH key and cloud-init edits patch the spec', async ({ page, stack }) => {
    await createVirtualMachine(stack, NS, 'e2e-cfg-sched');
    const secret = await stack.api('POST', `/api/v1/namespaces/${NS}/secrets`, {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'e2e-cfg-key', namespace: NS },
      stringData: { key: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG3 e2e@example' },
    });
    expect(secret.status).toBe(201);
    await page.goto(configURL(stack, 'e2e-cfg-sched', 'scheduling'));

    await page.getByRole('button', { name: 'Edit Tolerations' }).click();
    const tol = page.getByRole('dialog', { name: 'Edit tolerations' });
    await tol.getByRole('button', { name: 'Add toleration' }).click();
    await tol.getByRole('button', { name: 'Save' }).click();
    await expect(tol.getByText('Required')).toBeVisible();
    await tol.getByRole('textbox', { name: 'Taint key' }).fill('gpu');
    await tol.getByRole('textbox', { name: 'Taint value' }).fill('nvidia');
    await tol.getByRole('combobox', { name: 'Effect' }).selectOption('NoSchedule');
    await tol.getByRole('button', { name: 'Save' }).click();
    await expect(tol).toHaveCount(0);

    await page.getByRole('button', { name: 'Edit Eviction strategy' }).click();
    const ev = page.getByRole('dialog', { name: 'Edit eviction strategy' });
    await ev.getByRole('combobox', { name: 'Eviction strategy' }).selectOption('LiveMigrate');
    await ev.getByRole('button', { name: 'Save' }).click();
    await expect(ev).toHaveCount(0);
    await expect(page.getByText('Toleration rules: 1')).toBeVisible();
    await page.screenshot({ path: '/tmp/shots/vm-config-scheduling.png' });

    await page.getByRole('tab', { name: 'SSH' }).click();
    await expect(page.getByRole('textbox', { name: 'SSH using virtctl' })).toHaveValue(
      'virtctl -n demo-apps ssh vm/e2e-cfg-sched',
    );
    await page.getByRole('button', { name: 'Edit Secret' }).click();
    const ssh = page.getByRole('dialog', { name: 'Edit public SSH key' });
    await ssh.getByRole('combobox', { name: 'Secret' }).selectOption('e2e-cfg-key');
    await ssh.getByRole('button', { name: 'Save' }).click();
    await expect(ssh).toHaveCount(0);

    await page.getByRole('tab', { name: 'Initial run' }).click();
    await page.getByRole('button', { name: 'Edit cloud-init' }).click();
    const ci = page.getByRole('dialog', { name: 'Edit cloud-init' });
    await ci.getByRole('textbox', { name: 'User', exact: true }).fill('fedora');
    await ci.getByRole('button', { name: 'Script (YAML)' }).click();
    await expect(ci.getByRole('textbox', { name: 'User data' })).toHaveValue(/user: fedora/);
    await ci.getByRole('textbox', { name: 'User data' }).fill('#cloud-config\nuser: [unclosed');
    await expect(ci.getByText('Invalid YAML')).toBeVisible();
    await page.screenshot({ path: '/tmp/shots/vm-config-cloudinit-invalid.png' });
    await ci
      .getByRole('textbox', { name: 'User data' })
      .fill('#cloud-config\nuser: fedora\npassword: s3cret\n');
    await ci.getByRole('button', { name: 'Save' }).click();
    await expect(ci).toHaveCount(0);
    await expect(page.getByText('User: fedora', { exact: true })).toBeVisible();

    const spec = (
      (await stack.api('GET', `${VMS}/e2e-cfg-sched`)).json as {
        spec: { template: { spec: Record<string, unknown> } };
      }
    ).spec.template.spec;
    expect(spec.tolerations).toEqual([
      { key: 'gpu', operator: 'Equal', value: 'nvidia', effect: 'NoSchedule' },
    ]);
    expect(spec.evictionStrategy).toBe('LiveMigrate');
    expect(spec.accessCredentials).toEqual([
      {
        sshPublicKey: {
          source: { secret: { secretName: 'e2e-cfg-key' } },
          propagationMethod: { noCloud: {} },
        },
      },
    ]);
    expect(spec.volumes).toEqual([
      {
        name: 'cloudinitdisk',
        cloudInitNoCloud: { userData: '#cloud-config\nuser: fedora\npassword: s3cret\n' },
      },
    ]);
  });

  test('the sub-tabs and the Add disk dialog have no serious accessibility violations', async ({
    page,
    stack,
  }) => {
    await createVirtualMachine(stack, NS, 'e2e-cfg-a11y');
    await page.goto(configURL(stack, 'e2e-cfg-a11y'));
    await expect(page.getByRole('button', { name: 'Edit CPU | Memory' })).toBeVisible();
    expect(await blockingViolations(page)).toEqual([]);
    for (const tab of ['Network', 'Scheduling', 'SSH', 'Initial run']) {
      await page.getByRole('tab', { name: tab, exact: true }).click();
      await expect(page.getByRole('tabpanel', { name: tab })).toBeVisible();
      expect(await blockingViolations(page), tab).toEqual([]);
    }
    await page.getByRole('tab', { name: 'Storage' }).click();
    await page.getByRole('button', { name: 'Add disk' }).click();
    await expect(page.getByRole('dialog', { name: 'Add disk' })).toBeVisible();
    expect(await blockingViolations(page)).toEqual([]);
  });

  test('the configuration tab in Japanese', async ({ page, stack }) => {
    await createVirtualMachine(stack, NS, 'e2e-cfg-ja');
    await useLanguage(page, stack.url, 'ja');
    await page.goto(configURL(stack, 'e2e-cfg-ja'));
    await expect(page.getByRole('tab', { name: 'ストレージ' })).toBeVisible();
    await page.screenshot({ path: '/tmp/shots/vm-config-ja-details.png', fullPage: true });
    await page.getByRole('tab', { name: 'ストレージ' }).click();
    await page.getByRole('button', { name: 'ディスクの追加' }).click();
    const dialog = page.getByRole('dialog', { name: 'ディスクの追加' });
    await dialog.getByRole('textbox', { name: 'サイズ' }).fill('x');
    await expect(dialog.getByText('2Gi や 512Mi')).toBeVisible();
    await page.screenshot({ path: '/tmp/shots/vm-config-ja-add-disk.png' });
    await dialog.getByRole('button', { name: 'キャンセル' }).click();
    await expect(dialog).toHaveCount(0);
    await page.getByRole('tab', { name: 'スケジューリング' }).click();
    await expect(
      page.getByRole('button', { name: 'エビクションストラテジー の編集' }),
    ).toBeVisible();
    await page.screenshot({ path: '/tmp/shots/vm-config-ja-scheduling.png' });
  });
});
