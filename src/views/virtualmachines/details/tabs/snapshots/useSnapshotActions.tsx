import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Action } from '@openshift-console/dynamic-plugin-sdk';
import { k8sCreate, k8sDelete, useOverlay } from '@openshift-console/dynamic-plugin-sdk';
import ConfirmActionModal, {
  type ConfirmActionModalProps,
} from '../../../../../components/modals/ConfirmActionModal';
import { VirtualMachineRestoreModel, VirtualMachineSnapshotModel } from '../../../../../models';
import type { VirtualMachineSnapshot } from '../../../../../models/types';
import {
  buildVMRestore,
  getRestoreBlock,
  randomSuffix,
  type RestoreBlock,
} from '../../../../../utils/snapshots';
import CloneVirtualMachineModal from '../../../actions/modals/CloneVirtualMachineModal';
import type { SnapshotRowData } from './snapshotTable';

/**
 * A snapshot's kebab: Restore (only onto a stopped VM, with a confirmation), Create
 * VirtualMachine (a VirtualMachineClone of the snapshot) and Delete (with a confirmation).
 * Disabled items say why; access reviews run when the menu opens.
 */
export const useSnapshotActions = (
  snapshot: VirtualMachineSnapshot,
  { vm, vmi }: SnapshotRowData,
): Action[] => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const launch = useOverlay();

  return useMemo(() => {
    const name = snapshot.metadata?.name ?? '';
    const namespace = snapshot.metadata?.namespace ?? vm.metadata?.namespace ?? '';
    const vmName = vm.metadata?.name ?? '';
    const block = getRestoreBlock(vm, snapshot, vmi);
    const RESTORE_BLOCKS: Record<RestoreBlock, string> = {
      'vm-not-stopped': t('Stop the VirtualMachine to restore a snapshot.'),
      'snapshot-not-ready': t('The snapshot is not ready to use yet.'),
      'restore-in-progress': t('A restore of this VirtualMachine is in progress.'),
    };
    const notReady = !snapshot.status?.readyToUse;
    const confirm = (props: Omit<ConfirmActionModalProps, 'closeOverlay'>) => () =>
      launch<Omit<ConfirmActionModalProps, 'closeOverlay'>>(ConfirmActionModal, props);

    return [
      {
        id: 'snapshot-restore',
        label: t('Restore'),
        disabled: !!block,
        disabledTooltip: block
          ? RESTORE_BLOCKS[block]
          : t('You do not have permission to perform this action.'),
        accessReview: {
          group: VirtualMachineRestoreModel.apiGroup,
          resource: VirtualMachineRestoreModel.plural,
          verb: 'create',
          namespace,
        },
        cta: confirm({
          title: t('Restore snapshot?'),
          body: t(
            '{{vm}} is restored to snapshot {{snapshot}}: its disks and settings are replaced by those of the snapshot.',
            { vm: vmName, snapshot: name },
          ),
          confirmLabel: t('Restore'),
          onConfirm: () =>
            k8sCreate({
              model: VirtualMachineRestoreModel,
              data: buildVMRestore({
                namespace,
                vmName,
                snapshotName: name,
                suffix: randomSuffix(),
              }),
            }),
        }),
      },
      {
        id: 'snapshot-create-vm',
        label: t('Create VirtualMachine'),
        description: t('A new VirtualMachine from this snapshot'),
        disabled: notReady,
        disabledTooltip: notReady
          ? t('The snapshot is not ready to use yet.')
          : t('You do not have permission to perform this action.'),
        accessReview: {
          group: 'clone.kubevirt.io',
          resource: 'virtualmachineclones',
          verb: 'create',
          namespace,
        },
        cta: () =>
          launch<{ vm: typeof vm; snapshotName?: string }>(CloneVirtualMachineModal, {
            vm,
            snapshotName: name,
          }),
      },
      {
        id: 'snapshot-delete',
        label: t('Delete'),
        disabledTooltip: t('You do not have permission to perform this action.'),
        accessReview: {
          group: VirtualMachineSnapshotModel.apiGroup,
          resource: VirtualMachineSnapshotModel.plural,
          verb: 'delete',
          name,
          namespace,
        },
        cta: confirm({
          title: t('Delete VirtualMachineSnapshot?'),
          body: t('Are you sure you want to delete {{name}} in namespace {{namespace}}?', {
            name,
            namespace,
          }),
          confirmLabel: t('Delete'),
          variant: 'danger',
          onConfirm: () => k8sDelete({ model: VirtualMachineSnapshotModel, resource: snapshot }),
        }),
      },
    ];
  }, [snapshot, vm, vmi, t, launch]);
};
