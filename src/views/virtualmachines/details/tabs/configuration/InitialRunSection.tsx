import type { FC } from 'react';
import { useTranslation } from 'react-i18next';
import { CodeBlock, CodeBlockCode, DescriptionList, Title } from '@patternfly/react-core';
import { useOverlay } from '@openshift-console/dynamic-plugin-sdk';
import type { VirtualMachine } from '../../../../../models/types';
import { getCloudInit, getUserPassword } from '../../../../../utils/vmSpec/cloudInit';
import CloudInitModal, { type CloudInitModalProps } from './CloudInitModal';
import { SettingItem } from './SettingItem';

type InitialRunSectionProps = {
  /** The VM whose first-boot configuration is shown. */
  vm: VirtualMachine;
};

/** Configuration → Initial run: cloud-init user, password (hidden) and the raw user data. */
const InitialRunSection: FC<InitialRunSectionProps> = ({ vm }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const launch = useOverlay();
  const cloudInit = getCloudInit(vm);
  const { user, password } = getUserPassword(cloudInit?.userData ?? '');
  return (
    <>
      <Title headingLevel="h3">{t('Initial run')}</Title>
      <DescriptionList
        isHorizontal
        horizontalTermWidthModifier={{ default: '22ch' }}
        className="pf-v6-u-mt-md"
      >
        <SettingItem
          term={t('cloud-init')}
          onEdit={() => launch<Omit<CloudInitModalProps, 'closeOverlay'>>(CloudInitModal, { vm })}
        >
          {cloudInit ? (
            <>
              <div>{t('User: {{user}}', { user: user || t('Not set') })}</div>
              <div>{password ? t('Password: set') : t('Password: not set')}</div>
            </>
          ) : (
            t('Not configured')
          )}
        </SettingItem>
        {cloudInit && (
          <SettingItem term={t('User data')}>
            <CodeBlock>
              <CodeBlockCode>
                {cloudInit.userData.replace(/^(\s*password:\s*).+$/gm, '$1********')}
              </CodeBlockCode>
            </CodeBlock>
          </SettingItem>
        )}
      </DescriptionList>
    </>
  );
};

export default InitialRunSection;
