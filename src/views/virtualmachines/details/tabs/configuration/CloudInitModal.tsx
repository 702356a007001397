import type { FC } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  FormGroup,
  TextArea,
  TextInput,
  ToggleGroup,
  ToggleGroupItem,
} from '@patternfly/react-core';
import FieldError from '../../../../../components/form/FieldError';
import FormModal from '../../../../../components/form/FormModal';
import { useValidationMessage } from '../../../../../components/form/useValidationMessage';
import type { VirtualMachine } from '../../../../../models/types';
import { validateCloudInitUserData, validateYAMLMapping } from '../../../../../utils/validation';
import {
  getCloudInit,
  getUserPassword,
  setCloudInit,
  withUserPassword,
} from '../../../../../utils/vmSpec/cloudInit';
import { patchVM } from './patchVM';

export type CloudInitModalProps = {
  /** Removes the modal (passed by `useOverlay`). */
  closeOverlay: () => void;
  /** The VM whose cloud-init data is edited. */
  vm: VirtualMachine;
};

/** Edits cloud-init: user and password in a form, or the raw user and network data as YAML. */
const CloudInitModal: FC<CloudInitModalProps> = ({ closeOverlay, vm }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const message = useValidationMessage();
  const initial = getCloudInit(vm);
  const [userData, setUserData] = useState(initial?.userData || '#cloud-config\n');
  // Scripts and other formats are edited as they are; the form only rewrites #cloud-config.
  const [mode, setMode] = useState<'form' | 'yaml'>(
    userData.trimStart().startsWith('#cloud-config') ? 'form' : 'yaml',
  );
  const [networkData, setNetworkData] = useState(initial?.networkData ?? '');
  const { user, password } = getUserPassword(userData);
  const [submitted, setSubmitted] = useState(false);
  const userIssue = validateCloudInitUserData(userData);
  const networkIssue = networkData.trim() ? validateYAMLMapping(networkData) : undefined;
  const userError = submitted || userData !== initial?.userData ? message(userIssue) : undefined;
  const networkError = message(networkIssue);

  return (
    <FormModal
      closeOverlay={closeOverlay}
      title={t('Edit cloud-init')}
      variant="large"
      isValid={!userIssue && !networkIssue}
      onInvalid={() => {
        setSubmitted(true);
        setMode('yaml');
      }}
      onSave={() => patchVM(vm, setCloudInit(userData, networkData))}
    >
      <ToggleGroup aria-label={t('cloud-init editor')}>
        <ToggleGroupItem
          text={t('Form')}
          buttonId="cloud-init-form"
          isDisabled={!userData.trimStart().startsWith('#cloud-config')}
          isSelected={mode === 'form'}
          onChange={() => setMode('form')}
        />
        <ToggleGroupItem
          text={t('Script (YAML)')}
          buttonId="cloud-init-yaml"
          isSelected={mode === 'yaml'}
          onChange={() => setMode('yaml')}
        />
      </ToggleGroup>
      {mode === 'form' ? (
        <>
          <FormGroup label={t('User')} fieldId="cloud-init-user">
            <TextInput
              id="cloud-init-user"
              value={user}
              onChange={(_e, v) => setUserData(withUserPassword(userData, v, password))}
            />
          </FormGroup>
          <FormGroup label={t('Password')} fieldId="cloud-init-password">
            <TextInput
              id="cloud-init-password"
              type="password"
              value={password}
              onChange={(_e, v) => setUserData(withUserPassword(userData, user, v))}
            />
          </FormGroup>
          {userIssue && (
            <FieldError
              message={t('The user data is not a valid #cloud-config: edit it as YAML.')}
            />
          )}
        </>
      ) : (
        <>
          <FormGroup label={t('User data')} fieldId="cloud-init-userdata" isRequired>
            <TextArea
              id="cloud-init-userdata"
              value={userData}
              rows={12}
              resizeOrientation="vertical"
              validated={userError ? 'error' : 'default'}
              onChange={(_e, v) => setUserData(v)}
              className="pf-v6-u-font-family-monospace"
            />
            <FieldError message={userError} />
          </FormGroup>
          <FormGroup label={t('Network data')} fieldId="cloud-init-networkdata">
            <TextArea
              id="cloud-init-networkdata"
              value={networkData}
              rows={5}
              resizeOrientation="vertical"
              validated={networkError ? 'error' : 'default'}
              onChange={(_e, v) => setNetworkData(v)}
              className="pf-v6-u-font-family-monospace"
            />
            <FieldError message={networkError} help={t('Optional; a YAML mapping.')} />
          </FormGroup>
        </>
      )}
    </FormModal>
  );
};

export default CloudInitModal;
