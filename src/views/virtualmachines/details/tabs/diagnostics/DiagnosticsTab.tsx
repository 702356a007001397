import type { FC } from 'react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PageSection, Title } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { getConditionRows } from '../../../../../utils/vmConditions';
import type { VMTabProps } from '../tabProps';
import ConditionsSection from './ConditionsSection';
import DataVolumesSection from './DataVolumesSection';
import GuestSystemLogSection from './GuestSystemLogSection';

/**
 * Status conditions of the VM and its instance, its DataVolumes, the volume snapshot status, and
 * the guest system log.
 */
const DiagnosticsTab: FC<VMTabProps> = ({ obj, customData }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const conditions = useMemo(() => getConditionRows(obj, customData.vmi), [obj, customData.vmi]);
  const volumes = obj.status?.volumeSnapshotStatuses ?? [];

  return (
    <PageSection>
      <ConditionsSection rows={conditions} />
      <DataVolumesSection vm={obj} />
      <Title headingLevel="h2" className="pf-v6-u-mt-lg">
        {t('Volume snapshot status')}
      </Title>
      <Table aria-label={t('Volume snapshot status')} variant="compact">
        <Thead>
          <Tr>
            <Th>{t('Volume')}</Th>
            <Th>{t('Snapshot enabled')}</Th>
            <Th>{t('Reason')}</Th>
          </Tr>
        </Thead>
        <Tbody>
          {volumes.map((v) => (
            <Tr key={v.name}>
              <Td dataLabel={t('Volume')}>{v.name}</Td>
              <Td dataLabel={t('Snapshot enabled')}>{v.enabled ? t('Yes') : t('No')}</Td>
              <Td dataLabel={t('Reason')}>{v.reason ?? '–'}</Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      <GuestSystemLogSection vm={obj} vmi={customData.vmi} />
    </PageSection>
  );
};

export default DiagnosticsTab;
