import type { FC } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, FileUpload, FormGroup, Spinner } from '@patternfly/react-core';
import { k8sCreate, k8sUpdate, useK8sWatchResource } from '@openshift-console/dynamic-plugin-sdk';
import FieldError from '../../../../../components/form/FieldError';
import FormModal from '../../../../../components/form/FormModal';
import ModalErrorAlert from '../../../../../components/modals/ModalErrorAlert';
import { ConfigMapModel } from '../../../../../models';
import { modelToGroupVersionKind } from '../../../../../models/modelUtils';
import type { VirtualMachine } from '../../../../../models/types';
import {
  buildSysprepConfigMap,
  type ConfigMap,
  hasSysprepFile,
  readSysprepFiles,
  SYSPREP_FILES,
  type SysprepFile,
  type SysprepFiles,
  sysprepConfigMapName,
  xmlError,
  type XMLIssue,
} from '../../../../../utils/sysprep';
import { getSysprep, setSysprep } from '../../../../../utils/vmSpec/cloudInit';
import { patchVM } from './patchVM';

const CONFIG_MAP_GVK = modelToGroupVersionKind(ConfigMapModel);

const FIELD_IDS: Record<SysprepFile, string> = {
  'Autounattend.xml': 'sysprep-autounattend',
  'Unattend.xml': 'sysprep-unattend',
};

const isNotFound = (error: unknown): boolean => (error as { code?: number })?.code === 404;

/** One ConfigMap by name (none without a name); a missing one is no error. */
const useConfigMap = (name: string | undefined, namespace: string | undefined) => {
  const [watched, loaded, error] = useK8sWatchResource<ConfigMap>(
    name ? { groupVersionKind: CONFIG_MAP_GVK, name, namespace } : null,
  );
  const missing = !name || isNotFound(error);
  return {
    configMap: loaded && !error && name ? watched : undefined,
    ready: loaded || missing,
    readError: error && !missing ? error : undefined,
  };
};

export type SysprepModalProps = {
  /** Removes the modal (passed by `useOverlay`). */
  closeOverlay: () => void;
  /** The VM whose answer files are edited. */
  vm: VirtualMachine;
  /** Whether the VM runs: the change then waits for a restart. */
  isRunning: boolean;
};

/**
 * Edits the sysprep answer files: saves them to the ConfigMap `<vm>-sysprep` (created or
 * updated) and attaches it to the VM as the sysprep CD-ROM. Prefilled from the ConfigMap the VM
 * uses, else from an earlier `<vm>-sysprep`.
 */
