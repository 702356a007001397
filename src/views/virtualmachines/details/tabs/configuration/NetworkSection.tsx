import type { FC } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Flex, Label, Title } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useOverlay } from '@openshift-console/dynamic-plugin-sdk';
import ConfirmActionModal, {
  type ConfirmActionModalProps,
} from '../../../../../components/modals/ConfirmActionModal';
import type { VirtualMachine, VirtualMachineInstance } from '../../../../../models/types';
import {
  getNICRows,
  isHotpluggableNIC,
  removeNIC,
  unplugNIC,
  type NICRow,
} from '../../../../../utils/vmSpec/nics';
import NICModal, { type NICModalProps } from './NICModal';
import { patchVM } from './patchVM';

type NetworkSectionProps = {
  /** The VM whose network interfaces are listed. */
  vm: VirtualMachine;
  /** Its running instance (NICs it lacks are pending a restart). */
  vmi?: VirtualMachineInstance;
};

/** Configuration → Network: the NICs table with Add, Edit and Delete. */
const NetworkSection: FC<NetworkSectionProps> = ({ vm, vmi }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const launch = useOverlay();
  const rows = getNICRows(vm, vmi);
  const isMigratable = Boolean(
    vmi?.status?.conditions?.some((c) => c.type === 'LiveMigratable' && c.status === 'True'),
  );
  const openModal = (row?: NICRow) =>
    launch<Omit<NICModalProps, 'closeOverlay'>>(NICModal, {
      vm,
      isRunning: Boolean(vmi),
      isMigratable,
      nic: row && {
        name: row.name,
        model: row.model === 'e1000e' ? 'e1000e' : 'virtio',
        network:
          row.network.kind === 'multus'
            ? row.network
            : row.network.kind === 'pod'
              ? { kind: 'pod' }
              : { kind: 'multus', networkName: '' },
        macAddress: vm.spec?.template?.spec?.domain?.devices?.interfaces?.find(
          (i) => i.name === row.name,
        )?.macAddress,
      },
    });
  const remove = (row: NICRow) => {
    const { name } = row;
    const unplug =
      Boolean(vmi) && row.state === 'active' && row.type === 'bridge' && isHotpluggableNIC(row);
    launch<Omit<ConfirmActionModalProps, 'closeOverlay'>>(ConfirmActionModal, {
      title: t('Delete NIC?'),
      body: unplug
        ? t(
            'Unplug the network interface {{name}} from the running VirtualMachine? The guest loses it now; it leaves the VirtualMachine after the next live migration.',
            { name },
          )
        : t('Delete the network interface {{name}} from the VirtualMachine?', { name }),
      confirmLabel: t('Delete'),
      variant: 'danger',
      onConfirm: () => patchVM(vm, unplug ? unplugNIC(name) : removeNIC(name)),
    });
  };
  const stateLabel: Record<NICRow['state'], string | undefined> = {
    active: undefined,
    pendingRestart: t('Pending restart'),
    hotplugging: t('Hot plug pending migration'),
    unplugging: t('Unplugging'),
  };

  return (
    <>
      <Flex justifyContent={{ default: 'justifyContentSpaceBetween' }}>
        <Title headingLevel="h3">{t('Network interfaces')}</Title>
        <Button variant="secondary" onClick={() => openModal()}>
          {t('Add network interface')}
        </Button>
      </Flex>
      <Table aria-label={t('Network interfaces')} variant="compact">
        <Thead>
          <Tr>
            <Th>{t('Name')}</Th>
            <Th>{t('Model')}</Th>
            <Th>{t('Network')}</Th>
            <Th>{t('Type')}</Th>
            <Th>{t('MAC address')}</Th>
            <Th screenReaderText={t('Actions')} />
          </Tr>
        </Thead>
        <Tbody>
          {rows.length === 0 && (
            <Tr>
              <Td colSpan={6}>{t('No network interfaces')}</Td>
            </Tr>
          )}
          {rows.map((row) => (
            <Tr key={row.name}>
              <Td dataLabel={t('Name')}>
                {row.name}{' '}
                {stateLabel[row.state] && (
                  <Label isCompact color="orange">
                    {stateLabel[row.state]}
                  </Label>
                )}
              </Td>
              <Td dataLabel={t('Model')}>{row.model ?? '-'}</Td>
              <Td dataLabel={t('Network')}>
                {row.network.kind === 'pod'
                  ? t('Pod networking')
                  : row.network.kind === 'multus'
                    ? row.network.networkName
                    : '-'}
              </Td>
              <Td dataLabel={t('Type')}>{row.type}</Td>
              <Td dataLabel={t('MAC address')}>{row.macAddress ?? '-'}</Td>
              <Td isActionCell>
                <Flex spaceItems={{ default: 'spaceItemsSm' }} flexWrap={{ default: 'nowrap' }}>
                  <Button
                    variant="link"
                    isInline
                    aria-label={t('Edit {{name}}', { name: row.name })}
                    onClick={() => openModal(row)}
                  >
                    {t('Edit')}
                  </Button>
                  <Button
                    variant="link"
                    isInline
                    isDanger
                    isDisabled={row.state === 'unplugging'}
                    aria-label={t('Delete {{name}}', { name: row.name })}
                    onClick={() => remove(row)}
                  >
                    {t('Delete')}
                  </Button>
                </Flex>
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </>
  );
};

export default NetworkSection;
