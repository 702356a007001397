import { useMemo, type FC } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Flex, Label, Title } from '@patternfly/react-core';

const BUSES: readonly string[] = ['virtio', 'sata', 'scsi'];
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useK8sWatchResource, useOverlay } from '@openshift-console/dynamic-plugin-sdk';
import ConfirmActionModal, {
  type ConfirmActionModalProps,
} from '../../../../../components/modals/ConfirmActionModal';
import { DataVolumeModel, PersistentVolumeClaimModel } from '../../../../../models';
import { modelToGroupVersionKind } from '../../../../../models/modelUtils';
import type { VirtualMachine, VirtualMachineInstance } from '../../../../../models/types';
import { removeDisk, type DiskBus } from '../../../../../utils/vmSpec/disks';
import {
  getStorageDiskRowsOnly,
  needsStorageObjects,
  persistHotplugDisk,
  withClaimSize,
  type ClaimLike,
  type DataVolumeSizeLike,
  type StorageDiskRow,
} from '../../../../../utils/vmSpec/hotplugDisks';
import AddDiskModal, { type AddDiskModalProps } from './AddDiskModal';
import EditDiskModal, { type EditDiskModalProps } from './EditDiskModal';
import { unplugDisk, unplugVMIDisk } from './hotplugDisk';
import { patchVM } from './patchVM';

const PVC_GVK = modelToGroupVersionKind(PersistentVolumeClaimModel);
const DV_GVK = modelToGroupVersionKind(DataVolumeModel);

type StorageSectionProps = {
  /** The VM whose disks are listed. */
  vm: VirtualMachine;
  /** Its running instance (disks it lacks are pending a restart). */
  vmi?: VirtualMachineInstance;
};

/** Configuration → Storage: the disks table, Add disk, Detach and Make persistent. */
const StorageSection: FC<StorageSectionProps> = ({ vm, vmi }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const launch = useOverlay();
  const specRows = useMemo(() => getStorageDiskRowsOnly(vm, vmi), [vm, vmi]);
  // Sizes the VM's DataVolume templates do not tell (hot-plugged disks, PVCs made elsewhere)
  // come from the PVCs and DataVolumes of the namespace, watched only when some row needs them.
  const watchObjects = needsStorageObjects(specRows);
  const namespace = vm.metadata?.namespace;
  const [claims] = useK8sWatchResource<ClaimLike[]>(
    watchObjects ? { groupVersionKind: PVC_GVK, isList: true, namespace } : null,
  );
  const [dataVolumes] = useK8sWatchResource<DataVolumeSizeLike[]>(
    watchObjects ? { groupVersionKind: DV_GVK, isList: true, namespace } : null,
  );
  const rows = useMemo(
    () => specRows.map((row) => withClaimSize(row, { claims, dataVolumes })),
    [specRows, claims, dataVolumes],
  );
  const drive = (row: StorageDiskRow) =>
    row.drive === 'cdrom' ? t('CD-ROM') : row.drive === 'lun' ? t('LUN') : t('Disk');
  const detach = ({ name, hotplug, persistent }: StorageDiskRow) =>
    launch<Omit<ConfirmActionModalProps, 'closeOverlay'>>(ConfirmActionModal, {
      title: t('Detach disk?'),
      body: t('Detach the disk {{name}} from the VirtualMachine? Its volume is not deleted.', {
        name,
      }),
      confirmLabel: t('Detach'),
      variant: 'danger',
      // A hot-plugged disk of a running VM is unplugged now (from the instance alone when the VM
      // spec never had it); others leave the spec.
      onConfirm: () =>
        !persistent
          ? unplugVMIDisk(vm, name)
          : hotplug && vmi
            ? unplugDisk(vm, name)
            : patchVM(vm, removeDisk(name)),
    });
  const makePersistent = ({ name }: StorageDiskRow) =>
    launch<Omit<ConfirmActionModalProps, 'closeOverlay'>>(ConfirmActionModal, {
      title: t('Make disk persistent?'),
      body: t(
        'The disk {{name}} is hot plugged into the running VirtualMachine only and is detached when it restarts. Add it to the VirtualMachine configuration so that it stays attached?',
        { name },
      ),
      confirmLabel: t('Make persistent'),
      onConfirm: () => (vmi ? patchVM(vm, persistHotplugDisk(vmi, name)) : Promise.resolve()),
    });

  return (
    <>
      <Flex justifyContent={{ default: 'justifyContentSpaceBetween' }}>
        <Title headingLevel="h3">{t('Disks')}</Title>
        <Button
          variant="secondary"
          onClick={() =>
            launch<Omit<AddDiskModalProps, 'closeOverlay'>>(AddDiskModal, {
              vm,
              isRunning: Boolean(vmi),
            })
          }
        >
          {t('Add disk')}
        </Button>
      </Flex>
      <Table aria-label={t('Disks')} variant="compact">
        <Thead>
          <Tr>
            <Th>{t('Name')}</Th>
            <Th>{t('Source')}</Th>
            <Th>{t('Size')}</Th>
            <Th>{t('Drive')}</Th>
            <Th>{t('Interface')}</Th>
            <Th>{t('Storage class')}</Th>
            <Th screenReaderText={t('Actions')} />
          </Tr>
        </Thead>
        <Tbody>
          {rows.length === 0 && (
            <Tr>
              <Td colSpan={7}>{t('No disks')}</Td>
            </Tr>
          )}
          {rows.map((row) => (
            <Tr key={row.name}>
              <Td dataLabel={t('Name')}>
                {row.name}{' '}
                {row.pending && (
                  <Label isCompact color="orange">
                    {t('Pending restart')}
                  </Label>
                )}
                {row.hotplug && <Label isCompact>{t('Hot plugged')}</Label>}{' '}
                {!row.persistent && (
                  <Label isCompact color="yellow">
                    {t('Not persistent')}
                  </Label>
                )}
              </Td>
              <Td dataLabel={t('Source')}>{row.source || '-'}</Td>
              <Td dataLabel={t('Size')}>{row.size ?? '-'}</Td>
              <Td dataLabel={t('Drive')}>{drive(row)}</Td>
              <Td dataLabel={t('Interface')}>{row.bus ?? '-'}</Td>
              <Td dataLabel={t('Storage class')}>{row.storageClass ?? '-'}</Td>
              <Td isActionCell>
                <Flex spaceItems={{ default: 'spaceItemsSm' }} flexWrap={{ default: 'nowrap' }}>
                  {row.drive !== 'lun' && !row.hotplug && (
                    <Button
                      variant="link"
                      isInline
                      aria-label={t('Edit {{name}}', { name: row.name })}
                      onClick={() =>
                        launch<Omit<EditDiskModalProps, 'closeOverlay'>>(EditDiskModal, {
                          vm,
                          name: row.name,
                          drive: row.drive === 'cdrom' ? 'cdrom' : 'disk',
                          bus: (BUSES.includes(row.bus ?? '') ? row.bus : 'virtio') as DiskBus,
                        })
                      }
                    >
                      {t('Edit')}
                    </Button>
                  )}
                  {!row.persistent && (
                    <Button
                      variant="link"
                      isInline
                      aria-label={t('Make {{name}} persistent', { name: row.name })}
                      onClick={() => makePersistent(row)}
                    >
                      {t('Make persistent')}
                    </Button>
                  )}
                  <Button
                    variant="link"
                    isInline
                    isDanger
                    aria-label={t('Detach {{name}}', { name: row.name })}
                    onClick={() => detach(row)}
                  >
                    {t('Detach')}
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

export default StorageSection;
