import type { FC } from 'react';
import { useTranslation } from 'react-i18next';
import CopyField from '../../../../../components/CopyField';
import { DescriptionList, Title } from '@patternfly/react-core';
import { useOverlay } from '@openshift-console/dynamic-plugin-sdk';
import type { VirtualMachine, VirtualMachineInstance } from '../../../../../models/types';
import { getVirtctlSSHCommand } from '../../../../../utils/vmFields';
import { getSSHKeySettings } from '../../../../../utils/vmSpec/ssh';
import { SettingItem } from './SettingItem';
import SSHKeyModal, { type SSHKeyModalProps } from './SSHKeyModal';
import SSHServiceSetting from './SSHServiceSetting';

type SSHSectionProps = {
  /** The VM reached over SSH. */
  vm: VirtualMachine;
  /** The running instance, if any (its node and labels, for the SSH service). */
  vmi?: VirtualMachineInstance;
};

/** Configuration → SSH: the virtctl command, SSH through a Service, and the public key secret. */
const SSHSection: FC<SSHSectionProps> = ({ vm, vmi }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const launch = useOverlay();
  const key = getSSHKeySettings(vm);
  return (
    <>
      <Title headingLevel="h3">{t('SSH access')}</Title>
      <DescriptionList
        isHorizontal
        horizontalTermWidthModifier={{ default: '22ch' }}
        className="pf-v6-u-mt-md"
      >
        <SettingItem term={t('SSH using virtctl')}>
          <CopyField label={t('SSH using virtctl')} copyLabel={t('Copy SSH command')}>
            {getVirtctlSSHCommand(vm)}
          </CopyField>
        </SettingItem>
        <SSHServiceSetting vm={vm} vmi={vmi} />
      </DescriptionList>
      <Title headingLevel="h3" className="pf-v6-u-mt-lg">
        {t('Public SSH key')}
      </Title>
      <DescriptionList
        isHorizontal
        horizontalTermWidthModifier={{ default: '22ch' }}
        className="pf-v6-u-mt-md"
      >
        <SettingItem
          term={t('Secret')}
          onEdit={() => launch<Omit<SSHKeyModalProps, 'closeOverlay'>>(SSHKeyModal, { vm })}
        >
          {key ? key.secretName : t('None')}
        </SettingItem>
        <SettingItem term={t('Key injection')}>
          {!key
            ? t('None')
            : key.injection === 'dynamic'
              ? t('Dynamic ({{users}})', { users: key.users.join(', ') })
              : t('At first boot (cloud-init)')}
        </SettingItem>
      </DescriptionList>
    </>
  );
};

export default SSHSection;
