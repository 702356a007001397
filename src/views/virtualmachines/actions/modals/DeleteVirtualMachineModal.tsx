import type { FC } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  Checkbox,
  Content,
  FormGroup,
  List,
  ListItem,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  NumberInput,
  Stack,
} from '@patternfly/react-core';
import ModalErrorAlert from '../../../../components/modals/ModalErrorAlert';
import type { VirtualMachine } from '../../../../models/types';
import { deleteVM, ownedDataVolumeNames } from '../../../../components/actions/vmRequests';

type DeleteVirtualMachineModalProps = {
  /** Removes the modal (passed by `useOverlay`). */
  closeOverlay: () => void;
  /** The VM to delete. */
  vm: VirtualMachine;
  /** Called after the VM was deleted (the details page leaves for the list). */
  onDeleted: (() => void) | undefined;
};

/** The VM's termination grace period, KubeVirt's default when unset. */
const gracePeriodOf = (vm: VirtualMachine): number =>
  vm.spec?.template?.spec?.terminationGracePeriodSeconds ?? 180;

/** Delete a VM: with or without a grace period, with its disks (default) or keeping them. */
const DeleteVirtualMachineModal: FC<DeleteVirtualMachineModalProps> = ({
  closeOverlay,
  vm,
  onDeleted,
}) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const disks = ownedDataVolumeNames(vm);
  const [withGrace, setWithGrace] = useState(false);
  const [grace, setGrace] = useState(gracePeriodOf(vm));
  const [deleteDisks, setDeleteDisks] = useState(true);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const name = vm.metadata?.name ?? '';

  const confirm = () => {
    setBusy(true);
    setError(undefined);
    deleteVM(vm, {
      gracePeriodSeconds: withGrace ? grace : undefined,
      keepDisks: !deleteDisks,
    })
      .then(() => {
        closeOverlay();
        onDeleted?.();
      })
      .catch((e: unknown) => {
        setError(e);
        setBusy(false);
      });
  };

  return (
    <Modal isOpen onClose={closeOverlay} variant="small" aria-labelledby="delete-vm-title">
      <ModalHeader
        title={t('Delete VirtualMachine?')}
        labelId="delete-vm-title"
        titleIconVariant="warning"
      />
      <ModalBody>
        <Stack hasGutter>
          <Content component="p">
            {t('Are you sure you want to delete {{name}} in namespace {{namespace}}?', {
              name,
              namespace: vm.metadata?.namespace,
            })}
          </Content>
          <Checkbox
            id="delete-vm-grace"
            label={t('With grace period')}
            description={t('Let the guest shut down before it is removed.')}
            isChecked={withGrace}
            onChange={(_e, checked) => setWithGrace(checked)}
          />
          {withGrace && (
            <FormGroup label={t('Grace period (seconds)')} fieldId="delete-vm-grace-seconds">
              <NumberInput
                id="delete-vm-grace-seconds"
                value={grace}
                min={0}
                onMinus={() => setGrace(Math.max(0, grace - 1))}
                onPlus={() => setGrace(grace + 1)}
                onChange={(e) =>
                  setGrace(Math.max(0, Number((e.target as HTMLInputElement).value) || 0))
                }
                inputAriaLabel={t('Grace period (seconds)')}
                minusBtnAriaLabel={t('Decrease')}
                plusBtnAriaLabel={t('Increase')}
              />
            </FormGroup>
          )}
          <Checkbox
            id="delete-vm-disks"
            label={t('Delete disks')}
            description={
              disks.length
                ? t('Clear to keep the disks (DataVolumes) of this VirtualMachine.')
                : t('This VirtualMachine owns no DataVolumes.')
            }
            isChecked={deleteDisks}
            isDisabled={!disks.length}
            onChange={(_e, checked) => setDeleteDisks(checked)}
          />
          {disks.length > 0 && (
            <List aria-label={t('Disks of this VirtualMachine')}>
              {disks.map((disk) => (
                <ListItem key={disk}>{disk}</ListItem>
              ))}
            </List>
          )}
          {error !== undefined && <ModalErrorAlert error={error} />}
        </Stack>
      </ModalBody>
      <ModalFooter>
        <Button variant="danger" onClick={confirm} isLoading={busy} isDisabled={busy}>
          {t('Delete')}
        </Button>
        <Button variant="link" onClick={closeOverlay}>
          {t('Cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
};

export default DeleteVirtualMachineModal;
