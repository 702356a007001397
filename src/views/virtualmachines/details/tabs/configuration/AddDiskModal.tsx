import type { FC } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  Checkbox,
  FormGroup,
  FormSelect,
  FormSelectOption,
  Grid,
  GridItem,
  TextInput,
} from '@patternfly/react-core';
import { useK8sWatchResource, type K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import FieldError from '../../../../../components/form/FieldError';
import FormModal from '../../../../../components/form/FormModal';
import { PersistentVolumeClaimModel, StorageClassModel } from '../../../../../models';
import { modelToGroupVersionKind } from '../../../../../models/modelUtils';
import type { VirtualMachine } from '../../../../../models/types';
import {
  addDisk,
  type DiskBus,
  type DiskDrive,
  type DiskForm,
} from '../../../../../utils/vmSpec/disks';
import { validateDiskForm } from '../../../../../utils/vmSpec/forms';
import { hotplugDisk } from './hotplugDisk';
import { patchVM } from './patchVM';
import { useIssueMessage } from './useIssueMessage';

export type AddDiskModalProps = {
  /** Removes the modal (passed by `useOverlay`). */
  closeOverlay: () => void;
  /** The VM the disk is added to. */
  vm: VirtualMachine;
  /** Whether the VM runs: the disk then waits for a restart. */
  isRunning: boolean;
};

const SC_GVK = modelToGroupVersionKind(StorageClassModel);
const PVC_GVK = modelToGroupVersionKind(PersistentVolumeClaimModel);
const BUSES: DiskBus[] = ['virtio', 'sata', 'scsi'];
const BUS_LABELS: Record<DiskBus, string> = { virtio: 'VirtIO', sata: 'SATA', scsi: 'SCSI' };
type Field = 'name' | 'size' | 'pvcName';

/** Adds a blank disk (a new DataVolume template) or an existing PVC to the VM's spec. */
const AddDiskModal: FC<AddDiskModalProps> = ({ closeOverlay, vm, isRunning }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const issueMessage = useIssueMessage();
  const namespace = vm.metadata?.namespace;
  const [classes] = useK8sWatchResource<K8sResourceCommon[]>({
    groupVersionKind: SC_GVK,
    isList: true,
  });
  const [claims] = useK8sWatchResource<K8sResourceCommon[]>({
    groupVersionKind: PVC_GVK,
    isList: true,
    namespace,
  });
  const count = (vm.spec?.template?.spec?.domain?.devices?.disks ?? []).length;
  const [form, setForm] = useState<DiskForm>({
    name: `disk-${count}`,
    source: 'blank',
    size: '10Gi',
    drive: 'disk',
    bus: 'virtio',
    storageClass: '',
  });
  const [touched, setTouched] = useState<Partial<Record<Field, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const [hotplug, setHotplug] = useState(false);
  const issues = validateDiskForm(vm, form);
  const error = (field: Field) =>
    submitted || touched[field] ? issueMessage(issues[field]) : undefined;
  const set = (patch: Partial<DiskForm>, field?: Field) => {
    setForm((current) => ({ ...current, ...patch }));
    if (field) setTouched((current) => ({ ...current, [field]: true }));
  };
  const claimNames = (claims ?? []).map((c) => c.metadata?.name ?? '').filter(Boolean);
  const classNames = (classes ?? []).map((c) => c.metadata?.name ?? '').filter(Boolean);

  return (
    <FormModal
      closeOverlay={closeOverlay}
      title={hotplug ? t('Add disk (hot plugged)') : t('Add disk')}
      saveLabel={t('Add')}
      isValid={!Object.keys(issues).length}
      onInvalid={() => setSubmitted(true)}
      onSave={() =>
        hotplug
          ? hotplugDisk(vm, form)
          : patchVM(
              vm,
              addDisk({
                ...form,
                storageClass: form.source === 'blank' ? form.storageClass : undefined,
              }),
            )
      }
    >
      {isRunning && (
        <>
          <Checkbox
            id="disk-hotplug"
            label={t('Hot plug the disk now')}
            description={t(
              'The disk is attached to the running guest on the SCSI bus and stays until it is detached.',
            )}
            isChecked={hotplug}
            onChange={(_e, checked) => setHotplug(checked)}
          />
          {!hotplug && (
            <Alert
              variant="info"
              isInline
              isPlain
              title={t('The VirtualMachine is running: the disk is attached when it restarts.')}
            />
          )}
        </>
      )}
      <FormGroup label={t('Name')} fieldId="disk-name" isRequired>
        <TextInput
          id="disk-name"
          value={form.name}
          isRequired
          validated={error('name') ? 'error' : 'default'}
          onChange={(_e, name) => set({ name }, 'name')}
        />
        <FieldError message={error('name')} />
      </FormGroup>
      <FormGroup label={t('Source')} fieldId="disk-source">
        <FormSelect
          id="disk-source"
          value={form.source}
          onChange={(_e, source) => set({ source: source as DiskForm['source'] })}
        >
          <FormSelectOption value="blank" label={t('Blank (creates PVC)')} />
          <FormSelectOption value="pvc" label={t('Use an existing PVC')} />
        </FormSelect>
      </FormGroup>
      {form.source === 'pvc' ? (
        <FormGroup label={t('PersistentVolumeClaim')} fieldId="disk-pvc" isRequired>
          <FormSelect
            id="disk-pvc"
            value={form.pvcName ?? ''}
            validated={error('pvcName') ? 'error' : 'default'}
            onChange={(_e, pvcName) => set({ pvcName }, 'pvcName')}
          >
            <FormSelectOption value="" label={t('Select a PersistentVolumeClaim')} isPlaceholder />
            {claimNames.map((name) => (
              <FormSelectOption key={name} value={name} label={name} />
            ))}
          </FormSelect>
          <FieldError message={error('pvcName')} />
        </FormGroup>
      ) : (
        <Grid hasGutter>
          <GridItem span={6}>
            <FormGroup label={t('Size')} fieldId="disk-size" isRequired>
              <TextInput
                id="disk-size"
                value={form.size ?? ''}
                isRequired
                validated={error('size') ? 'error' : 'default'}
                onChange={(_e, size) => set({ size }, 'size')}
              />
              <FieldError message={error('size')} help={t('A quantity, such as 2Gi or 512Mi.')} />
            </FormGroup>
          </GridItem>
          <GridItem span={6}>
            <FormGroup label={t('Storage class')} fieldId="disk-storage-class">
              <FormSelect
                id="disk-storage-class"
                value={form.storageClass ?? ''}
                onChange={(_e, storageClass) => set({ storageClass })}
              >
                <FormSelectOption value="" label={t('Default storage class')} />
                {classNames.map((name) => (
                  <FormSelectOption key={name} value={name} label={name} />
                ))}
              </FormSelect>
            </FormGroup>
          </GridItem>
        </Grid>
      )}
      <Grid hasGutter>
        <GridItem span={6}>
          <FormGroup label={t('Type')} fieldId="disk-drive">
            <FormSelect
              id="disk-drive"
              value={hotplug ? 'disk' : form.drive}
              isDisabled={hotplug}
              onChange={(_e, drive) => set({ drive: drive as DiskDrive })}
            >
              <FormSelectOption value="disk" label={t('Disk')} />
              <FormSelectOption value="cdrom" label={t('CD-ROM')} />
            </FormSelect>
          </FormGroup>
        </GridItem>
        <GridItem span={6}>
          <FormGroup label={t('Interface')} fieldId="disk-bus">
            <FormSelect
              id="disk-bus"
              value={hotplug ? 'scsi' : form.bus}
              isDisabled={hotplug}
              onChange={(_e, bus) => set({ bus: bus as DiskBus })}
            >
              {BUSES.map((bus) => (
                <FormSelectOption key={bus} value={bus} label={BUS_LABELS[bus]} />
              ))}
            </FormSelect>
          </FormGroup>
        </GridItem>
      </Grid>
    </FormModal>
  );
};

export default AddDiskModal;
