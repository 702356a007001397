import type { FC } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Checkbox,
  FormGroup,
  FormSelect,
  FormSelectOption,
  Grid,
  GridItem,
  TextInput,
} from '@patternfly/react-core';
import FieldError from '../../../../../components/form/FieldError';
import type { AccessMode, DiskForm, VolumeMode } from '../../../../../utils/vmSpec/disks';
import type { DiskFormField } from '../../../../../utils/vmSpec/forms';

const VOLUME_MODES: VolumeMode[] = ['Filesystem', 'Block'];
const ACCESS_MODES: AccessMode[] = ['ReadWriteOnce', 'ReadWriteMany', 'ReadOnlyMany'];

export type DiskStorageFieldsProps = {
  form: DiskForm;
  classNames: string[];
  set: (patch: Partial<DiskForm>, field?: DiskFormField) => void;
  error: (field: DiskFormField) => string | undefined;
};

/**
 * Size, storage class, preallocation and (when the storage profile's choice is not wanted) volume
 * and access mode of the DataVolume a new disk gets.
 */
const DiskStorageFields: FC<DiskStorageFieldsProps> = ({ form, classNames, set, error }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const useProfile = !form.volumeMode && !form.accessMode;
  const volumeModeLabels: Record<VolumeMode, string> = {
    Filesystem: t('Filesystem'),
    Block: t('Block'),
  };
  const accessModeLabels: Record<AccessMode, string> = {
    ReadWriteOnce: t('Single user (RWO)'),
    ReadWriteMany: t('Shared access (RWX)'),
    ReadOnlyMany: t('Read only (ROX)'),
  };
  return (
    <>
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
      <Checkbox
        id="disk-preallocation"
        label={t('Enable preallocation')}
        description={t(
          'Writes the whole volume when it is created, for the best write performance.',
        )}
        isChecked={!!form.preallocation}
        onChange={(_e, preallocation) => set({ preallocation })}
      />
      <Checkbox
        id="disk-storage-profile"
        label={t('Apply optimized StorageProfile settings')}
        description={t(
          'Volume mode and access mode come from the storage class\u2019s StorageProfile.',
        )}
        isChecked={useProfile}
        onChange={(_e, checked) =>
          set(
            checked
              ? { volumeMode: undefined, accessMode: undefined }
              : { volumeMode: 'Filesystem', accessMode: 'ReadWriteOnce' },
          )
        }
      />
      {!useProfile && (
        <Grid hasGutter>
          <GridItem span={6}>
            <FormGroup label={t('Volume mode')} fieldId="disk-volume-mode">
              <FormSelect
                id="disk-volume-mode"
                value={form.volumeMode ?? 'Filesystem'}
                onChange={(_e, volumeMode) => set({ volumeMode: volumeMode as VolumeMode })}
              >
                {VOLUME_MODES.map((mode) => (
                  <FormSelectOption key={mode} value={mode} label={volumeModeLabels[mode]} />
                ))}
              </FormSelect>
            </FormGroup>
          </GridItem>
          <GridItem span={6}>
            <FormGroup label={t('Access mode')} fieldId="disk-access-mode">
              <FormSelect
                id="disk-access-mode"
                value={form.accessMode ?? 'ReadWriteOnce'}
                onChange={(_e, accessMode) => set({ accessMode: accessMode as AccessMode })}
              >
                {ACCESS_MODES.map((mode) => (
                  <FormSelectOption key={mode} value={mode} label={accessModeLabels[mode]} />
                ))}
              </FormSelect>
              <FieldError
                help={
                  form.accessMode === 'ReadWriteMany'
                    ? undefined
                    : t('Live migration needs ReadWriteMany.')
                }
              />
            </FormGroup>
          </GridItem>
        </Grid>
      )}
    </>
  );
};

export default DiskStorageFields;
