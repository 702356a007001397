import type { FC } from 'react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Progress, Title } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { ResourceLink, useK8sWatchResource } from '@openshift-console/dynamic-plugin-sdk';
import { DataVolumeModel } from '../../../../../models';
import { modelToGroupVersionKind } from '../../../../../models/modelUtils';
import type { VirtualMachine } from '../../../../../models/types';
import {
  dataVolumeRow,
  vmDataVolumeNames,
  type DataVolumeLike,
} from '../../../../../utils/vmDataVolumes';

const DV_GVK = modelToGroupVersionKind(DataVolumeModel);

/**
 * The VM's DataVolumes: CDI's phase, the import, upload or clone progress, and why one is not
 * ready. One list watch of the namespace's DataVolumes (a VM has few; no watch per volume).
 */
const DataVolumesSection: FC<{ vm: VirtualMachine }> = ({ vm }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const names = useMemo(() => vmDataVolumeNames(vm), [vm]);
  const [dataVolumes] = useK8sWatchResource<(DataVolumeLike & { metadata: { name: string } })[]>(
    names.length
      ? { groupVersionKind: DV_GVK, isList: true, namespace: vm.metadata?.namespace }
      : null,
  );
  const rows = useMemo(
    () =>
      names.map((name) =>
        dataVolumeRow(
          name,
          (dataVolumes ?? []).find((dv) => dv.metadata?.name === name),
        ),
      ),
    [names, dataVolumes],
  );

  return (
    <>
      <Title headingLevel="h2" className="pf-v6-u-mt-lg">
        {t('DataVolume status')}
      </Title>
      <Table aria-label={t('DataVolume status')} variant="compact">
        <Thead>
          <Tr>
            <Th>{t('Name')}</Th>
            <Th>{t('Phase')}</Th>
            <Th width={25}>{t('Progress')}</Th>
            <Th>{t('Restarts')}</Th>
            <Th>{t('Message')}</Th>
          </Tr>
        </Thead>
        <Tbody>
          {rows.map((row) => (
            <Tr key={row.name}>
              <Td dataLabel={t('Name')}>
                <ResourceLink
                  groupVersionKind={DV_GVK}
                  name={row.name}
                  namespace={vm.metadata?.namespace}
                />
              </Td>
              <Td dataLabel={t('Phase')}>{row.phase ?? t('Not created yet')}</Td>
              <Td dataLabel={t('Progress')}>
                {row.progress === undefined ? (
                  '–'
                ) : (
                  <Progress
                    value={row.progress}
                    size="sm"
                    aria-label={t('Progress of {{name}}', { name: row.name })}
                    measureLocation="outside"
                  />
                )}
              </Td>
              <Td dataLabel={t('Restarts')}>{row.restarts}</Td>
              <Td dataLabel={t('Message')}>{row.message ?? '–'}</Td>
            </Tr>
          ))}
          {rows.length === 0 && (
            <Tr>
              <Td colSpan={5}>{t('This VirtualMachine uses no DataVolumes.')}</Td>
            </Tr>
          )}
        </Tbody>
      </Table>
    </>
  );
};

export default DataVolumesSection;
