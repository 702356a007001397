import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Action, K8sVerb } from '@openshift-console/dynamic-plugin-sdk';
import { k8sPatch, useOverlay } from '@openshift-console/dynamic-plugin-sdk';
import ActionErrorModal from '../../../components/modals/ActionErrorModal';
import ConfirmActionModal, {
  type ConfirmActionModalProps,
} from '../../../components/modals/ConfirmActionModal';
import KeyValueModal, { type KeyValueModalProps } from '../../../components/modals/KeyValueModal';
import {
  cancelMigration,
  migrateVM,
  pauseVM,
  restartVM,
  startVM,
  stopVM,
  unpauseVM,
} from '../../../components/actions/vmRequests';
import { VirtualMachineModel } from '../../../models';
import type {
  VirtualMachine,
  VirtualMachineInstance,
  VirtualMachineInstanceMigration,
} from '../../../models/types';
import {
  getVMActionRules,
  VM_ACTION_IDS,
  type VMActionBlock,
  type VMActionId,
} from '../../../utils/vmActionRules';
import { getVirtctlSSHCommand } from '../../../utils/vmFields';
import { buildPatch, setAnnotations, setLabels } from '../../../utils/vmPatch';
import CloneVirtualMachineModal from './modals/CloneVirtualMachineModal';
import DeleteVirtualMachineModal from './modals/DeleteVirtualMachineModal';
import TakeSnapshotModal from './modals/TakeSnapshotModal';
import CopiedToast from './CopiedToast';

/** What the menu knows besides the VM; without it the rules assume no instance. */
export type VirtualMachineActionContext = {
  vmi?: VirtualMachineInstance;
  /** The VMI's unfinished migration, if any. */
  migration?: VirtualMachineInstanceMigration;
  /** Whether a migration is running when the migration object itself is not at hand (lists). */
  migrating?: boolean;
  /** Where to go after the VM is deleted (the details page leaves for the list). */
  onDeleted?: () => void;
};

type AccessReview = NonNullable<Action['accessReview']>;

const subresource = (vm: VirtualMachine, resource: string, sub: string): AccessReview => ({
  group: 'subresources.kubevirt.io',
  resource,
  subresource: sub,
  verb: 'update' as K8sVerb,
  name: vm.metadata?.name,
  namespace: vm.metadata?.namespace,
});

const onVM = (vm: VirtualMachine, verb: K8sVerb): AccessReview => ({
  group: VirtualMachineModel.apiGroup,
  resource: VirtualMachineModel.plural,
  verb,
  name: vm.metadata?.name,
  namespace: vm.metadata?.namespace,
});

const create = (vm: VirtualMachine, group: string, resource: string): AccessReview => ({
  group,
  resource,
  verb: 'create',
  namespace: vm.metadata?.namespace,
});

/** The access check of each action (the SDK menu disables what the user may not do). */
const ACCESS: Record<VMActionId, (vm: VirtualMachine) => AccessReview | undefined> = {
  start: (vm) => subresource(vm, 'virtualmachines', 'start'),
  stop: (vm) => subresource(vm, 'virtualmachines', 'stop'),
  'force-stop': (vm) => subresource(vm, 'virtualmachines', 'stop'),
  restart: (vm) => subresource(vm, 'virtualmachines', 'restart'),
  pause: (vm) => subresource(vm, 'virtualmachineinstances', 'pause'),
  unpause: (vm) => subresource(vm, 'virtualmachineinstances', 'unpause'),
  migrate: (vm) => subresource(vm, 'virtualmachines', 'migrate'),
  'cancel-migration': (vm) => ({
    group: 'kubevirt.io',
    resource: 'virtualmachineinstancemigrations',
    verb: 'delete',
    namespace: vm.metadata?.namespace,
  }),
  clone: (vm) => create(vm, 'clone.kubevirt.io', 'virtualmachineclones'),
  snapshot: (vm) => create(vm, 'snapshot.kubevirt.io', 'virtualmachinesnapshots'),
  'copy-ssh': () => undefined,
  'edit-labels': (vm) => onVM(vm, 'patch'),
  'edit-annotations': (vm) => onVM(vm, 'patch'),
  delete: (vm) => onVM(vm, 'delete'),
};

/**
 * The VM's actions for menus and the `console.action/resource-provider`: labels, rules from
 * `getVMActionRules` (hidden or disabled with the reason), access reviews (disabled with the
 * reason when denied), and what each one runs. No watches: callers pass what they know.
 */
