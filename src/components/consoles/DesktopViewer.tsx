import type { FC } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import CopyField from '../CopyField';
import {
  Alert,
  Button,
  Checkbox,
  Content,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  Spinner,
} from '@patternfly/react-core';
import { DownloadIcon } from '@patternfly/react-icons';
import { k8sCreate } from '@openshift-console/dynamic-plugin-sdk';
import { ServiceModel } from '../../models';
import type { VirtualMachine, VirtualMachineInstance } from '../../models/types';
import { patchVM } from '../../views/virtualmachines/details/tabs/configuration/patchVM';
import { downloadFile } from '../../utils/downloadFile';
import { getErrorMessage } from '../../utils/errors';
import {
  buildRDPFile,
  buildRDPService,
  decideRDPSelector,
  RDP_PORT,
  rdpAddress,
  rdpFileName,
  rdpServiceName,
} from '../../utils/rdp';
import { addSelectorLabel } from '../../utils/vmService';
import ModalErrorAlert from '../modals/ModalErrorAlert';
import { useNodePortAddress, useVMService } from '../services/useVMService';

type DesktopViewerProps = {
  vm: VirtualMachine;
  vmi?: VirtualMachineInstance;
  /** The guest user (from sysprep or cloud-init) the `.rdp` file names, when known. */
  user?: string;
};

type RDPServiceModalProps = {
  vm: VirtualMachine;
  vmi?: VirtualMachineInstance;
  onClose: () => void;
};

/** The "RDP Service" dialog: tick "Expose RDP Service" and save to create the NodePort Service. */
const RDPServiceModal: FC<RDPServiceModalProps> = ({ vm, vmi, onClose }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const [expose, setExpose] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const decision = decideRDPSelector(vm, vmi);
  const name = rdpServiceName(vm.metadata?.name ?? '');

  const save = async () => {
    setSaving(true);
    setError(undefined);
    try {
      if (decision.addLabel) await patchVM(vm, addSelectorLabel(decision.selector));
      await k8sCreate({ model: ServiceModel, data: buildRDPService(vm, decision.selector) });
      onClose();
    } catch (err) {
      setError(err);
      setSaving(false);
    }
  };

  return (
    <Modal isOpen onClose={onClose} variant="small" aria-labelledby="rdp-service-title">
      <ModalHeader title={t('RDP Service')} labelId="rdp-service-title" />
      <ModalBody>
        <Content component="p">
          {t(
            'Creates the Service {{name}} of type NodePort, which makes port {{port}} of the VirtualMachine reachable on every node of the cluster.',
            { name, port: RDP_PORT },
          )}
        </Content>
        <Checkbox
          id="rdp-service-expose"
          label={t('Expose RDP Service')}
          isChecked={expose}
          onChange={(_e, checked) => setExpose(checked)}
          className="pf-v6-u-mt-md"
        />
        {error !== undefined && (
          <div className="pf-v6-u-mt-md">
            <ModalErrorAlert error={error} />
          </div>
        )}
      </ModalBody>
      <ModalFooter>
        <Button variant="primary" onClick={save} isDisabled={!expose || saving} isLoading={saving}>
          {t('Save')}
        </Button>
        <Button variant="link" onClick={onClose}>
          {t('Cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
};

/**
 * The Desktop viewer of a Windows VM: RDP through a NodePort Service `<vm>-rdp`. Offers to
 * create the Service, shows the address (node address and node port) and downloads a `.rdp`
 * file for the user's Remote Desktop client (naming `user` when it is known).
 */
const DesktopViewer: FC<DesktopViewerProps> = ({ vm, vmi, user }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const vmName = vm.metadata?.name ?? '';
  const name = rdpServiceName(vmName);
  const { service, ready, readError } = useVMService(name, vm.metadata?.namespace);
  const address = useNodePortAddress(Boolean(service), vmi?.status?.nodeName);
  const access = rdpAddress(service, address);
  const [creating, setCreating] = useState(false);
  const restartNeeded = Boolean(service) && decideRDPSelector(vm, vmi).restartNeeded;

  const launch = () => {
    if (access.state !== 'ready') return;
    downloadFile(
      rdpFileName(vmName),
      buildRDPFile(access.host, access.port, user),
      'application/x-rdp;charset=utf-8',
    );
  };

  return (
    <section aria-label={t('Desktop viewer')}>
      <Content component="p">
        {t(
          'The desktop viewer connects to the guest with the Remote Desktop Protocol (RDP) through a Service that exposes port {{port}} on the nodes of the cluster. It needs Remote Desktop enabled in the guest, the QEMU guest agent, and an RDP client on a computer that can reach the nodes.',
          { port: RDP_PORT },
        )}
      </Content>
      {!ready && <Spinner size="lg" aria-label={t('Loading')} />}
      {readError !== undefined && (
        <Alert variant="warning" isInline title={t('The RDP service could not be read')}>
          {getErrorMessage(readError)}
        </Alert>
      )}
      {ready && readError === undefined && !service && (
        <Button variant="secondary" className="pf-v6-u-mt-md" onClick={() => setCreating(true)}>
          {t('Create RDP Service')}
        </Button>
      )}
      {service && (
        <DescriptionList className="pf-v6-u-mt-md">
          <DescriptionListGroup>
            <DescriptionListTerm>{t('RDP Service')}</DescriptionListTerm>
            <DescriptionListDescription>{name}</DescriptionListDescription>
          </DescriptionListGroup>
          <DescriptionListGroup>
            <DescriptionListTerm>{t('Address')}</DescriptionListTerm>
            <DescriptionListDescription>
              {access.state === 'ready' && (
                <CopyField label={t('RDP address')} copyLabel={t('Copy RDP address')}>
                  {`${access.host}:${access.port}`}
                </CopyField>
              )}
              {access.state === 'pendingNodePort' &&
                t('Pending: the Service {{name}} has no node port yet.', { name })}
              {access.state === 'noNodeAddress' &&
                t(
                  'No node address could be read. Connect to port {{port}} on the address of any node of the cluster.',
                  { port: access.port },
                )}
              {access.state === 'none' &&
                t('The Service {{name}} is not of type NodePort.', { name })}
            </DescriptionListDescription>
          </DescriptionListGroup>
        </DescriptionList>
      )}
      {restartNeeded && (
        <Alert
          variant="info"
          isInline
          isPlain
          className="pf-v6-u-mt-md"
          title={t('Restart the VirtualMachine to reach it through the Service')}
        />
      )}
      {service && (
        <Button
          variant="primary"
          className="pf-v6-u-mt-md"
          icon={<DownloadIcon />}
          isDisabled={access.state !== 'ready'}
          onClick={launch}
        >
          {t('Launch Remote Desktop')}
        </Button>
      )}
      {creating && <RDPServiceModal vm={vm} vmi={vmi} onClose={() => setCreating(false)} />}
    </section>
  );
};

export default DesktopViewer;
