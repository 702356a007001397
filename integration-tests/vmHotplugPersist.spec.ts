import { expect, test } from './fixtures/stack';
import type { Stack } from './fixtures/stack';
import {
  createVirtualMachine,
  startVirtualMachine,
  untilInstanceRunning,
} from './fixtures/virtualMachines';

const NS = 'demo-apps';
const VMS = `/apis/kubevirt.io/v1/namespaces/${NS}/virtualmachines`;
const VMIS = `/apis/kubevirt.io/v1/namespaces/${NS}/virtualmachineinstances`;
const VMI_SUBRESOURCES = `/apis/subresources.kubevirt.io/v1/namespaces/${NS}/virtualmachineinstances`;
const DVS = `/apis/cdi.kubevirt.io/v1beta1/namespaces/${NS}/datavolumes`;

type Spec = {
  spec: {
    domain: { devices: { disks?: { name: string; disk?: { bus?: string } }[] } };
    volumes?: { name: string; dataVolume?: { name: string; hotpluggable?: boolean } }[];
  };
};

const vmTemplate = async (stack: Stack, name: string) =>
  ((await stack.api('GET', `${VMS}/${name}`)).json as { spec: { template: Spec } }).spec.template
    .spec;

/** Hot-plugs a new blank DataVolume into the running instance only (`virtctl addvolume`). */
const hotplugIntoVMI = async (stack: Stack, vm: string, disk: string) => {
  const dv = await stack.api('POST', DVS, {
    apiVersion: 'cdi.kubevirt.io/v1beta1',
    kind: 'DataVolume',
    metadata: { name: `${vm}-${disk}`, namespace: NS },
    spec: { source: { blank: {} }, storage: { resources: { requests: { storage: '1Gi' } } } },
  });
  expect(dv.status).toBe(201);
  const add = await stack.api('PUT', `${VMI_SUBRESOURCES}/${vm}/addvolume`, {
    name: disk,
    disk: { disk: { bus: 'scsi' } },
    volumeSource: { dataVolume: { name: `${vm}-${disk}`, hotpluggable: true } },
  });
  expect(add.status, JSON.stringify(add.json)).toBe(202);
};

test.describe('hot-plugged disks of the running instance only', () => {
  test('show as not persistent; Make persistent copies them into the VM spec', async ({
    page,
    stack,
  }) => {
    const vm = 'e2e-hotplug-persist';
    await createVirtualMachine(stack, NS, vm);
    await startVirtualMachine(stack, NS, vm);
    // The VMI's addvolume needs a running instance.
    await untilInstanceRunning(stack, NS, vm);
    await hotplugIntoVMI(stack, vm, 'scratch');
    await hotplugIntoVMI(stack, vm, 'temp');
    expect((await vmTemplate(stack, vm)).volumes ?? []).toEqual([]);

    await page.goto(
      `${stack.url}/k8s/ns/${NS}/kubevirt.io~v1~VirtualMachine/${vm}/configuration?subtab=storage`,
    );
    const disks = page
      .getByRole('grid', { name: 'Disks' })
      .or(page.getByRole('table', { name: 'Disks' }));
    const scratch = disks.getByRole('row', { name: /scratch/ });
    await expect(scratch).toContainText('Hot plugged');
    await expect(scratch).toContainText('Not persistent');
    await expect(scratch).toContainText(`${vm}-scratch`);
    // Its size comes from the DataVolume (the VM has no DataVolume template for it).
    await expect(scratch).toContainText('1Gi');

    await page.getByRole('button', { name: 'Make scratch persistent' }).click();
    const confirm = page.getByRole('dialog', { name: 'Make disk persistent?' });
    await confirm.getByRole('button', { name: 'Make persistent' }).click();
    await expect(confirm).toHaveCount(0);
    await expect(scratch).not.toContainText('Not persistent');
    await expect(scratch).toContainText('Hot plugged');
    await expect(page.getByRole('button', { name: 'Make scratch persistent' })).toHaveCount(0);

    const spec = await vmTemplate(stack, vm);
    expect(spec.volumes).toEqual([
      { name: 'scratch', dataVolume: { name: `${vm}-scratch`, hotpluggable: true } },
    ]);
    expect(spec.domain.devices.disks).toEqual([
      expect.objectContaining({ name: 'scratch', disk: { bus: 'scsi' } }),
    ]);

    // Detaching the other one unplugs it from the instance (the VM spec never had it).
    await page.getByRole('button', { name: 'Detach temp' }).click();
    const detach = page.getByRole('dialog', { name: 'Detach disk?' });
    await detach.getByRole('button', { name: 'Detach' }).click();
    await expect(detach).toHaveCount(0);
    await expect(disks.getByRole('row', { name: /temp/ })).toHaveCount(0);
    const vmi = (await stack.api('GET', `${VMIS}/${vm}`)).json as Spec;
    expect(vmi.spec.volumes?.map((v) => v.name)).not.toContain('temp');
    expect(vmi.spec.volumes?.map((v) => v.name)).toContain('scratch');
  });
});
