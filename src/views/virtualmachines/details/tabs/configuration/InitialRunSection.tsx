import type { FC } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  CodeBlock,
  CodeBlockCode,
  DescriptionList,
  HelperText,
  HelperTextItem,
  Title,
} from '@patternfly/react-core';
import { useOverlay } from '@openshift-console/dynamic-plugin-sdk';
import type { VirtualMachine, VirtualMachineInstance } from '../../../../../models/types';
import { isWindowsVM } from '../../../../../utils/vmFields';
import { getCloudInit, getSysprep, getUserPassword } from '../../../../../utils/vmSpec/cloudInit';
import CloudInitModal, { type CloudInitModalProps } from './CloudInitModal';
import { SettingItem } from './SettingItem';
import SysprepModal, {
  RemoveSysprepModal,
  type RemoveSysprepModalProps,
  type SysprepModalProps,
} from './SysprepModal';

type InitialRunSectionProps = {
  /** The VM whose first-boot configuration is shown. */
  vm: VirtualMachine;
  /** The running instance, if any (changes then apply at restart). */
  vmi?: VirtualMachineInstance;
};

/**
 * Configuration → Initial run: cloud-init user, password (hidden) and the raw user data; the
 * sysprep answer files' source (Windows).
 */
const InitialRunSection: FC<InitialRunSectionProps> = ({ vm, vmi }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const launch = useOverlay();
  const cloudInit = getCloudInit(vm);
  const { user, password } = getUserPassword(cloudInit?.userData ?? '');
  const sysprep = getSysprep(vm);
  const isRunning = Boolean(vmi);
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
        <SettingItem
          term={t('Sysprep')}
          onEdit={() =>
            launch<Omit<SysprepModalProps, 'closeOverlay'>>(SysprepModal, { vm, isRunning })
          }
        >
          {sysprep ? (
            <>
              {sysprep.kind === 'configMap'
                ? t('ConfigMap: {{name}}', { name: sysprep.name })
                : t('Secret: {{name}}', { name: sysprep.name })}{' '}
              <Button
                variant="link"
                isInline
                onClick={() =>
                  launch<Omit<RemoveSysprepModalProps, 'closeOverlay'>>(RemoveSysprepModal, {
                    vm,
                    isRunning,
                  })
                }
              >
                {t('Remove sysprep')}
              </Button>
            </>
          ) : (
            t('Not configured')
          )}
          {!isWindowsVM(vm, vmi) && (
            <HelperText>
              <HelperTextItem>
                {t('Sysprep answer files are read only by Windows guests.')}
              </HelperTextItem>
            </HelperText>
          )}
        </SettingItem>
      </DescriptionList>
    </>
  );
};

export default InitialRunSection;
