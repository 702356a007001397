import type { FC } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Card,
  CardBody,
  CardTitle,
  ClipboardCopy,
  Grid,
  GridItem,
  PageSection,
  Stack,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { ResourceLink, Timestamp } from '@openshift-console/dynamic-plugin-sdk';
import { NodeModel } from '../../../../../models';
import { modelToGroupVersionKind } from '../../../../../models/modelUtils';
import { getVMStatus } from '../../../../../utils/vmStatus';
import {
  getDescription,
  getInstanceTypeName,
  getIPAddresses,
  getMemory,
  getNodeName,
  getOperatingSystem,
  getRunStrategy,
  getTemplateName,
  getVCPUs,
  getVirtctlSSHCommand,
} from '../../../../../utils/vmFields';
import { isMigrationFinished } from '../../../../../utils/vmMigration';
import VirtualMachineStatus from '../../../VirtualMachineStatus';
import AlertsCard from './AlertsCard';
import ConsolePreviewCard from './ConsolePreviewCard';
import FigureList, { type Figure } from './FigureList';
import GuestAgentCards from './GuestAgentCards';
import HardwareDevicesCard from './HardwareDevicesCard';
import MigrationProgressCard from './MigrationProgressCard';
import SnapshotsCard from './SnapshotsCard';
import UtilizationCard from './UtilizationCard';
import type { VMTabProps } from '../tabProps';

const NODE_GVK = modelToGroupVersionKind(NodeModel);
const NONE = '–';
/** The volume type's name, as KubeVirt and cloud-init spell it. */
const CLOUD_INIT = 'cloud-init';

/**
 * The VM at a glance: details, a screen preview, live migration progress, utilization, alerts,
 * network interfaces, disks, the guest agent's file systems and users, hardware devices and
 * snapshots.
 */
