import { consoleFetchJSON, k8sDelete, k8sPatch } from '@openshift-console/dynamic-plugin-sdk';
import {
  DataVolumeModel,
  VirtualMachineInstanceMigrationModel,
  VirtualMachineModel,
} from '../../models';
import type { VirtualMachine } from '../../models/types';
import type { VMBulkActionId } from '../../utils/vmActionRules';

/** The console's path to KubeVirt's subresource API (virt-api). */
const SUBRESOURCES = '/api/kubernetes/apis/subresources.kubevirt.io/v1';

type Subresource = {
  kind: 'virtualmachines' | 'virtualmachineinstances';
  name: 'start' | 'stop' | 'restart' | 'migrate' | 'pause' | 'unpause';
};

const subresourceURL = (vm: VirtualMachine, { kind, name }: Subresource): string =>
  `${SUBRESOURCES}/namespaces/${encodeURIComponent(vm.metadata?.namespace ?? '')}/${kind}/${encodeURIComponent(vm.metadata?.name ?? '')}/${name}`;

/** PUT on a subresource, as `virtctl` does; errors are the server's `Status` (HttpError). */
const put = async (vm: VirtualMachine, sub: Subresource, body: object = {}): Promise<void> => {
  await consoleFetchJSON.put(subresourceURL(vm, sub), body);
};

export const startVM = (vm: VirtualMachine, paused = false) =>
  put(vm, { kind: 'virtualmachines', name: 'start' }, paused ? { paused: true } : {});

/** Stop; `gracePeriod: 0` is the force stop (the guest is killed, not shut down). */
export const stopVM = (vm: VirtualMachine, gracePeriod?: number) =>
  put(
    vm,
    { kind: 'virtualmachines', name: 'stop' },
    gracePeriod === undefined ? {} : { gracePeriod },
  );

export const restartVM = (vm: VirtualMachine) =>
  put(vm, { kind: 'virtualmachines', name: 'restart' });

export const pauseVM = (vm: VirtualMachine) =>
  put(vm, { kind: 'virtualmachineinstances', name: 'pause' });

export const unpauseVM = (vm: VirtualMachine) =>
  put(vm, { kind: 'virtualmachineinstances', name: 'unpause' });

export const migrateVM = (vm: VirtualMachine) =>
  put(vm, { kind: 'virtualmachines', name: 'migrate' });

/** Cancel = delete the unfinished migration object (KubeVirt aborts the transfer). */
export const cancelMigration = (namespace: string, migrationName: string) =>
  k8sDelete({
    model: VirtualMachineInstanceMigrationModel,
    resource: { metadata: { name: migrationName, namespace } },
  });

/** Names of the DataVolumes the VM owns through its `dataVolumeTemplates`. */
export const ownedDataVolumeNames = (vm: VirtualMachine): string[] =>
  (vm.spec?.dataVolumeTemplates ?? [])
    .map((dv) => dv.metadata?.name)
    .filter((name): name is string => !!name);

/**
 * Deletes the VM. Its DataVolumes go with it (garbage collection of owned objects) unless
 * `keepDisks`: then they are released first (their owner reference to this VM removed), so the
 * disks stay while the VM, its instance and its pods go.
 */
export const deleteVM = async (
  vm: VirtualMachine,
  {
    gracePeriodSeconds,
    keepDisks = false,
  }: { gracePeriodSeconds?: number; keepDisks?: boolean } = {},
): Promise<void> => {
  const namespace = vm.metadata?.namespace;
  if (keepDisks) {
    for (const name of ownedDataVolumeNames(vm)) {
      await releaseFromOwner(name, namespace, vm.metadata?.uid).catch((e: { code?: number }) => {
        if (e.code !== 404) throw e;
      });
    }
  }
  await k8sDelete({
    model: VirtualMachineModel,
    resource: vm,
    json: {
      kind: 'DeleteOptions',
      apiVersion: 'v1',
      propagationPolicy: 'Foreground',
      ...(gracePeriodSeconds === undefined ? {} : { gracePeriodSeconds }),
    },
  });
};

const releaseFromOwner = async (name: string, namespace: string | undefined, ownerUID?: string) => {
  const dv = await consoleFetchJSON(
    `/api/kubernetes/apis/${DataVolumeModel.apiGroup}/${DataVolumeModel.apiVersion}/namespaces/${namespace}/${DataVolumeModel.plural}/${name}`,
  );
  const refs: { uid?: string }[] = dv.metadata?.ownerReferences ?? [];
  const index = refs.findIndex((ref) => ref.uid === ownerUID);
  if (index < 0) return;
  await k8sPatch({
    model: DataVolumeModel,
    resource: dv,
    data: [
      { op: 'test', path: `/metadata/ownerReferences/${index}/uid`, value: ownerUID },
      { op: 'remove', path: `/metadata/ownerReferences/${index}` },
    ],
  });
};

/** The request each bulk action sends for one VM. */
export const BULK_ACTION_REQUESTS: Record<
  VMBulkActionId,
  (vm: VirtualMachine) => Promise<unknown>
> = {
  start: (vm) => startVM(vm),
  stop: (vm) => stopVM(vm),
  restart: restartVM,
  pause: pauseVM,
  unpause: unpauseVM,
  migrate: migrateVM,
  delete: (vm) => deleteVM(vm),
};