const SysprepModal: FC<SysprepModalProps> = ({ closeOverlay, vm, isRunning }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const namespace = vm.metadata?.namespace;
  const targetName = sysprepConfigMapName(vm.metadata?.name ?? '');
  const source = getSysprep(vm);
  const sourceName =
    source?.kind === 'configMap' && source.name !== targetName ? source.name : undefined;
  const target = useConfigMap(targetName, namespace);
  const current = useConfigMap(sourceName, namespace);
  const ready = target.ready && current.ready;

  const [files, setFiles] = useState<SysprepFiles>(readSysprepFiles(undefined));
  const [filenames, setFilenames] = useState<Record<SysprepFile, string>>({
    'Autounattend.xml': '',
    'Unattend.xml': '',
  });
  const [prefilled, setPrefilled] = useState(false);
  const [loading, setLoading] = useState<SysprepFile | undefined>();
  const [submitted, setSubmitted] = useState(false);
  const [touched, setTouched] = useState<Partial<Record<SysprepFile, boolean>>>({});

  // Prefilled once, when the ConfigMaps have loaded (later watch updates do not overwrite input).
  if (ready && !prefilled) {
    setPrefilled(true);
    setFiles(readSysprepFiles(sourceName ? current.configMap : target.configMap));
  }

  const issues = Object.fromEntries(
    SYSPREP_FILES.map((file) => [file, files[file].trim() ? xmlError(files[file]) : undefined]),
  ) as Record<SysprepFile, XMLIssue | undefined>;
  const missing = !hasSysprepFile(files);
  const errorOf = (file: SysprepFile): string | undefined => {
    const issue = issues[file];
    if (issue === undefined || !(submitted || touched[file])) return undefined;
    if (issue.notMarkup)
      return t('{{file}} is not XML: it must start with an XML declaration or element.', { file });
    if (issue.line && issue.column)
      return t('{{file}} is not well-formed XML (line {{line}}, column {{column}}).', {
        file,
        line: issue.line,
        column: issue.column,
      });
    if (issue.line)
      return t('{{file}} is not well-formed XML (line {{line}}).', { file, line: issue.line });
    return t('{{file}} is not well-formed XML.', { file });
  };

  const set = (file: SysprepFile, text: string) => {
    setFiles((prev) => ({ ...prev, [file]: text }));
    setTouched((prev) => ({ ...prev, [file]: true }));
  };

  const save = async () => {
    const data = buildSysprepConfigMap(vm, files, target.configMap);
    if (target.configMap) await k8sUpdate({ model: ConfigMapModel, data });
    else await k8sCreate({ model: ConfigMapModel, data });
    await patchVM(vm, setSysprep({ kind: 'configMap', name: targetName }));
  };

  return (
    <FormModal
      closeOverlay={closeOverlay}
      title={t('Edit sysprep')}
      variant="large"
      isValid={ready && !missing && SYSPREP_FILES.every((file) => issues[file] === undefined)}
      onInvalid={() => setSubmitted(true)}
      onSave={save}
    >
      <p>
        {t(
          'The answer files are saved to the ConfigMap {{name}} and attached to the VirtualMachine as a CD-ROM that Windows reads at its first boot.',
          { name: targetName },
        )}
      </p>
      {source?.kind === 'secret' && (
        <Alert
          variant="info"
          isInline
          isPlain
          title={t(
            'The answer files now come from the Secret {{name}}; they are not shown here. Saving replaces it with the ConfigMap {{target}}.',
            { name: source.name, target: targetName },
          )}
        />
      )}
      {isRunning && (
        <Alert
          variant="info"
          isInline
          isPlain
          title={t('The VirtualMachine is running: the change applies when it restarts.')}
        />
      )}
      {(target.readError || current.readError) && (
        <ModalErrorAlert error={target.readError ?? current.readError} />
      )}
      {!prefilled && !(target.readError || current.readError) ? (
        <Spinner size="lg" aria-label={t('Loading')} />
      ) : (
        SYSPREP_FILES.map((file) => {
          const id = FIELD_IDS[file];
          const error = errorOf(file);
          return (
            <FormGroup key={file} label={file} fieldId={id}>
              <FileUpload
                id={id}
                type="text"
                aria-label={file}
                value={files[file]}
                filename={filenames[file]}
                filenamePlaceholder={t('Drag a file here, browse, or type below')}
                filenameAriaLabel={t('{{file}} file name', { file })}
                browseButtonText={t('Upload')}
                clearButtonText={t('Clear')}
                allowEditingUploadedText
                isLoading={loading === file}
                validated={error ? 'error' : 'default'}
                dropzoneProps={{ accept: { 'text/xml': ['.xml'], 'application/xml': ['.xml'] } }}
                onFileInputChange={(_e, f) => {
                  setFilenames((prev) => ({ ...prev, [file]: f.name }));
                }}
                onReadStarted={() => setLoading(file)}
                onReadFinished={() => setLoading(undefined)}
                onReadFailed={() => setLoading(undefined)}
                onDataChange={(_e, data) => set(file, data)}
                onTextChange={(_e, text) => set(file, text)}
                onClearClick={() => {
                  setFilenames((prev) => ({ ...prev, [file]: '' }));
                  set(file, '');
                }}
              />
              <FieldError
                message={error}
                help={
                  file === 'Autounattend.xml'
                    ? t('Used when Windows is installed from installation media.')
                    : t('Used when a generalized (sysprepped) Windows image boots.')
                }
              />
            </FormGroup>
          );
        })
      )}
      {missing && submitted && (
        <FieldError message={t('Provide Autounattend.xml, Unattend.xml or both.')} />
      )}
    </FormModal>
  );
};

export default SysprepModal;

export type RemoveSysprepModalProps = {
  /** Removes the modal (passed by `useOverlay`). */
  closeOverlay: () => void;
  /** The VM whose sysprep volume is detached. */
  vm: VirtualMachine;
  /** Whether the VM runs: the change then waits for a restart. */
  isRunning: boolean;
};

/** Detaches the sysprep volume and CD-ROM; the ConfigMap or Secret it came from is kept. */
export const RemoveSysprepModal: FC<RemoveSysprepModalProps> = ({
  closeOverlay,
  vm,
  isRunning,
}) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const source = getSysprep(vm);
  return (
    <FormModal
      closeOverlay={closeOverlay}
      title={t('Remove sysprep')}
      isValid
      saveLabel={t('Remove')}
      onSave={() => patchVM(vm, setSysprep(undefined))}
    >
      <p>
        {source?.kind === 'secret'
          ? t(
              'The sysprep CD-ROM is detached from the VirtualMachine. The Secret {{name}} is kept; delete it yourself when nothing needs it.',
              { name: source.name },
            )
          : t(
              'The sysprep CD-ROM is detached from the VirtualMachine. The ConfigMap {{name}} is kept; delete it yourself when nothing needs it.',
              { name: source?.name ?? '' },
            )}
      </p>
      {isRunning && (
        <Alert
          variant="info"
          isInline
          isPlain
          title={t('The VirtualMachine is running: the change applies when it restarts.')}
        />
      )}
    </FormModal>
  );
};
