import type { FC } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Label,
  LabelGroup,
  PageSection,
  Title,
} from '@patternfly/react-core';
import { PencilAltIcon } from '@patternfly/react-icons';
import { k8sPatch, useOverlay } from '@openshift-console/dynamic-plugin-sdk';
import KeyValueModal, {
  type KeyValueModalProps,
} from '../../../../../components/modals/KeyValueModal';
import { VirtualMachineModel } from '../../../../../models';
import { buildPatch, setAnnotations, setLabels } from '../../../../../utils/vmPatch';
import type { VMTabProps } from '../tabProps';

/**
 * Configuration: the VM's metadata, edited as precise patches. The other sub-tabs (details,
 * storage, network, scheduling, SSH, initial run) are not built yet; their spec recipes are in
 * src/utils/vmSpec.
 */
/** The two metadata maps, in display order. */
const METADATA_KINDS = ['labels', 'annotations'] as const;

const ConfigurationTab: FC<VMTabProps> = ({ obj: vm }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const launch = useOverlay();
  const edit = (kind: 'labels' | 'annotations') =>
    launch<Omit<KeyValueModalProps, 'closeOverlay'>>(KeyValueModal, {
      title: kind === 'labels' ? t('Edit labels') : t('Edit annotations'),
      kind,
      initial: kind === 'labels' ? vm.metadata?.labels : vm.metadata?.annotations,
      onSave: (map) =>
        k8sPatch({
          model: VirtualMachineModel,
          resource: vm,
          data: buildPatch(vm, kind === 'labels' ? setLabels(map) : setAnnotations(map)),
        }),
    });
  const map = (m: Record<string, string> | undefined) =>
    Object.keys(m ?? {}).length ? (
      <LabelGroup numLabels={20}>
        {Object.entries(m ?? {}).map(([k, v]) => (
          <Label key={k} isCompact>
            {v ? `${k}=${v}` : k}
          </Label>
        ))}
      </LabelGroup>
    ) : (
      t('None')
    );

  return (
    <PageSection>
      <Title headingLevel="h2">{t('Metadata')}</Title>
      <DescriptionList className="pf-v6-u-mt-md">
        {METADATA_KINDS.map((kind) => (
          <DescriptionListGroup key={kind}>
            <DescriptionListTerm>
              {kind === 'labels' ? t('Labels') : t('Annotations')}{' '}
              <Button
                variant="plain"
                icon={<PencilAltIcon />}
                aria-label={kind === 'labels' ? t('Edit labels') : t('Edit annotations')}
                onClick={() => edit(kind)}
              />
            </DescriptionListTerm>
            <DescriptionListDescription>
              {map(kind === 'labels' ? vm.metadata?.labels : vm.metadata?.annotations)}
            </DescriptionListDescription>
          </DescriptionListGroup>
        ))}
      </DescriptionList>
    </PageSection>
  );
};

export default ConfigurationTab;
