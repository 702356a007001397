import type { FC } from 'react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  Timestamp,
  useAccessReview,
  useK8sWatchResource,
  useOverlay,
} from '@openshift-console/dynamic-plugin-sdk';
import { Button, Card, CardBody, CardHeader, CardTitle, Content } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { VirtualMachineSnapshotModel } from '../../../../../models';
import { modelToGroupVersionKind } from '../../../../../models/modelUtils';
import type {
  VirtualMachine,
  VirtualMachineInstance,
  VirtualMachineSnapshot,
} from '../../../../../models/types';
import { vmDetailsPath } from '../../../../../utils/clone';
import { getErrorMessage } from '../../../../../utils/errors';
import { summarizeSnapshots } from '../../../../../utils/snapshotSummary';
import { getSnapshotState } from '../../../../../utils/snapshots';
import TakeSnapshotModal from '../../../actions/modals/TakeSnapshotModal';

const SNAPSHOT_GVK = modelToGroupVersionKind(VirtualMachineSnapshotModel);
const LATEST = 3;

/** How many snapshots the VM has, the newest three, Take snapshot and a link to the Snapshots tab. */
const SnapshotsCard: FC<{ vm: VirtualMachine; vmi?: VirtualMachineInstance }> = ({ vm, vmi }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const cardId = useId();
  const launch = useOverlay();
  const namespace = vm.metadata?.namespace ?? '';
  const name = vm.metadata?.name ?? '';
  const [snapshots, loaded, loadError] = useK8sWatchResource<VirtualMachineSnapshot[]>({
    groupVersionKind: SNAPSHOT_GVK,
    isList: true,
    namespace,
    namespaced: true,
  });
  const [canCreate] = useAccessReview({
    group: VirtualMachineSnapshotModel.apiGroup,
    resource: VirtualMachineSnapshotModel.plural,
    verb: 'create',
    namespace,
  });
  const { count, latest } = summarizeSnapshots(snapshots, name, LATEST);

  let body;
  if (loadError) body = <Content component="p">{getErrorMessage(loadError)}</Content>;
  else if (!loaded) body = <Content component="p">{t('Loading')}</Content>;
  else if (count === 0) body = <Content component="p">{t('No snapshots found')}</Content>;
  else
    body = (
      <>
        <Content component="p">{t('{{count}} snapshot', { count })}</Content>
        <Table aria-label={t('Latest snapshots')} variant="compact">
          <Thead>
            <Tr>
              <Th>{t('Name')}</Th>
              <Th>{t('Status')}</Th>
              <Th>{t('Created')}</Th>
            </Tr>
          </Thead>
          <Tbody>
            {latest.map((s) => (
              <Tr key={s.metadata?.name}>
                <Td dataLabel={t('Name')}>{s.metadata?.name}</Td>
                <Td dataLabel={t('Status')}>{getSnapshotState(s).phase}</Td>
                <Td dataLabel={t('Created')}>
                  <Timestamp timestamp={s.metadata?.creationTimestamp ?? ''} />
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      </>
    );

  return (
    <Card id={cardId} component="section" aria-labelledby={`${cardId}-title`}>
      <CardHeader
        actions={{
          hasNoOffset: true,
          actions: (
            <Button
              variant="secondary"
              size="sm"
              isAriaDisabled={!canCreate || !!vm.status?.snapshotInProgress}
              onClick={() => launch(TakeSnapshotModal, { vm, vmi })}
            >
              {t('Take snapshot')}
            </Button>
          ),
        }}
      >
        <CardTitle component="h2">{t('Snapshots')}</CardTitle>
      </CardHeader>
      <CardBody>
        {body}
        <Link to={`${vmDetailsPath(namespace, name)}/snapshots`}>{t('View all snapshots')}</Link>
      </CardBody>
    </Card>
  );
};

export default SnapshotsCard;
