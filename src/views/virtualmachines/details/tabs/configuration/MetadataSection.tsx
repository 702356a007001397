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
  Title,
} from '@patternfly/react-core';
import { PencilAltIcon } from '@patternfly/react-icons';
import { useOverlay } from '@openshift-console/dynamic-plugin-sdk';
import KeyValueModal, {
  type KeyValueModalProps,
} from '../../../../../components/modals/KeyValueModal';
import type { VirtualMachine } from '../../../../../models/types';
import { setAnnotations, setLabels } from '../../../../../utils/vmPatch';
import { patchVM } from './patchVM';

/** The two metadata maps, in display order. */
const METADATA_KINDS = ['labels', 'annotations'] as const;

type MetadataSectionProps = {
  /** The VM whose labels and annotations are shown and edited. */
  vm: VirtualMachine;
};

/** Configuration → Metadata: the VM's labels and annotations, edited as precise patches. */
const MetadataSection: FC<MetadataSectionProps> = ({ vm }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const launch = useOverlay();
  const edit = (kind: 'labels' | 'annotations') =>
    launch<Omit<KeyValueModalProps, 'closeOverlay'>>(KeyValueModal, {
      title: kind === 'labels' ? t('Edit labels') : t('Edit annotations'),
      kind,
      initial: kind === 'labels' ? vm.metadata?.labels : vm.metadata?.annotations,
      onSave: (map) => patchVM(vm, kind === 'labels' ? setLabels(map) : setAnnotations(map)),
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
    <>
      <Title headingLevel="h3">{t('Metadata')}</Title>
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
    </>
  );
};

export default MetadataSection;
