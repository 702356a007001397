import type { FC } from 'react';
import { useTranslation } from 'react-i18next';
import {
  FileUpload,
  FormGroup,
  FormSelect,
  FormSelectOption,
  TextInput,
} from '@patternfly/react-core';
import { useK8sWatchResource, type K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import FieldError from '../../../../../components/form/FieldError';
import { ProjectModel } from '../../../../../models';
import { modelToGroupVersionKind } from '../../../../../models/modelUtils';
import type { DiskForm } from '../../../../../utils/vmSpec/disks';
import { diskSourceFields } from '../../../../../utils/vmSpec/diskSource';
import type { DiskFormField } from '../../../../../utils/vmSpec/forms';

const PROJECT_GVK = modelToGroupVersionKind(ProjectModel);

export type DiskSourceFieldsProps = {
  form: DiskForm;
  /** The VM's namespace: an existing PVC must be there, a clone source defaults to it. */
  namespace: string;
  /** Names of the PVCs in the namespace the source is taken from. */
  claimNames: string[];
  set: (patch: Partial<DiskForm>, field?: DiskFormField) => void;
  /** A PVC was picked (the dialog sizes a clone from it). */
  onClaimPicked?: (name: string) => void;
  error: (field: DiskFormField) => string | undefined;
  /** The image file chosen for an upload. */
  file?: File;
  /** A file was chosen, or (undefined) cleared. */
  onFile: (file: File | undefined) => void;
  /** While the upload runs, the file cannot change. */
  isUploading?: boolean;
};

/**
 * The fields a disk source needs: URL, image, the project and PVC to clone, the PVC to use, or the
 * image file to upload.
 */
const DiskSourceFields: FC<DiskSourceFieldsProps> = ({
  form,
  namespace,
  claimNames,
  set,
  onClaimPicked,
  error,
  file,
  onFile,
  isUploading,
}) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const fields = diskSourceFields(form.source);
  const [projects] = useK8sWatchResource<K8sResourceCommon[]>(
    fields.project ? { groupVersionKind: PROJECT_GVK, isList: true } : null,
  );
  const projectNames = (projects ?? []).map((p) => p.metadata?.name ?? '').filter(Boolean);
  const claimProject = form.pvcNamespace || namespace;

  return (
    <>
      {fields.url && (
        <FormGroup label={t('URL')} fieldId="disk-url" isRequired>
          <TextInput
            id="disk-url"
            type="url"
            value={form.url ?? ''}
            isRequired
            validated={error('url') ? 'error' : 'default'}
            onChange={(_e, url) => set({ url }, 'url')}
          />
          <FieldError
            message={error('url')}
            help={t(
              'The HTTP or HTTPS address of a disk image (qcow2, raw or ISO, may be compressed).',
            )}
          />
        </FormGroup>
      )}
      {fields.image && (
        <FormGroup label={t('Container image')} fieldId="disk-image" isRequired>
          <TextInput
            id="disk-image"
            value={form.image ?? ''}
            isRequired
            validated={error('image') ? 'error' : 'default'}
            onChange={(_e, image) => set({ image }, 'image')}
          />
          <FieldError
            message={error('image')}
            help={t(
              'An image that holds a disk in /disk, such as quay.io/containerdisks/fedora:latest.',
            )}
          />
        </FormGroup>
      )}
      {fields.file && (
        <FormGroup label={t('Image file')} fieldId="disk-file" isRequired>
          {/* No `type`: the image is sent as it is, never read into the page. */}
          <FileUpload
            id="disk-file"
            value={file}
            filename={file?.name ?? ''}
            filenamePlaceholder={t('Drag and drop a file or browse')}
            filenameAriaLabel={t('Image file name')}
            browseButtonText={t('Browse...')}
            clearButtonText={t('Clear')}
            hideDefaultPreview
            isRequired
            isDisabled={isUploading}
            validated={error('file') ? 'error' : 'default'}
            onFileInputChange={(_e, chosen) => onFile(chosen)}
            onClearClick={() => onFile(undefined)}
          />
          <FieldError
            message={error('file')}
            help={t(
              'A disk image (qcow2, raw or ISO, may be gzip or xz compressed). It is converted into the new PVC after the upload.',
            )}
          />
        </FormGroup>
      )}
      {fields.project && (
        <FormGroup label={t('PVC project')} fieldId="disk-pvc-project">
          <FormSelect
            id="disk-pvc-project"
            value={claimProject}
            onChange={(_e, pvcNamespace) => set({ pvcNamespace, pvcName: '' })}
          >
            {(projectNames.includes(claimProject)
              ? projectNames
              : [claimProject, ...projectNames]
            ).map((name) => (
              <FormSelectOption key={name} value={name} label={name} />
            ))}
          </FormSelect>
        </FormGroup>
      )}
      {fields.pvc && (
        <FormGroup label={t('PersistentVolumeClaim')} fieldId="disk-pvc" isRequired>
          <FormSelect
            id="disk-pvc"
            value={form.pvcName ?? ''}
            validated={error('pvcName') ? 'error' : 'default'}
            onChange={(_e, pvcName) => {
              set({ pvcName }, 'pvcName');
              onClaimPicked?.(pvcName);
            }}
          >
            <FormSelectOption value="" label={t('Select a PersistentVolumeClaim')} isPlaceholder />
            {claimNames.map((name) => (
              <FormSelectOption key={name} value={name} label={name} />
            ))}
          </FormSelect>
          <FieldError
            message={error('pvcName')}
            help={
              fields.project
                ? t('The new disk is a copy of this PVC, at least as large.')
                : undefined
            }
          />
        </FormGroup>
      )}
    </>
  );
};

export default DiskSourceFields;
