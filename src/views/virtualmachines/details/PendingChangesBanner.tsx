import type { FC } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, AlertActionLink, List, ListItem, PageSection } from '@patternfly/react-core';
import { useOverlay } from '@openshift-console/dynamic-plugin-sdk';
import ConfirmActionModal, {
  type ConfirmActionModalProps,
} from '../../../components/modals/ConfirmActionModal';
import { restartVM } from '../../../components/actions/vmRequests';
import type { VirtualMachine, VirtualMachineInstance } from '../../../models/types';
import {
  getPendingChanges,
  isRestartRequired,
  type PendingChange,
} from '../../../utils/pendingChanges';

type PendingChangesBannerProps = {
  /** The VM (its spec and RestartRequired condition). */
  vm: VirtualMachine;
  /** The running instance, compared with the VM's spec. */
  vmi?: VirtualMachineInstance;
};

/** Lists what a restart applies: the spec the VM has and its running instance does not. */
const PendingChangesBanner: FC<PendingChangesBannerProps> = ({ vm, vmi }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const launch = useOverlay();
  const changes = getPendingChanges(vm, vmi);
  if (!vmi || (!changes.length && !isRestartRequired(vm))) return null;

  const describe = (change: PendingChange): string => {
    switch (change.kind) {
      case 'cpu':
        return t('CPU: {{from}} → {{to}}', { from: change.from, to: change.to });
      case 'memory':
        return t('Memory: {{from}} → {{to}}', { from: change.from, to: change.to });
      case 'disk-added':
        return t('Disk added: {{name}}', { name: change.name });
      case 'disk-removed':
        return t('Disk removed: {{name}}', { name: change.name });
      case 'nic-added':
        return t('Network interface added: {{name}}', { name: change.name });
      case 'nic-removed':
        return t('Network interface removed: {{name}}', { name: change.name });
      case 'boot-order':
        return t('Boot order');
      case 'hostname':
        return t('Hostname');
      case 'headless':
        return t('Headless mode');
      case 'guest-log':
        return t('Guest system log access');
      case 'boot-mode':
        return t('Boot mode');
      case 'node-selector':
        return t('Node selector');
      case 'tolerations':
        return t('Tolerations');
      case 'affinity':
        return t('Affinity rules');
      case 'eviction-strategy':
        return t('Eviction strategy');
      case 'dedicated-cpu':
        return t('Dedicated resources');
      case 'cloud-init':
        return t('cloud-init');
      case 'ssh-keys':
        return t('SSH keys');
      default:
        return t('Other settings');
    }
  };

  return (
    <PageSection padding={{ default: 'noPadding' }} className="pf-v6-u-px-lg pf-v6-u-pb-md">
      <Alert
        variant="warning"
        isInline
        title={t('Pending changes')}
        actionLinks={
          <AlertActionLink
            onClick={() =>
              launch<Omit<ConfirmActionModalProps, 'closeOverlay'>>(ConfirmActionModal, {
                title: t('Restart VirtualMachine?'),
                body: t('{{name}} restarts. Pending changes take effect.', {
                  name: vm.metadata?.name,
                }),
                confirmLabel: t('Restart'),
                onConfirm: () => restartVM(vm),
              })
            }
          >
            {t('Restart')}
          </AlertActionLink>
        }
      >
        {t('These changes apply when the VirtualMachine restarts:')}
        <List aria-label={t('Pending changes')}>
          {changes.map((change, i) => (
            <ListItem key={`${change.kind}-${i}`}>{describe(change)}</ListItem>
          ))}
          {!changes.length && <ListItem>{t('Other settings')}</ListItem>}
        </List>
      </Alert>
    </PageSection>
  );
};

export default PendingChangesBanner;
