import type { FC } from 'react';
import { useTranslation } from 'react-i18next';
import { Card, CardBody, CardTitle } from '@patternfly/react-core';
import type { VirtualMachine } from '../../../../../models/types';
import { buildVMQueries } from '../../../../../utils/promql';
import {
  formatBytes,
  formatBytesPerSecond,
  formatNumber,
} from '../../../../../utils/quantityFormat';
import FigureList, { type Figure } from './FigureList';
import { usePrometheusValue } from './usePrometheusValue';

const POLL_MS = 30_000;

/** CPU, memory, storage and network in use now; "–" without metrics (the Metrics tab has charts). */
const UtilizationCard: FC<{ vm: VirtualMachine }> = ({ vm }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const namespace = vm.metadata?.namespace ?? '';
  const q = buildVMQueries({ name: vm.metadata?.name ?? '', namespace });
  const cpu = usePrometheusValue(q.cpuUsage, POLL_MS, namespace);
  const memory = usePrometheusValue(q.memoryUsed, POLL_MS, namespace);
  const storageRead = usePrometheusValue(q.storageRead, POLL_MS, namespace);
  const storageWrite = usePrometheusValue(q.storageWrite, POLL_MS, namespace);
  const network = usePrometheusValue(q.networkTotal, POLL_MS, namespace);
  const figures: Figure[] = [
    [t('CPU (cores)'), formatNumber(cpu, 3)],
    [t('Memory'), formatBytes(memory)],
    [
      t('Storage (read / write)'),
      storageRead === undefined && storageWrite === undefined
        ? undefined
        : `${formatBytesPerSecond(storageRead) ?? '–'} / ${formatBytesPerSecond(storageWrite) ?? '–'}`,
    ],
    [t('Network transfer'), formatBytesPerSecond(network)],
  ];
  return (
    <Card>
      <CardTitle component="h2">{t('Utilization')}</CardTitle>
      <CardBody>
        <FigureList figures={figures} />
      </CardBody>
    </Card>
  );
};

export default UtilizationCard;
