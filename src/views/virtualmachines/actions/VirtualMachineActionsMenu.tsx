import type { FC } from 'react';
import { useTranslation } from 'react-i18next';
import ActionsMenu from '../../../components/actions/ActionsMenu';
import type { VirtualMachine } from '../../../models/types';
import {
  useVirtualMachineActions,
  type VirtualMachineActionContext,
} from './useVirtualMachineActions';

type VirtualMachineActionsMenuProps = VirtualMachineActionContext & {
  /** The VM the actions apply to. */
  vm: VirtualMachine;
  /** Kebab in list rows, "Actions" dropdown in the details header. */
  variant: 'kebab' | 'dropdown';
};

/** The VM's actions menu, the same in list rows and in the details page header. */
const VirtualMachineActionsMenu: FC<VirtualMachineActionsMenuProps> = ({
  vm,
  variant,
  ...context
}) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const [actions] = useVirtualMachineActions(vm, context);
  return (
    <ActionsMenu
      actions={actions}
      variant={variant}
      label={t('Actions for {{name}}', { name: vm.metadata?.name })}
    />
  );
};

export default VirtualMachineActionsMenu;
