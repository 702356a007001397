import type { FC } from 'react';
import { useTranslation } from 'react-i18next';
import { useOverlay } from '@openshift-console/dynamic-plugin-sdk';
import { DescriptionList, Title } from '@patternfly/react-core';
import type { VirtualMachine, VirtualMachineInstance } from '../../../../../models/types';
import {
  getLogSerialConsole,
  isGuestLogEnabled,
  setLogSerialConsole,
} from '../../../../../utils/guestSystemLog';
import { validateDNSLabel } from '../../../../../utils/validation';
import {
  getDescription,
  getInstanceTypeName,
  getMemory,
  getVCPUs,
} from '../../../../../utils/vmFields';
import {
  getBootDevices,
  getBootMode,
  isHeadless,
  isStartPaused,
  setDescription,
  setHeadless,
  setHostname,
  setStartPaused,
} from '../../../../../utils/vmSpec/details';
import { useGuestLogDisabledByCluster } from '../../useGuestLogClusterDefault';
import BootModeModal from './BootModeModal';
import BootOrderModal from './BootOrderModal';
import CPUMemoryModal from './CPUMemoryModal';
import { patchVM } from './patchVM';
import { SettingItem, SwitchSetting } from './SettingItem';
import TextFieldModal, { type TextFieldModalProps } from './TextFieldModal';

type TextFieldProps = Omit<TextFieldModalProps, 'closeOverlay'>;

type SectionProps = {
  /** The VM. */
  vm: VirtualMachine;
  /** Its running instance. */
  vmi?: VirtualMachineInstance;
};

/**
 * Configuration → Details: description, CPU/memory, hostname, headless, guest system log, boot
 * management.
 */
const DetailsSection: FC<SectionProps> = ({ vm, vmi }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const launch = useOverlay();
  const instanceType = getInstanceTypeName(vm);
  const vcpus = getVCPUs(vm, vmi);
  const memory = getMemory(vm, vmi);
  const bootMode = getBootMode(vm);
  const bootOrder = getBootDevices(vm).filter((d) => d.bootOrder !== undefined);
  const none = t('None');
  const clusterGuestLogDisabled = useGuestLogDisabledByCluster();
  const noSerialConsole =
    vm.spec?.template?.spec?.domain?.devices?.autoattachSerialConsole === false;
  const guestLogHelp = noSerialConsole
    ? t('Needs the serial console, which this VirtualMachine turns off.')
    : getLogSerialConsole(vm) !== undefined
      ? t('Set for this VirtualMachine. Applies at the next start.')
      : clusterGuestLogDisabled === undefined
        ? t('Follows the cluster default.')
        : clusterGuestLogDisabled
          ? t('Follows the cluster default: off.')
          : t('Follows the cluster default: on.');
  return (
    <>
      <Title headingLevel="h3">{t('Details')}</Title>
      <DescriptionList
        isHorizontal
        horizontalTermWidthModifier={{ default: '22ch' }}
        className="pf-v6-u-mt-md"
      >
        <SettingItem
          term={t('Description')}
          onEdit={() =>
            launch<TextFieldProps>(TextFieldModal, {
              title: t('Edit description'),
              label: t('Description'),
              initial: getDescription(vm) ?? '',
              multiline: true,
              onSave: (value: string) => patchVM(vm, setDescription(value)),
            })
          }
        >
          {getDescription(vm) || none}
        </SettingItem>
        <SettingItem
          term={t('CPU | Memory')}
          onEdit={instanceType ? undefined : () => launch(CPUMemoryModal, { vm })}
        >
          {t('{{count}} vCPU', { count: vcpus ?? 0 })} | {memory ?? t('Not set')}
          {instanceType && (
            <div>
              {t('InstanceType: {{name}}. CPU and memory come from the instance type.', {
                name: instanceType,
              })}
            </div>
          )}
        </SettingItem>
        <SettingItem
          term={t('Hostname')}
          onEdit={() =>
            launch<TextFieldProps>(TextFieldModal, {
              title: t('Edit hostname'),
              label: t('Hostname'),
              initial: vm.spec?.template?.spec?.hostname ?? '',
              help: t('Leave empty to use the VirtualMachine name.'),
              validate: (value: string) => (value ? validateDNSLabel(value) : undefined),
              onSave: (value: string) => patchVM(vm, setHostname(value)),
            })
          }
        >
          {vm.spec?.template?.spec?.hostname || vm.metadata?.name}
        </SettingItem>
        <SwitchSetting
          term={t('Headless mode')}
          label={t('No graphics device (no VNC console)')}
          isChecked={isHeadless(vm)}
          onChange={(checked) => patchVM(vm, setHeadless(checked))}
        />
        <SwitchSetting
          term={t('Guest system log access')}
          label={guestLogHelp}
          isChecked={isGuestLogEnabled(vm, clusterGuestLogDisabled) ?? false}
          isDisabled={noSerialConsole}
          onChange={(checked) => patchVM(vm, setLogSerialConsole(checked))}
        />
      </DescriptionList>
      <Title headingLevel="h3" className="pf-v6-u-mt-lg">
        {t('Boot management')}
      </Title>
      <DescriptionList
        isHorizontal
        horizontalTermWidthModifier={{ default: '22ch' }}
        className="pf-v6-u-mt-md"
      >
        <SettingItem term={t('Boot mode')} onEdit={() => launch(BootModeModal, { vm })}>
          {bootMode === 'bios'
            ? t('BIOS')
            : bootMode === 'uefi'
              ? t('UEFI')
              : t('UEFI (secure boot)')}
        </SettingItem>
        <SettingItem term={t('Boot order')} onEdit={() => launch(BootOrderModal, { vm })}>
          {bootOrder.length ? bootOrder.map((d) => d.name).join(', ') : t('Disks in YAML order')}
        </SettingItem>
        <SwitchSetting
          term={t('Start in pause mode')}
          label={t('The guest starts paused; unpause it from the console or the actions.')}
          isChecked={isStartPaused(vm)}
          onChange={(checked) => patchVM(vm, setStartPaused(checked))}
        />
      </DescriptionList>
    </>
  );
};

export default DetailsSection;
