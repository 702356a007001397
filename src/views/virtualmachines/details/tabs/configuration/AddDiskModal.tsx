import type { FC } from 'react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  Checkbox,
  FormGroup,
  FormSelect,
  FormSelectOption,
  Grid,
  GridItem,
  Progress,
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
  type DiskSourceKind,
} from '../../../../../utils/vmSpec/disks';
import { formatBytes } from '../../../../../utils/quantityFormat';
import {
  claimSize,
  diskSourceFields,
  isCloneTooSmall,
  isSmallerThanUpload,
  uploadDiskSize,
} from '../../../../../utils/vmSpec/diskSource';
import { validateDiskForm, type DiskFormField } from '../../../../../utils/vmSpec/forms';
import DiskSourceFields from './DiskSourceFields';
import DiskStorageFields from './DiskStorageFields';
import { hotplugDisk } from './hotplugDisk';
import { patchVM } from './patchVM';
import { uploadDisk, type UploadProgress } from './uploadDisk';
import { useIssueMessage } from './useIssueMessage';

export type AddDiskModalProps = {
  /** Removes the modal (passed by `useOverlay`). */
  closeOverlay: () => void;
  /** The VM the disk is added to. */
  vm: VirtualMachine;
  /** Whether the VM runs: the disk then waits for a restart. */
  isRunning: boolean;
};

/** A PVC as far as the dialog reads it: its name and size. */
type PersistentVolumeClaim = K8sResourceCommon & Parameters<typeof claimSize>[0];

const SC_GVK = modelToGroupVersionKind(StorageClassModel);
const PVC_GVK = modelToGroupVersionKind(PersistentVolumeClaimModel);
const BUSES: DiskBus[] = ['virtio', 'sata', 'scsi'];
const BUS_LABELS: Record<DiskBus, string> = { virtio: 'VirtIO', sata: 'SATA', scsi: 'SCSI' };

/**
 * Adds a disk to the VM: a new DataVolume (blank, imported from a URL or registry, cloned from a
 * PVC, or uploaded from the browser) or an existing PVC; in the spec for the next start, or
 * hot-plugged into the running guest. An upload shows its progress; closing the dialog cancels it.
 */
const AddDiskModal: FC<AddDiskModalProps> = ({ closeOverlay, vm, isRunning }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const sources: [DiskSourceKind, string][] = [
    ['blank', t('Blank (creates PVC)')],
    ['http', t('URL (creates PVC)')],
    ['registry', t('Registry (creates PVC)')],
    ['pvcClone', t('PVC (clones PVC)')],
    ['upload', t('Upload (Upload a new file to a PVC)')],
    ['pvc', t('Use an existing PVC')],
  ];
  const issueMessage = useIssueMessage();
  const namespace = vm.metadata?.namespace ?? '';
  const count = (vm.spec?.template?.spec?.domain?.devices?.disks ?? []).length;
  const [classes] = useK8sWatchResource<K8sResourceCommon[]>({
    groupVersionKind: SC_GVK,
    isList: true,
  });
  const [form, setForm] = useState<DiskForm>({
    name: `disk-${count}`,
    source: 'blank',
    size: '10Gi',
    drive: 'disk',
    bus: 'virtio',
    storageClass: '',
  });
  // An existing PVC must be in the VM's namespace; a clone may come from another project.
  const [claims] = useK8sWatchResource<PersistentVolumeClaim[]>({
    groupVersionKind: PVC_GVK,
    isList: true,
    namespace: (form.source === 'pvcClone' && form.pvcNamespace) || namespace,
  });
  const [touched, setTouched] = useState<Partial<Record<DiskFormField, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const [hotplug, setHotplug] = useState(false);
  const [file, setFile] = useState<File>();
  const [progress, setProgress] = useState<UploadProgress>();
  const upload = useRef<AbortController>();
  // Closing the dialog (Cancel upload, Escape) stops a running upload; uploadDisk cleans up.
  useEffect(() => () => upload.current?.abort(), []);
  const cloneSource = claims?.find((c) => c.metadata?.name === form.pvcName);
  const issues = validateDiskForm(
    vm,
    form,
    form.source === 'pvcClone' ? claimSize(cloneSource) : undefined,
  );
  const error = (field: DiskFormField) =>
    submitted || touched[field] ? issueMessage(issues[field]) : undefined;
  const set = (patch: Partial<DiskForm>, field?: DiskFormField) => {
    setForm((current) => ({ ...current, ...patch }));
    if (field) setTouched((current) => ({ ...current, [field]: true }));
  };
  const chooseFile = (chosen: File | undefined) => {
    setFile(chosen);
    set({ uploadBytes: chosen?.size }, 'file');
    if (chosen && isSmallerThanUpload(form.size, chosen.size))
      set({ size: uploadDiskSize(chosen.size) });
  };
  const save = () => {
    if (form.source !== 'upload' || !file)
      return hotplug ? hotplugDisk(vm, form) : patchVM(vm, addDisk(form));
    upload.current = new AbortController();
    return uploadDisk(vm, form, file, hotplug, setProgress, upload.current.signal, t).finally(
      () => {
        upload.current = undefined;
        setProgress(undefined);
      },
    );
  };
  const sent =
    progress?.step === 'uploading'
      ? t('{{loaded}} of {{total}}', {
          loaded: formatBytes(progress.loaded),
          total: formatBytes(progress.total),
        })
      : undefined;
  const claimNames = (claims ?? []).map((c) => c.metadata?.name ?? '').filter(Boolean);
  const classNames = (classes ?? []).map((c) => c.metadata?.name ?? '').filter(Boolean);

  return (
    <FormModal
      closeOverlay={closeOverlay}
      title={hotplug ? t('Add disk (hot plugged)') : t('Add disk')}
      saveLabel={form.source === 'upload' ? t('Upload') : t('Add')}
      cancelLabel={progress ? t('Cancel upload') : undefined}
      isValid={!Object.keys(issues).length}
      onInvalid={() => setSubmitted(true)}
      onSave={save}
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
          onChange={(_e, source) =>
            set({ source: source as DiskSourceKind, pvcName: '', pvcNamespace: undefined })
          }
        >
          {sources.map(([value, label]) => (
            <FormSelectOption key={value} value={value} label={label} />
          ))}
        </FormSelect>
      </FormGroup>
      <DiskSourceFields
        form={form}
        namespace={namespace}
        claimNames={claimNames}
        set={set}
        error={error}
        file={file}
        onFile={chooseFile}
        isUploading={Boolean(progress)}
        onClaimPicked={(name) => {
          const size = claimSize(claims?.find((c) => c.metadata?.name === name));
          if (form.source === 'pvcClone' && size && isCloneTooSmall(form.size, size)) set({ size });
        }}
      />
      {diskSourceFields(form.source).storage && (
        <DiskStorageFields form={form} classNames={classNames} set={set} error={error} />
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
      {progress && (
        <Progress
          aria-live="polite"
          title={
            progress.step === 'preparing'
              ? t('Adding the disk')
              : progress.step === 'waiting'
                ? t('Waiting for the upload server')
                : t('Uploading {{name}}', { name: file?.name })
          }
          value={
            progress.step === 'uploading' ? (100 * progress.loaded) / (progress.total || 1) : 0
          }
          label={sent}
          valueText={sent}
        />
      )}
    </FormModal>
  );
};

export default AddDiskModal;
