import type { FC } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Card,
  CardBody,
  CardTitle,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
} from '@patternfly/react-core';
import { PrometheusEndpoint, usePrometheusPoll } from '@openshift-console/dynamic-plugin-sdk';
import type { VirtualMachine } from '../../../../../models/types';
import { buildVMQueries, getVectorValue } from '../../../../../utils/promql';
import {
  formatBytes,
  formatBytesPerSecond,
  formatNumber,
} from '../../../../../utils/quantityFormat';

const POLL_MS = 30_000;

const useCurrent = (query: string) =>
  getVectorValue(
    usePrometheusPoll({ endpoint: PrometheusEndpoint.QUERY, query, delay: POLL_MS })[0],
  );

/** CPU, memory, storage and network in use now; "–" without metrics (the Metrics tab has charts). */
const UtilizationCard: FC<{ vm: VirtualMachine }> = ({ vm }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const q = buildVMQueries({
    name: vm.metadata?.name ?? '',
    namespace: vm.metadata?.namespace ?? '',
  });
  const cpu = useCurrent(q.cpuUsage);
  const memory = useCurrent(q.memoryUsed);
  const storageRead = useCurrent(q.storageRead);
  const storageWrite = useCurrent(q.storageWrite);
  const network = useCurrent(q.networkTotal);
  const figures: [string, string | undefined][] = [
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
        <DescriptionList isHorizontal isCompact>
          {figures.map(([term, value]) => (
            <DescriptionListGroup key={term}>
              <DescriptionListTerm>{term}</DescriptionListTerm>
              <DescriptionListDescription>{value ?? '–'}</DescriptionListDescription>
            </DescriptionListGroup>
          ))}
        </DescriptionList>
      </CardBody>
    </Card>
  );
};

export default UtilizationCard;
