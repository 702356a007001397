import { useK8sWatchResource, useK8sWatchResources } from '@openshift-console/dynamic-plugin-sdk';
import { useMemo } from 'react';
import {
  VirtualMachineInstanceMigrationModel,
  VirtualMachineInstanceModel,
  VirtualMachineModel,
} from '../../../models';
import { modelToGroupVersionKind } from '../../../models/modelUtils';
import type {
  VirtualMachine,
  VirtualMachineInstance,
  VirtualMachineInstanceMigration,
} from '../../../models/types';
import { getActiveMigration } from '../../../utils/vmMigration';

/** What the details page shows: the VM, its instance (if any) and its unfinished migration. */
export type VirtualMachineDetails = {
  vm: VirtualMachine;
  vmi?: VirtualMachineInstance;
  migration?: VirtualMachineInstanceMigration;
  loaded: boolean;
  loadError: unknown;
};

/** Three watches for one VM: the VM, its VMI (same name) and its migrations (by label). */
export const useVirtualMachineDetails = (
  name: string,
  namespace: string,
): VirtualMachineDetails => {
  const [vm, loaded, loadError] = useK8sWatchResource<VirtualMachine>({
    groupVersionKind: modelToGroupVersionKind(VirtualMachineModel),
    name,
    namespace,
  });
  const { vmi, migrations } = useK8sWatchResources<{
    vmi: VirtualMachineInstance;
    migrations: VirtualMachineInstanceMigration[];
  }>({
    vmi: {
      groupVersionKind: modelToGroupVersionKind(VirtualMachineInstanceModel),
      name,
      namespace,
      optional: true,
    },
    migrations: {
      groupVersionKind: modelToGroupVersionKind(VirtualMachineInstanceMigrationModel),
      namespace,
      isList: true,
      selector: { matchLabels: { 'kubevirt.io/vmi-name': name } },
      optional: true,
    },
  });
  const instance = vmi.loaded && !vmi.loadError && vmi.data?.metadata?.name ? vmi.data : undefined;
  const migration = useMemo(() => getActiveMigration(migrations.data ?? []), [migrations.data]);
  return { vm, vmi: instance, migration, loaded, loadError };
};