export const useVirtualMachineActions = (
  vm: VirtualMachine | undefined,
  context: VirtualMachineActionContext = {},
): [Action[], boolean, unknown] => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const launch = useOverlay();
  const { vmi, migration, migrating, onDeleted } = context;

  const actions = useMemo<Action[]>(() => {
    if (!vm?.metadata) return [];
    const name = vm.metadata.name ?? '';
    const rules = getVMActionRules({ vm, vmi, migrating: migrating ?? !!migration });

    /** Runs a request at once; a failure opens a dialog with the server's reason. */
    const direct = (title: string, request: () => Promise<unknown>) => () => {
      request().catch((error: unknown) => launch(ActionErrorModal, { title, error }));
    };
    const confirm =
      (
        title: string,
        body: string,
        confirmLabel: string,
        onConfirm: () => Promise<unknown>,
        variant: 'primary' | 'danger' = 'primary',
      ) =>
      () =>
        launch<Omit<ConfirmActionModalProps, 'closeOverlay'>>(ConfirmActionModal, {
          title,
          body,
          confirmLabel,
          onConfirm,
          variant,
        });

    const BLOCK_REASONS: Record<VMActionBlock, string> = {
      importing: t('The VirtualMachine cannot restart while its disks are importing.'),
      'not-running': t('The VirtualMachine is not running yet.'),
      'not-live-migratable': t('This VirtualMachine cannot be live migrated.'),
      'delete-protected': t(
        'Delete protection is on. Remove the label kubevirt.io/vm-delete-protection to delete this VirtualMachine.',
      ),
      'snapshot-in-progress': t('A snapshot of this VirtualMachine is in progress.'),
    };
    const DENIED: Partial<Record<VMActionId, string>> = {
      migrate: t(
        'You are not allowed to migrate VirtualMachines here. Live migration is for cluster administrators.',
      ),
    };

    const DEFINITIONS: Record<VMActionId, { label: string; cta: Action['cta'] }> = {
      start: {
        label: t('Start'),
        cta: direct(t('Start VirtualMachine'), () => startVM(vm)),
      },
      stop: {
        label: t('Stop'),
        cta: confirm(
          t('Stop VirtualMachine?'),
          t('{{name}} shuts down. Unsaved data in the guest may be lost.', { name }),
          t('Stop'),
          () => stopVM(vm),
        ),
      },
      'force-stop': {
        label: t('Force stop'),
        cta: confirm(
          t('Force stop VirtualMachine?'),
          t(
            '{{name}} is turned off at once, without a guest shutdown. Data not yet written to disk is lost.',
            { name },
          ),
          t('Force stop'),
          () => stopVM(vm, 0),
          'danger',
        ),
      },
      restart: {
        label: t('Restart'),
        cta: confirm(
          t('Restart VirtualMachine?'),
          t('{{name}} restarts. Pending changes take effect.', { name }),
          t('Restart'),
          () => restartVM(vm),
        ),
      },
      pause: { label: t('Pause'), cta: direct(t('Pause VirtualMachine'), () => pauseVM(vm)) },
      unpause: {
        label: t('Unpause'),
        cta: direct(t('Unpause VirtualMachine'), () => unpauseVM(vm)),
      },
      migrate: {
        label: t('Migrate'),
        cta: direct(t('Migrate VirtualMachine'), () => migrateVM(vm)),
      },
      'cancel-migration': {
        label: t('Cancel migration'),
        cta: confirm(
          t('Cancel migration?'),
          t('The live migration of {{name}} stops; the VirtualMachine keeps running on its node.', {
            name,
          }),
          t('Cancel migration'),
          async () => {
            if (migration?.metadata?.name)
              await cancelMigration(vm.metadata?.namespace ?? '', migration.metadata.name);
          },
        ),
      },
      clone: { label: t('Clone'), cta: () => launch(CloneVirtualMachineModal, { vm }) },
      snapshot: { label: t('Take snapshot'), cta: () => launch(TakeSnapshotModal, { vm }) },
      'copy-ssh': {
        label: t('Copy SSH command'),
        cta: () => {
          const command = getVirtctlSSHCommand(vm);
          navigator.clipboard
            ?.writeText(command)
            .then(() => launch(CopiedToast, { text: command }))
            .catch((error: unknown) =>
              launch(ActionErrorModal, { title: t('Copy SSH command'), error }),
            );
        },
      },
      'edit-labels': {
        label: t('Edit labels'),
        cta: () =>
          launch<Omit<KeyValueModalProps, 'closeOverlay'>>(KeyValueModal, {
            title: t('Edit labels'),
            kind: 'labels',
            initial: vm.metadata?.labels,
            onSave: (labels: Record<string, string>) =>
              k8sPatch({
                model: VirtualMachineModel,
                resource: vm,
                data: buildPatch(vm, setLabels(labels)),
              }),
          }),
      },
      'edit-annotations': {
        label: t('Edit annotations'),
        cta: () =>
          launch<Omit<KeyValueModalProps, 'closeOverlay'>>(KeyValueModal, {
            title: t('Edit annotations'),
            kind: 'annotations',
            initial: vm.metadata?.annotations,
            onSave: (annotations: Record<string, string>) =>
              k8sPatch({
                model: VirtualMachineModel,
                resource: vm,
                data: buildPatch(vm, setAnnotations(annotations)),
              }),
          }),
      },
      delete: {
        label: t('Delete'),
        cta: () => launch(DeleteVirtualMachineModal, { vm, onDeleted }),
      },
    };

    return VM_ACTION_IDS.filter((id) => rules[id].visible).map((id) => {
      const rule = rules[id];
      const accessReview = ACCESS[id](vm);
      const blockReason = rule.block
        ? [BLOCK_REASONS[rule.block], rule.blockDetail].filter(Boolean).join(' ')
        : undefined;
      return {
        id: `vm-action-${id}`,
        label: DEFINITIONS[id].label,
        cta: DEFINITIONS[id].cta,
        disabled: !!rule.block,
        disabledTooltip:
          blockReason ?? DENIED[id] ?? t('You do not have permission to perform this action.'),
        ...(accessReview ? { accessReview } : {}),
      };
    });
  }, [vm, vmi, migration, migrating, onDeleted, t, launch]);

  return [actions, true, undefined];
};

/** The `console.action/resource-provider` hook: the console passes the VM. */
export const useVirtualMachineActionsProvider = (
  vm: VirtualMachine,
): [Action[], boolean, unknown] => useVirtualMachineActions(vm);