const OverviewTab: FC<VMTabProps> = ({ obj: vm, customData: { vmi, migration } }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const node = getNodeName(vmi);
  const ips = getIPAddresses(vmi);
  const vcpus = getVCPUs(vm, vmi);
  const memory = getMemory(vm, vmi);
  const liveNICs = vmi?.status?.interfaces ?? [];
  const spec = vm.spec?.template?.spec;

  const fields: Figure[] = [
    [t('Name'), vm.metadata?.name],
    [t('Namespace'), vm.metadata?.namespace],
    [t('Status'), <VirtualMachineStatus key="status" status={getVMStatus(vm)} />],
    [t('Created'), <Timestamp key="created" timestamp={vm.metadata?.creationTimestamp} />],
    [t('Description'), getDescription(vm) ?? NONE],
    [t('Operating system'), getOperatingSystem(vm, vmi) ?? NONE],
    [t('Template'), getTemplateName(vm) ?? NONE],
    [t('InstanceType'), getInstanceTypeName(vm) ?? NONE],
    [
      t('CPU | Memory'),
      `${vcpus === undefined ? NONE : t('{{count}} vCPU', { count: vcpus })} | ${memory ?? NONE}`,
    ],
    [t('Run strategy'), getRunStrategy(vm)],
    [t('Node'), node ? <ResourceLink key="node" groupVersionKind={NODE_GVK} name={node} /> : NONE],
    [
      t('IP addresses'),
      ips.length
        ? ips.map((ip) => (
            <ClipboardCopy
              key={ip}
              isReadOnly
              hoverTip={t('Copy')}
              clickTip={t('Copied')}
              variant="inline-compact"
            >
              {ip}
            </ClipboardCopy>
          ))
        : NONE,
    ],
    [
      t('SSH using virtctl'),
      <ClipboardCopy key="ssh" isReadOnly hoverTip={t('Copy')} clickTip={t('Copied')}>
        {getVirtctlSSHCommand(vm)}
      </ClipboardCopy>,
    ],
  ];

  return (
    <PageSection>
      <Grid hasGutter>
        <GridItem md={6}>
          {/* Stacks, not margins: a Stack fills its grid cell, so anything after one would overflow. */}
          <Stack hasGutter>
            <Card>
              <CardTitle component="h2">{t('Details')}</CardTitle>
              <CardBody>
                <FigureList figures={fields} />
              </CardBody>
            </Card>
            <ConsolePreviewCard vm={vm} vmi={vmi} />
          </Stack>
        </GridItem>
        <GridItem md={6}>
          <Stack hasGutter>
            {migration && !isMigrationFinished(migration) && (
              <MigrationProgressCard vm={vm} vmi={vmi} migration={migration} />
            )}
            <UtilizationCard vm={vm} />
            <AlertsCard vm={vm} />
            <Card>
              <CardTitle component="h2">{t('Network interfaces')}</CardTitle>
              <CardBody>
                <Table aria-label={t('Network interfaces')} variant="compact">
                  <Thead>
                    <Tr>
                      <Th>{t('Name')}</Th>
                      <Th>{t('Network')}</Th>
                      <Th>{t('IP addresses')}</Th>
                      <Th>{t('MAC address')}</Th>
                    </Tr>
                  </Thead>
                  <Tbody>
                    {(spec?.domain?.devices?.interfaces ?? []).map((nic) => {
                      const live = liveNICs.find((l) => l.name === nic.name);
                      const network = spec?.networks?.find((n) => n.name === nic.name);
                      return (
                        <Tr key={nic.name}>
                          <Td dataLabel={t('Name')}>{nic.name}</Td>
                          <Td dataLabel={t('Network')}>
                            {network?.multus?.networkName ??
                              (network?.pod ? t('Pod networking') : NONE)}
                          </Td>
                          <Td dataLabel={t('IP addresses')}>
                            {(live?.ipAddresses ?? (live?.ipAddress ? [live.ipAddress] : [])).join(
                              ', ',
                            ) || NONE}
                          </Td>
                          <Td dataLabel={t('MAC address')}>
                            {live?.mac ?? nic.macAddress ?? NONE}
                          </Td>
                        </Tr>
                      );
                    })}
                    {!spec?.domain?.devices?.interfaces?.length && (
                      <Tr>
                        <Td colSpan={4}>{t('No network interfaces')}</Td>
                      </Tr>
                    )}
                  </Tbody>
                </Table>
              </CardBody>
            </Card>
            <Card>
              <CardTitle component="h2">{t('Disks')}</CardTitle>
              <CardBody>
                <Table aria-label={t('Disks')} variant="compact">
                  <Thead>
                    <Tr>
                      <Th>{t('Name')}</Th>
                      <Th>{t('Drive')}</Th>
                      <Th>{t('Source')}</Th>
                    </Tr>
                  </Thead>
                  <Tbody>
                    {(spec?.domain?.devices?.disks ?? []).map((disk) => {
                      const volume = spec?.volumes?.find((v) => v.name === disk.name);
                      const source =
                        volume?.dataVolume?.name ??
                        volume?.persistentVolumeClaim?.claimName ??
                        volume?.containerDisk?.image ??
                        (volume?.cloudInitNoCloud || volume?.cloudInitConfigDrive
                          ? CLOUD_INIT
                          : NONE);
                      return (
                        <Tr key={disk.name}>
                          <Td dataLabel={t('Name')}>{disk.name}</Td>
                          <Td dataLabel={t('Drive')}>{disk.cdrom ? t('CD-ROM') : t('Disk')}</Td>
                          <Td dataLabel={t('Source')}>{source}</Td>
                        </Tr>
                      );
                    })}
                    {!spec?.domain?.devices?.disks?.length && (
                      <Tr>
                        <Td colSpan={3}>{t('No disks')}</Td>
                      </Tr>
                    )}
                  </Tbody>
                </Table>
              </CardBody>
            </Card>
          </Stack>
        </GridItem>
        <GridItem md={12}>
          <Grid hasGutter md={6}>
            <GuestAgentCards vmi={vmi} />
            <HardwareDevicesCard vm={vm} />
            <SnapshotsCard vm={vm} vmi={vmi} />
          </Grid>
        </GridItem>
      </Grid>
    </PageSection>
  );
};

export default OverviewTab;
