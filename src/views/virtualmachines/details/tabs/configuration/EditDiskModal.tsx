import type { FC } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormGroup, FormSelect, FormSelectOption } from '@patternfly/react-core';
import FormModal from '../../../../../components/form/FormModal';
import type { VirtualMachine } from '../../../../../models/types';
import { editDisk, type DiskBus, type DiskDrive } from '../../../../../utils/vmSpec/disks';
import { patchVM } from './patchVM';

export type EditDiskModalProps = {
  /** Removes the modal (passed by `useOverlay`). */
  closeOverlay: () => void;
  /** The VM the disk belongs to. */
  vm: VirtualMachine;
  /** The disk's name. */
  name: string;
  /** Its current drive type. */
  drive: DiskDrive;
  /** Its current bus. */
  bus: DiskBus;
};

const BUSES: DiskBus[] = ['virtio', 'sata', 'scsi'];
const BUS_LABELS: Record<DiskBus, string> = { virtio: 'VirtIO', sata: 'SATA', scsi: 'SCSI' };

/** Changes a disk's type (disk / CD-ROM) and interface; its source and boot order stay. */
const EditDiskModal: FC<EditDiskModalProps> = ({ closeOverlay, vm, name, drive, bus }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const [nextDrive, setDrive] = useState<DiskDrive>(drive);
  const [nextBus, setBus] = useState<DiskBus>(bus);
  return (
    <FormModal
      closeOverlay={closeOverlay}
      title={t('Edit disk {{name}}', { name })}
      variant="small"
      isValid
      onSave={() => patchVM(vm, editDisk(name, nextDrive, nextBus))}
    >
      <FormGroup label={t('Type')} fieldId="edit-disk-drive">
        <FormSelect
          id="edit-disk-drive"
          value={nextDrive}
          onChange={(_e, value) => setDrive(value as DiskDrive)}
        >
          <FormSelectOption value="disk" label={t('Disk')} />
          <FormSelectOption value="cdrom" label={t('CD-ROM')} />
        </FormSelect>
      </FormGroup>
      <FormGroup label={t('Interface')} fieldId="edit-disk-bus">
        <FormSelect
          id="edit-disk-bus"
          value={nextBus}
          onChange={(_e, value) => setBus(value as DiskBus)}
        >
          {BUSES.map((b) => (
            <FormSelectOption key={b} value={b} label={BUS_LABELS[b]} />
          ))}
        </FormSelect>
      </FormGroup>
    </FormModal>
  );
};

export default EditDiskModal;
