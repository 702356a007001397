import type { FC } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  Breadcrumb,
  BreadcrumbItem,
  Button,
  Flex,
  FlexItem,
  PageSection,
  Title,
  Tooltip,
} from '@patternfly/react-core';
import { PauseIcon, PlayIcon, PowerOffIcon, RedoIcon } from '@patternfly/react-icons';
import type { Action } from '@openshift-console/dynamic-plugin-sdk';
import { ResourceIcon } from '@openshift-console/dynamic-plugin-sdk';
import ActionsMenu from '../../../components/actions/ActionsMenu';
import type { VirtualMachine } from '../../../models/types';
import { getVMStatus } from '../../../utils/vmStatus';
import VirtualMachineStatus from '../VirtualMachineStatus';
import { VM_GVK } from '../../../models/gvks';

/** The quick buttons, in order, with their icons. */
const QUICK_ACTIONS: { id: string; icon: JSX.Element }[] = [
  { id: 'vm-action-start', icon: <PlayIcon /> },
  { id: 'vm-action-stop', icon: <PowerOffIcon /> },
  { id: 'vm-action-restart', icon: <RedoIcon /> },
  { id: 'vm-action-pause', icon: <PauseIcon /> },
  { id: 'vm-action-unpause', icon: <PlayIcon /> },
];

type VirtualMachineDetailsHeaderProps = {
  /** The VM. */
  vm: VirtualMachine;
  /** Its actions (`useVirtualMachineActions`). */
  actions: Action[];
  /** The list the breadcrumb leads back to. */
  listPath: string;
};

/** Breadcrumb, name with status, quick lifecycle buttons and the Actions menu. */
const VirtualMachineDetailsHeader: FC<VirtualMachineDetailsHeaderProps> = ({
  vm,
  actions,
  listPath,
}) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const quick = QUICK_ACTIONS.flatMap(({ id, icon }) => {
    const action = actions.find((a) => a.id === id);
    return action ? [{ action, icon }] : [];
  });

  return (
    <PageSection>
      <Breadcrumb>
        <BreadcrumbItem render={() => <Link to={listPath}>{t('VirtualMachines')}</Link>} />
        <BreadcrumbItem isActive>{t('VirtualMachine details')}</BreadcrumbItem>
      </Breadcrumb>
      <Flex
        justifyContent={{ default: 'justifyContentSpaceBetween' }}
        alignItems={{ default: 'alignItemsCenter' }}
        className="pf-v6-u-mt-sm"
      >
        <Flex alignItems={{ default: 'alignItemsCenter' }}>
          <FlexItem>
            <Title headingLevel="h1">
              <ResourceIcon groupVersionKind={VM_GVK} /> {vm.metadata?.name}
            </Title>
          </FlexItem>
          <FlexItem>
            <VirtualMachineStatus status={getVMStatus(vm)} />
          </FlexItem>
        </Flex>
        <Flex alignItems={{ default: 'alignItemsCenter' }}>
          {quick.map(({ action, icon }) => {
            const button = (
              <Button
                key={action.id}
                variant="plain"
                icon={icon}
                aria-label={String(action.label)}
                isAriaDisabled={action.disabled}
                onClick={typeof action.cta === 'function' ? action.cta : undefined}
              />
            );
            return (
              <Tooltip
                key={action.id}
                content={action.disabled ? action.disabledTooltip : String(action.label)}
              >
                {button}
              </Tooltip>
            );
          })}
          <ActionsMenu actions={actions} variant="dropdown" />
        </Flex>
      </Flex>
    </PageSection>
  );
};

export default VirtualMachineDetailsHeader;
