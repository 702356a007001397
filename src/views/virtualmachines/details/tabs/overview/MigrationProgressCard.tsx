import type { FC } from 'react';
import { useTranslation } from 'react-i18next';
import { Card, CardBody, CardTitle, Progress } from '@patternfly/react-core';
import type {
  VirtualMachine,
  VirtualMachineInstance,
  VirtualMachineInstanceMigration,
} from '../../../../../models/types';
import { buildVMQueries } from '../../../../../utils/promql';
import { formatBytes, formatBytesPerSecond, toPercent } from '../../../../../utils/quantityFormat';
import FigureList, { type Figure } from './FigureList';
import { usePrometheusValue } from './usePrometheusValue';

const POLL_MS = 5_000;

type MigrationProgressCardProps = {
  vm: VirtualMachine;
  vmi?: VirtualMachineInstance;
  migration: VirtualMachineInstanceMigration;
};

/**
 * A running live migration: phase, source and target node, and data processed / remaining with
 * the transfer rate (KubeVirt publishes the amounts as metrics, not in the API objects).
 */
const MigrationProgressCard: FC<MigrationProgressCardProps> = ({ vm, vmi, migration }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const namespace = vm.metadata?.namespace ?? '';
  const q = buildVMQueries({ name: vm.metadata?.name ?? '', namespace });
  const processed = usePrometheusValue(q.migrationProcessed, POLL_MS, namespace);
  const remaining = usePrometheusValue(q.migrationRemaining, POLL_MS, namespace);
  const rate = usePrometheusValue(q.migrationTransferRate, POLL_MS, namespace);
  const percent =
    processed === undefined || remaining === undefined
      ? undefined
      : toPercent(processed, processed + remaining);
  const state = vmi?.status?.migrationState;
  const rows: Figure[] = [
    [t('Phase'), migration.status?.phase ?? t('Pending')],
    [t('Source node'), state?.sourceNode ?? vmi?.status?.nodeName],
    [t('Target node'), state?.targetNode],
    [t('Data processed'), formatBytes(processed)],
    [t('Data remaining'), formatBytes(remaining)],
    [t('Memory transfer rate'), formatBytesPerSecond(rate)],
  ];
  return (
    <Card>
      <CardTitle component="h2">{t('Live migration')}</CardTitle>
      <CardBody>
        <Progress
          value={percent ?? 0}
          title={t('Migration progress')}
          measureLocation={percent === undefined ? 'none' : 'outside'}
          aria-label={t('Migration progress')}
        />
        <FigureList figures={rows} className="pf-v6-u-mt-md" />
      </CardBody>
    </Card>
  );
};

export default MigrationProgressCard;
