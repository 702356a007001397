import type { FC, FormEvent } from 'react';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  Button,
  Checkbox,
  Form,
  FormGroup,
  FormHelperText,
  HelperText,
  HelperTextItem,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  Progress,
  ProgressMeasureLocation,
  ProgressVariant,
  TextInput,
} from '@patternfly/react-core';
import {
  consoleFetchJSON,
  k8sCreate,
  k8sGet,
  useK8sWatchResource,
} from '@openshift-console/dynamic-plugin-sdk';
import { startVM } from '../../../../components/actions/vmRequests';
import { useValidationMessage } from '../../../../components/form/useValidationMessage';
import ModalErrorAlert from '../../../../components/modals/ModalErrorAlert';
import { VirtualMachineCloneModel, VirtualMachineModel } from '../../../../models';
import { modelToGroupVersionKind } from '../../../../models/modelUtils';
import type { VirtualMachine, VirtualMachineClone } from '../../../../models/types';
import {
  buildVMClone,
  type CloneSource,
  defaultCloneName,
  getCloneProgress,
  vmDetailsPath,
} from '../../../../utils/clone';
import { getErrorMessage } from '../../../../utils/errors';
import { randomSuffix } from '../../../../utils/snapshots';
import { validateResourceName } from '../../../../utils/validation';

type CloneVirtualMachineModalProps = {
  /** Removes the modal (passed by `useOverlay`). */
  closeOverlay: () => void;
  /** The source VM (for a snapshot source: the VM the snapshot was taken of). */
  vm: VirtualMachine;
  /** Clone a snapshot of the VM instead of the VM itself ("Create VirtualMachine" from a snapshot). */
  snapshotName?: string;
};

const CLONE_GVK = modelToGroupVersionKind(VirtualMachineCloneModel);

/** The newest Warning event of the clone: KubeVirt's reason for a failure. */
const fetchFailureEvent = async (clone: VirtualMachineClone): Promise<string | undefined> => {
  const selector = encodeURIComponent(
    `involvedObject.kind=VirtualMachineClone,involvedObject.name=${clone.metadata?.name ?? ''}`,
  );
  const list = (await consoleFetchJSON(
    `/api/kubernetes/api/v1/namespaces/${clone.metadata?.namespace ?? ''}/events?fieldSelector=${selector}`,
  )) as { items?: { type?: string; message?: string; lastTimestamp?: string }[] };
  const warnings = (list.items ?? []).filter((e) => e.type === 'Warning' && e.message);
  return warnings.sort((a, b) => (a.lastTimestamp ?? '').localeCompare(b.lastTimestamp ?? ''))[
    warnings.length - 1
  ]?.message;
};

type CloneProgressProps = {
  clone: VirtualMachineClone;
  targetName: string;
  startWhenDone: boolean;
  closeOverlay: () => void;
};

