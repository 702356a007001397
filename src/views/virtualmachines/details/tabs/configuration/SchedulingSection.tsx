import type { FC } from 'react';
import { useTranslation } from 'react-i18next';
import { dump } from 'js-yaml';
import { DescriptionList, Label, LabelGroup, Title } from '@patternfly/react-core';
import { useOverlay } from '@openshift-console/dynamic-plugin-sdk';
import KeyValueModal, {
  type KeyValueModalProps,
} from '../../../../../components/modals/KeyValueModal';
import type { VirtualMachine } from '../../../../../models/types';
import {
  isDedicatedCPU,
  isDeschedulerEnabled,
  parseAffinity,
  setAffinity,
  setDedicatedCPU,
  setDescheduler,
  setNodeSelector,
} from '../../../../../utils/vmSpec/scheduling';
import EvictionStrategyModal, { type EvictionStrategyModalProps } from './EvictionStrategyModal';
import { patchVM } from './patchVM';
import { SettingItem, SwitchSetting } from './SettingItem';
import TextFieldModal, { type TextFieldModalProps } from './TextFieldModal';
import TolerationsModal, { type TolerationsModalProps } from './TolerationsModal';

type SchedulingSectionProps = {
  /** The VM whose scheduling is shown and edited. */
  vm: VirtualMachine;
};

type VMOnly<P> = Omit<P, 'closeOverlay'>;

/** Configuration → Scheduling: node selector, tolerations, affinity, dedicated CPUs, eviction. */
const SchedulingSection: FC<SchedulingSectionProps> = ({ vm }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const launch = useOverlay();
  const spec = vm.spec?.template?.spec;
  const selector = spec?.nodeSelector ?? {};
  const tolerations = spec?.tolerations ?? [];
  const affinity = spec?.affinity;
  const none = t('None');

  return (
    <>
      <Title headingLevel="h3">{t('Scheduling and resources requirements')}</Title>
      <DescriptionList
        isHorizontal
        horizontalTermWidthModifier={{ default: '22ch' }}
        className="pf-v6-u-mt-md"
      >
        <SettingItem
          term={t('Node selector')}
          onEdit={() =>
            launch<VMOnly<KeyValueModalProps>>(KeyValueModal, {
              title: t('Edit node selector'),
              kind: 'labels',
              initial: selector,
              onSave: (map) => patchVM(vm, setNodeSelector(map)),
            })
          }
        >
          {Object.keys(selector).length ? (
            <LabelGroup>
              {Object.entries(selector).map(([k, v]) => (
                <Label key={k} isCompact>
                  {v ? `${k}=${v}` : k}
                </Label>
              ))}
            </LabelGroup>
          ) : (
            none
          )}
        </SettingItem>
        <SettingItem
          term={t('Tolerations')}
          onEdit={() => launch<VMOnly<TolerationsModalProps>>(TolerationsModal, { vm })}
        >
          {tolerations.length
            ? t('Toleration rules: {{number}}', { number: tolerations.length })
            : none}
        </SettingItem>
        <SettingItem
          term={t('Affinity rules')}
          onEdit={() =>
            launch<VMOnly<TextFieldModalProps>>(TextFieldModal, {
              title: t('Edit affinity rules'),
              label: t('Affinity (YAML)'),
              initial: affinity ? dump(affinity) : '',
              multiline: true,
              help: t('nodeAffinity, podAffinity and podAntiAffinity, as in the Pod spec.'),
              validate: (text) => parseAffinity(text).issue,
              onSave: (text) => patchVM(vm, setAffinity(parseAffinity(text).affinity)),
            })
          }
        >
          {affinity && Object.keys(affinity).length ? Object.keys(affinity).join(', ') : none}
        </SettingItem>
        <SwitchSetting
          term={t('Dedicated resources')}
          label={t('Schedule this workload with dedicated resources (guaranteed policy)')}
          isChecked={isDedicatedCPU(vm)}
          onChange={(checked) => patchVM(vm, setDedicatedCPU(checked))}
        />
        <SettingItem
          term={t('Eviction strategy')}
          onEdit={() => launch<VMOnly<EvictionStrategyModalProps>>(EvictionStrategyModal, { vm })}
        >
          {spec?.evictionStrategy ?? t('Cluster default')}
        </SettingItem>
        <SwitchSetting
          term={t('Descheduler')}
          label={t('Allow the descheduler to evict the VirtualMachine')}
          isChecked={isDeschedulerEnabled(vm)}
          onChange={(checked) => patchVM(vm, setDescheduler(checked))}
        />
      </DescriptionList>
    </>
  );
};

export default SchedulingSection;
