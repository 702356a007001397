import type { FC, ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonVariant, Icon, Popover } from '@patternfly/react-core';
import {
  CheckCircleIcon,
  ExclamationCircleIcon,
  InProgressIcon,
  OffIcon,
  PauseCircleIcon,
  UnknownIcon,
} from '@patternfly/react-icons';
import type { VMDisplayStatus, VMStatusKind } from '../../utils/vmStatus';

/** `data-test` of the status, for tests. */
const STATUS_TEST_ID = 'vm-status';

type IconStatus = 'success' | 'danger' | undefined;

/** One icon and status colour per kind of status. */
const KIND_ICONS: Record<VMStatusKind, { icon: ReactElement; status: IconStatus }> = {
  running: { icon: <CheckCircleIcon />, status: 'success' },
  stopped: { icon: <OffIcon />, status: undefined },
  transition: { icon: <InProgressIcon />, status: undefined },
  paused: { icon: <PauseCircleIcon />, status: undefined },
  error: { icon: <ExclamationCircleIcon />, status: 'danger' },
  unknown: { icon: <UnknownIcon />, status: undefined },
};

type VirtualMachineStatusProps = {
  /** The display status from `getVMStatus`. */
  status: VMDisplayStatus;
};

/**
 * A VM status as the API spells it, with its icon. Error states open a popover that tells why
 * (the reason and message of the condition that explains the error).
 */
const VirtualMachineStatus: FC<VirtualMachineStatusProps> = ({ status }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const { icon, status: iconStatus } = KIND_ICONS[status.kind];
  const iconAndText = (
    <>
      <Icon status={iconStatus} isInline>
        {icon}
      </Icon>{' '}
      {status.status}
    </>
  );

  if (status.kind !== 'error') {
    return <span data-test={STATUS_TEST_ID}>{iconAndText}</span>;
  }

  return (
    <Popover
      headerContent={status.status}
      bodyContent={status.message ?? t('No details are available for this status.')}
      footerContent={status.reason ? t('Reason: {{reason}}', { reason: status.reason }) : undefined}
    >
      <Button variant={ButtonVariant.link} isInline data-test={STATUS_TEST_ID}>
        {iconAndText}
      </Button>
    </Popover>
  );
};

export default VirtualMachineStatus;