/** The created clone, watched by name until it succeeds (then started if asked) or fails. */
const CloneProgressView: FC<CloneProgressProps> = ({
  clone: created,
  targetName,
  startWhenDone,
  closeOverlay,
}) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const namespace = created.metadata?.namespace ?? '';
  const [watched] = useK8sWatchResource<VirtualMachineClone>({
    groupVersionKind: CLONE_GVK,
    name: created.metadata?.name,
    namespace,
  });
  const clone = watched?.metadata?.name ? watched : created;
  const progress = getCloneProgress(clone);
  const [startError, setStartError] = useState<unknown>();
  const [started, setStarted] = useState(false);
  const [failure, setFailure] = useState<string>();
  const startRequested = useRef(false);

  useEffect(() => {
    if (!progress.succeeded || !startWhenDone || startRequested.current) return;
    startRequested.current = true;
    startVM({ metadata: { name: targetName, namespace } } as VirtualMachine)
      .then(() => setStarted(true))
      .catch(setStartError);
  }, [progress.succeeded, startWhenDone, targetName, namespace]);

  useEffect(() => {
    if (!progress.failed) return;
    let live = true;
    fetchFailureEvent(clone)
      .then((reason) => live && setFailure(reason))
      .catch(() => undefined);
    return () => {
      live = false;
    };
    // The failure is read once, when the clone fails.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [progress.failed]);

  const PHASES: Record<string, string> = {
    '': t('Waiting for the clone to start'),
    SnapshotInProgress: t('Taking a snapshot of the source'),
    RestoreInProgress: t('Restoring the snapshot into the new VirtualMachine'),
    CreatingTargetVM: t('Creating the new VirtualMachine'),
    Succeeded: t('The clone is complete'),
    Failed: t('The clone failed'),
  };
  const link = (
    <Link to={vmDetailsPath(namespace, targetName)} onClick={closeOverlay}>
      {targetName}
    </Link>
  );

  return (
    <>
      <Progress
        title={t('Cloning into {{name}}', { name: targetName })}
        value={progress.fraction * 100}
        label={progress.phase || t('Pending')}
        valueText={PHASES[progress.phase] ?? progress.phase}
        measureLocation={ProgressMeasureLocation.outside}
        variant={
          progress.failed
            ? ProgressVariant.danger
            : progress.succeeded
              ? ProgressVariant.success
              : undefined
        }
        aria-label={t('Clone progress')}
      />
      <HelperText>
        <HelperTextItem>{PHASES[progress.phase] ?? progress.phase}</HelperTextItem>
      </HelperText>
      {progress.succeeded && (
        <Alert variant="success" isInline title={t('VirtualMachine created')}>
          {t('The new VirtualMachine is ready:')} {link}
          {startWhenDone && started && <div>{t('It is starting.')}</div>}
        </Alert>
      )}
      {startError !== undefined && (
        <Alert variant="danger" isInline title={t('The new VirtualMachine could not be started')}>
          {getErrorMessage(startError)}
        </Alert>
      )}
      {progress.failed && (
        <Alert variant="danger" isInline title={t('The clone failed')}>
          {failure ?? progress.reason ?? t('KubeVirt gave no reason.')}
        </Alert>
      )}
    </>
  );
};

/**
 * Clone a VM (or create a VM from one of its snapshots): the new VM's name and whether to start it.
 * Creates a VirtualMachineClone and stays open with its phase until it succeeds (then starts the
 * new VM if asked and links to it) or fails (with KubeVirt's reason).
 */
const CloneVirtualMachineModal: FC<CloneVirtualMachineModalProps> = ({
  closeOverlay,
  vm,
  snapshotName,
}) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const message = useValidationMessage();
  const namespace = vm.metadata?.namespace ?? '';
  const vmName = vm.metadata?.name ?? '';
  const [name, setName] = useState(() => defaultCloneName(snapshotName ?? vmName));
  const [startWhenDone, setStartWhenDone] = useState(false);
  const [touched, setTouched] = useState(false);
  const [exists, setExists] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [clone, setClone] = useState<VirtualMachineClone>();

  const nameIssue = validateResourceName(name);
  const nameMessage =
    touched && nameIssue
      ? message(nameIssue)
      : exists === name
        ? t('A VirtualMachine with this name already exists.')
        : undefined;
  const source: CloneSource = snapshotName
    ? { kind: 'VirtualMachineSnapshot', name: snapshotName }
    : { kind: 'VirtualMachine', name: vmName };

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    setTouched(true);
    if (nameIssue || busy) return;
    setBusy(true);
    setError(undefined);
    try {
      const taken = await k8sGet({ model: VirtualMachineModel, name, ns: namespace }).then(
        () => true,
        (err: { code?: number }) => {
          if (err?.code === 404) return false;
          throw err;
        },
      );
      if (taken) {
        setExists(name);
        setBusy(false);
        return;
      }
      const created = await k8sCreate<VirtualMachineClone>({
        model: VirtualMachineCloneModel,
        data: buildVMClone({ namespace, source, targetName: name, suffix: randomSuffix() }),
      });
      setClone(created);
    } catch (err: unknown) {
      setError(err);
    }
    setBusy(false);
  };

  const title = snapshotName ? t('Create VirtualMachine from snapshot') : t('Clone VirtualMachine');

  return (
    <Modal isOpen onClose={closeOverlay} variant="small" aria-labelledby="clone-vm-title">
      <ModalHeader
        title={title}
        labelId="clone-vm-title"
        description={
          snapshotName
            ? t('A new VirtualMachine from snapshot {{snapshot}} of {{name}}.', {
                snapshot: snapshotName,
                name: vmName,
              })
            : t('A new VirtualMachine with a copy of the disks of {{name}}.', { name: vmName })
        }
      />
      <ModalBody>
        {clone ? (
          <CloneProgressView
            clone={clone}
            targetName={name}
            startWhenDone={startWhenDone}
            closeOverlay={closeOverlay}
          />
        ) : (
          <Form id="clone-vm-form" onSubmit={(e) => void submit(e)}>
            <FormGroup label={t('Name')} isRequired fieldId="clone-vm-name">
              <TextInput
                id="clone-vm-name"
                isRequired
                value={name}
                onChange={(_e, value) => {
                  setName(value);
                  setTouched(true);
                }}
                validated={nameMessage ? 'error' : 'default'}
                aria-describedby="clone-vm-name-helper"
              />
              <FormHelperText>
                <HelperText id="clone-vm-name-helper">
                  <HelperTextItem variant={nameMessage ? 'error' : 'default'}>
                    {nameMessage ??
                      t('The name of the new VirtualMachine in the project {{namespace}}', {
                        namespace,
                      })}
                  </HelperTextItem>
                </HelperText>
              </FormHelperText>
            </FormGroup>
            <Checkbox
              id="clone-vm-start"
              label={t('Start VirtualMachine once created')}
              isChecked={startWhenDone}
              onChange={(_e, checked) => setStartWhenDone(checked)}
            />
            {error !== undefined && <ModalErrorAlert error={error} />}
          </Form>
        )}
      </ModalBody>
      <ModalFooter>
        {clone ? (
          <Button variant="primary" onClick={closeOverlay}>
            {t('Close')}
          </Button>
        ) : (
          <>
            <Button
              type="submit"
              form="clone-vm-form"
              variant="primary"
              isLoading={busy}
              isDisabled={busy}
            >
              {snapshotName ? t('Create') : t('Clone')}
            </Button>
            <Button variant="link" onClick={closeOverlay}>
              {t('Cancel')}
            </Button>
          </>
        )}
      </ModalFooter>
    </Modal>
  );
};

export default CloneVirtualMachineModal;
