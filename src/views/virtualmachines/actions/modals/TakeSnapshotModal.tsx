import type { FC, FormEvent } from 'react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  Button,
  Checkbox,
  ExpandableSection,
  Form,
  FormGroup,
  FormHelperText,
  HelperText,
  HelperTextItem,
  List,
  ListItem,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  TextArea,
  TextInput,
} from '@patternfly/react-core';
import { k8sCreate, k8sGet } from '@openshift-console/dynamic-plugin-sdk';
import { useValidationMessage } from '../../../../components/form/useValidationMessage';
import ModalErrorAlert from '../../../../components/modals/ModalErrorAlert';
import { VirtualMachineInstanceModel, VirtualMachineSnapshotModel } from '../../../../models';
import type { VirtualMachine, VirtualMachineInstance } from '../../../../models/types';
import {
  buildVMSnapshot,
  defaultSnapshotName,
  getSnapshotVolumes,
  type SnapshotExclusion,
  type SnapshotVolume,
} from '../../../../utils/snapshots';
import { validateResourceName } from '../../../../utils/validation';

type TakeSnapshotModalProps = {
  /** Removes the modal (passed by `useOverlay`). */
  closeOverlay: () => void;
  /** The source VM. */
  vm: VirtualMachine;
  /** Its instance when the caller has it; otherwise the dialog reads it once. */
  vmi?: VirtualMachineInstance;
};

/** The VM's instance, read once (404 = the VM is not running); `null` while unknown. */
const useInstanceOnce = (
  vm: VirtualMachine,
  given: VirtualMachineInstance | undefined,
): VirtualMachineInstance | undefined | null => {
  const [vmi, setVMI] = useState<VirtualMachineInstance | undefined | null>(given ?? null);
  useEffect(() => {
    if (given) return;
    let live = true;
    k8sGet<VirtualMachineInstance>({
      model: VirtualMachineInstanceModel,
      name: vm.metadata?.name,
      ns: vm.metadata?.namespace,
    })
      .then((found) => live && setVMI(found))
      .catch(() => live && setVMI(undefined));
    return () => {
      live = false;
    };
  }, [vm.metadata?.name, vm.metadata?.namespace, given]);
  return vmi;
};

/**
 * Take snapshot: a name (proposed from the VM and the time, DNS-1123), a description, which disks
 * the snapshot backs up and which it cannot (to proceed, the user acknowledges the warning).
 * Creates a VirtualMachineSnapshot; a failure keeps the form and shows the server's message.
 */
