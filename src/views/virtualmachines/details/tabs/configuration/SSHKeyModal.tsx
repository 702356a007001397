import type { FC } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormGroup, FormSelect, FormSelectOption, Radio, TextInput } from '@patternfly/react-core';
import { useK8sWatchResource, type K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import FieldError from '../../../../../components/form/FieldError';
import FormModal from '../../../../../components/form/FormModal';
import { SecretModel } from '../../../../../models';
import { modelToGroupVersionKind } from '../../../../../models/modelUtils';
import type { VirtualMachine } from '../../../../../models/types';
import { getSSHKeySettings, setSSHKey, type KeyInjection } from '../../../../../utils/vmSpec/ssh';
import { patchVM } from './patchVM';

export type SSHKeyModalProps = {
  /** Removes the modal (passed by `useOverlay`). */
  closeOverlay: () => void;
  /** The VM whose authorized key secret is chosen. */
  vm: VirtualMachine;
};

const SECRET_GVK = modelToGroupVersionKind(SecretModel);

/** Chooses the Secret holding the public SSH key and how the key reaches the guest. */
const SSHKeyModal: FC<SSHKeyModalProps> = ({ closeOverlay, vm }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const current = getSSHKeySettings(vm);
  const [secrets] = useK8sWatchResource<K8sResourceCommon[]>({
    groupVersionKind: SECRET_GVK,
    isList: true,
    namespace: vm.metadata?.namespace,
  });
  const [secretName, setSecretName] = useState(current?.secretName ?? '');
  const [injection, setInjection] = useState<KeyInjection>(current?.injection ?? 'static');
  const [users, setUsers] = useState((current?.users ?? []).join(', '));
  const [submitted, setSubmitted] = useState(false);
  const userList = users
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
  const usersMissing = Boolean(secretName) && injection === 'dynamic' && !userList.length;
  const names = (secrets ?? []).map((s) => s.metadata?.name ?? '').filter(Boolean);
  if (secretName && !names.includes(secretName)) names.unshift(secretName);

  return (
    <FormModal
      closeOverlay={closeOverlay}
      title={t('Edit public SSH key')}
      isValid={!usersMissing}
      onInvalid={() => setSubmitted(true)}
      onSave={() =>
        patchVM(vm, setSSHKey(secretName ? { secretName, injection, users: userList } : undefined))
      }
    >
      <FormGroup label={t('Secret')} fieldId="ssh-secret">
        <FormSelect id="ssh-secret" value={secretName} onChange={(_e, v) => setSecretName(v)}>
          <FormSelectOption value="" label={t('No public SSH key')} />
          {names.map((name) => (
            <FormSelectOption key={name} value={name} label={name} />
          ))}
        </FormSelect>
        <FieldError help={t('The Secret holds the public key under any key name.')} />
      </FormGroup>
      {secretName && (
        <FormGroup role="radiogroup" isStack label={t('Key injection')} fieldId="ssh-injection">
          <Radio
            id="ssh-injection-static"
            name="ssh-injection"
            label={t('At first boot (cloud-init)')}
            isChecked={injection === 'static'}
            onChange={() => setInjection('static')}
          />
          <Radio
            id="ssh-injection-dynamic"
            name="ssh-injection"
            label={t('Dynamic SSH key injection (guest agent)')}
            isChecked={injection === 'dynamic'}
            onChange={() => setInjection('dynamic')}
          />
        </FormGroup>
      )}
      {secretName && injection === 'dynamic' && (
        <FormGroup label={t('Guest users')} fieldId="ssh-users" isRequired>
          <TextInput
            id="ssh-users"
            value={users}
            validated={submitted && usersMissing ? 'error' : 'default'}
            onChange={(_e, v) => setUsers(v)}
          />
          <FieldError
            message={submitted && usersMissing ? t('Required') : undefined}
            help={t('Comma-separated guest users that get the key.')}
          />
        </FormGroup>
      )}
    </FormModal>
  );
};

export default SSHKeyModal;
