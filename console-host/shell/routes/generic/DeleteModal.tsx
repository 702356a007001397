/** Confirms and deletes a resource, then goes to its list. */
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Trans, useTranslation } from 'react-i18next';
import { Alert, Button, Modal, ModalBody, ModalFooter, ModalHeader } from '@patternfly/react-core';
import type { K8sModel, K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import { k8sDelete } from '../../../sdk/k8s/crud';
import { resourceListPath } from '../../../sdk/k8s/ref';

type Props = { model: K8sModel; resource: K8sResourceCommon; onClose: () => void };

export const DeleteModal = ({ model, resource, onClose }: Props) => {
  const { t } = useTranslation('console-host');
  const navigate = useNavigate();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const name = resource.metadata?.name ?? '';
  const confirm = async () => {
    setBusy(true);
    try {
      await k8sDelete({ model, resource });
      onClose();
      navigate(resourceListPath(model, resource.metadata?.namespace));
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };
  return (
    <Modal isOpen variant="small" onClose={onClose} aria-labelledby="delete-modal-title">
      <ModalHeader
        title={t('Delete {{kind}}?', { kind: model.label })}
        titleIconVariant="warning"
        labelId="delete-modal-title"
      />
      <ModalBody>
        <Trans t={t} ns="console-host" values={{ name }}>
          Are you sure you want to delete <strong>{'{{name}}'}</strong>?
        </Trans>
        {error && (
          <Alert isInline variant="danger" title={t('Error')} className="pf-v6-u-mt-md">
            {error}
          </Alert>
        )}
      </ModalBody>
      <ModalFooter>
        <Button variant="danger" onClick={() => void confirm()} isLoading={busy} isDisabled={busy}>
          {t('Delete')}
        </Button>
        <Button variant="link" onClick={onClose}>
          {t('Cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
};