const TakeSnapshotModal: FC<TakeSnapshotModalProps> = ({ closeOverlay, vm, vmi: givenVMI }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const message = useValidationMessage();
  const vmName = vm.metadata?.name ?? '';
  const [name, setName] = useState(() => defaultSnapshotName(vmName, new Date()));
  const [description, setDescription] = useState('');
  const [acknowledged, setAcknowledged] = useState(false);
  const [disksExpanded, setDisksExpanded] = useState(true);
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  /** A name the server answered AlreadyExists for. */
  const [taken, setTaken] = useState<string>();
  const vmi = useInstanceOnce(vm, givenVMI);

  const volumes = useMemo(() => getSnapshotVolumes(vm, vmi ?? undefined), [vm, vmi]);
  const included = volumes.filter((v) => v.included);
  const excluded = volumes.filter((v) => !v.included);
  const nameIssue = validateResourceName(name);
  const nameMessage =
    touched && nameIssue
      ? message(nameIssue)
      : taken === name
        ? t('A VirtualMachineSnapshot with this name already exists.')
        : undefined;
  const showNameIssue = !!nameMessage;
  const online = !!vmi;

  const EXCLUSIONS: Record<SnapshotExclusion, string> = {
    'unsupported-source': t('Snapshots support only DataVolume and PersistentVolumeClaim disks.'),
    'not-snapshottable': t('Its storage class cannot take volume snapshots.'),
    'hotplug-not-in-spec': t(
      'Hot-plugged into the running VirtualMachine only; it is not in the VirtualMachine spec.',
    ),
  };
  const describeExcluded = (v: SnapshotVolume) =>
    [v.exclusion ? EXCLUSIONS[v.exclusion] : '', v.detail].filter(Boolean).join(' ');

  const canSave = !busy && (excluded.length === 0 || acknowledged);

  const save = (e?: FormEvent) => {
    e?.preventDefault();
    setTouched(true);
    if (!canSave || nameIssue) return;
    setBusy(true);
    setError(undefined);
    k8sCreate({
      model: VirtualMachineSnapshotModel,
      data: buildVMSnapshot({ vm, name, description }),
    })
      .then(closeOverlay)
      .catch((err: { code?: number; json?: { reason?: string } }) => {
        if (err?.code === 409 && err.json?.reason === 'AlreadyExists') setTaken(name);
        else setError(err);
        setBusy(false);
      });
  };

  return (
    <Modal isOpen onClose={closeOverlay} variant="medium" aria-labelledby="take-snapshot-title">
      <ModalHeader title={t('Take snapshot')} labelId="take-snapshot-title" />
      <ModalBody>
        <Form id="take-snapshot-form" onSubmit={save}>
          {online && (
            <Alert variant="info" isInline isPlain title={t('Online snapshot')}>
              {t(
                '{{name}} is running. The snapshot is taken while it runs: with the guest agent, its file systems are frozen for a consistent copy; without it, the copy is crash-consistent.',
                { name: vmName },
              )}
            </Alert>
          )}
          <FormGroup label={t('Snapshot name')} isRequired fieldId="snapshot-name">
            <TextInput
              id="snapshot-name"
              isRequired
              value={name}
              onChange={(_e, value) => {
                setName(value);
                setTouched(true);
              }}
              validated={showNameIssue ? 'error' : 'default'}
              aria-describedby="snapshot-name-helper"
            />
            <FormHelperText>
              <HelperText id="snapshot-name-helper">
                <HelperTextItem variant={showNameIssue ? 'error' : 'default'}>
                  {showNameIssue
                    ? nameMessage
                    : t('A unique name in the project {{namespace}}', {
                        namespace: vm.metadata?.namespace,
                      })}
                </HelperTextItem>
              </HelperText>
            </FormHelperText>
          </FormGroup>
          <FormGroup label={t('Description')} fieldId="snapshot-description">
            <TextArea
              id="snapshot-description"
              value={description}
              onChange={(_e, value) => setDescription(value)}
              resizeOrientation="vertical"
            />
          </FormGroup>
          <ExpandableSection
            toggleText={t('Disks included in this snapshot ({{total}})', {
              total: included.length,
            })}
            isExpanded={disksExpanded}
            onToggle={(_e, expanded) => setDisksExpanded(expanded)}
          >
            {included.length ? (
              <List aria-label={t('Disks included in this snapshot')}>
                {included.map((v) => (
                  <ListItem key={v.name}>
                    {v.name} ({v.source})
                  </ListItem>
                ))}
              </List>
            ) : (
              <HelperText>
                <HelperTextItem>{t('No disks included in this snapshot')}</HelperTextItem>
              </HelperText>
            )}
          </ExpandableSection>
          {excluded.length > 0 && (
            <>
              <Alert
                variant="warning"
                isInline
                title={t('The following disks will not be included in the snapshot')}
              >
                <List aria-label={t('Disks not included in this snapshot')}>
                  {excluded.map((v) => (
                    <ListItem key={v.name}>
                      <strong>{v.name}</strong> ({v.source}): {describeExcluded(v)}
                    </ListItem>
                  ))}
                </List>
              </Alert>
              <Checkbox
                id="snapshot-acknowledge"
                isRequired
                label={t('I am aware of this warning and wish to proceed')}
                isChecked={acknowledged}
                onChange={(_e, checked) => setAcknowledged(checked)}
              />
            </>
          )}
          {error !== undefined && <ModalErrorAlert error={error} />}
        </Form>
      </ModalBody>
      <ModalFooter>
        <Button
          type="submit"
          form="take-snapshot-form"
          variant="primary"
          isLoading={busy}
          isDisabled={!canSave}
        >
          {t('Save')}
        </Button>
        <Button variant="link" onClick={closeOverlay}>
          {t('Cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
};

export default TakeSnapshotModal;
