import type { FC } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import CopyField from '../../../../../components/CopyField';
import {
  Alert,
  Flex,
  FlexItem,
  FormSelect,
  FormSelectOption,
  HelperText,
  HelperTextItem,
  Spinner,
} from '@patternfly/react-core';
import { k8sCreate, k8sDelete, k8sPatch } from '@openshift-console/dynamic-plugin-sdk';
import { useNodePortAddress, useVMService } from '../../../../../components/services/useVMService';
import { ServiceModel } from '../../../../../models';
import type { VirtualMachine, VirtualMachineInstance } from '../../../../../models/types';
import { getErrorMessage } from '../../../../../utils/errors';
import {
  addSelectorLabel,
  buildSSHService,
  decideSelector,
  NODE_ADDRESS_PLACEHOLDER,
  planSSHServiceChange,
  sshServiceAccess,
  sshServiceName,
  type SSHServiceType,
  sshServiceTypeOf,
} from '../../../../../utils/sshService';
import { getCloudInitUser } from '../../../../../utils/vmFields';
import { patchVM } from './patchVM';
import { SettingItem } from './SettingItem';

type SSHServiceSettingProps = {
  vm: VirtualMachine;
  vmi?: VirtualMachineInstance;
};

/**
 * SSH access through a Service: the type list (None / NodePort / LoadBalancer) creates, retypes
 * or deletes `<vm>-ssh-service`, and the `ssh` command through it is shown to copy.
 */
const SSHServiceSetting: FC<SSHServiceSettingProps> = ({ vm, vmi }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const name = sshServiceName(vm.metadata?.name ?? '');
  const namespace = vm.metadata?.namespace;
  const { service, ready, readError } = useVMService(name, namespace);
  const type = sshServiceTypeOf(service);
  const address = useNodePortAddress(type === 'NodePort', vmi?.status?.nodeName);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const decision = decideSelector(vm, vmi);
  const access = sshServiceAccess(service, getCloudInitUser(vm), address);
  const label = Object.entries(decision.selector)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');

  const choose = async (target: SSHServiceType) => {
    const change = planSSHServiceChange(service, target);
    if (change.op === 'create') {
      if (decision.addLabel) await patchVM(vm, addSelectorLabel(decision.selector));
      await k8sCreate({
        model: ServiceModel,
        data: buildSSHService(vm, change.type, decision.selector),
      });
    } else if (change.op === 'patch' && service) {
      await k8sPatch({ model: ServiceModel, resource: service, data: change.data });
    } else if (change.op === 'delete' && service) {
      await k8sDelete({ model: ServiceModel, resource: service });
    }
  };

  const onChange = (target: SSHServiceType) => {
    setBusy(true);
    setError(undefined);
    choose(target)
      .catch((err: unknown) => setError(err))
      .finally(() => setBusy(false));
  };

  return (
    <>
      <SettingItem term={t('SSH service type')}>
        <Flex alignItems={{ default: 'alignItemsCenter' }} flexWrap={{ default: 'nowrap' }}>
          <FlexItem>
            <FormSelect
              id="ssh-service-type"
              aria-label={t('SSH service type')}
              value={type}
              style={{ minWidth: '28ch' }}
              isDisabled={!ready || busy || readError !== undefined}
              onChange={(_e, value) => onChange(value as SSHServiceType)}
            >
              <FormSelectOption value="none" label={t('None')} />
              <FormSelectOption value="NodePort" label={t('SSH over NodePort')} />
              <FormSelectOption value="LoadBalancer" label={t('SSH over LoadBalancer')} />
            </FormSelect>
          </FlexItem>
          {(busy || !ready) && (
            <FlexItem>
              <Spinner size="md" aria-label={busy ? t('Saving') : t('Loading')} />
            </FlexItem>
          )}
        </Flex>
        {type === 'none' && ready && !readError && (
          <HelperText className="pf-v6-u-mt-sm">
            <HelperTextItem>
              {decision.addLabel
                ? t(
                    'Choosing a type creates the Service {{name}} for port 22 and adds the label {{label}} to the VirtualMachine template. The label takes effect when the VirtualMachine starts or restarts.',
                    { name, label },
                  )
                : t('Choosing a type creates the Service {{name}} for port 22.', { name })}
            </HelperTextItem>
          </HelperText>
        )}
        {readError !== undefined && (
          <Alert
            variant="warning"
            isInline
            isPlain
            className="pf-v6-u-mt-sm"
            title={t('The SSH service could not be read')}
          >
            {getErrorMessage(readError)}
          </Alert>
        )}
        {error !== undefined && (
          <Alert
            variant="danger"
            isInline
            className="pf-v6-u-mt-sm"
            title={t('The SSH service could not be changed')}
            aria-live="polite"
          >
            {getErrorMessage(error)}
          </Alert>
        )}
      </SettingItem>
      {type !== 'none' && (
        <SettingItem
          term={type === 'NodePort' ? t('SSH over NodePort') : t('SSH over LoadBalancer')}
        >
          {access.state === 'ready' && (
            <CopyField
              label={t('SSH command through the Service')}
              copyLabel={t('Copy SSH command')}
            >
              {access.command}
            </CopyField>
          )}
          {access.state === 'pendingIngress' && (
            <HelperText>
              <HelperTextItem>
                {t(
                  'Pending: the load balancer has not assigned an address to the Service {{name}} yet.',
                  { name },
                )}
              </HelperTextItem>
            </HelperText>
          )}
          {access.state === 'pendingNodePort' && (
            <HelperText>
              <HelperTextItem>
                {t('Pending: the Service {{name}} has no node port yet.', { name })}
              </HelperTextItem>
            </HelperText>
          )}
          <HelperText className="pf-v6-u-mt-sm">
            {access.state === 'ready' && access.placeholder && (
              <HelperTextItem>
                {t(
                  'No node address could be read. Replace {{placeholder}} with the address of any node of the cluster.',
                  { placeholder: NODE_ADDRESS_PLACEHOLDER },
                )}
              </HelperTextItem>
            )}
            <HelperTextItem>{t('Service: {{name}}', { name })}</HelperTextItem>
          </HelperText>
          {decision.restartNeeded && (
            <Alert
              variant="info"
              isInline
              isPlain
              className="pf-v6-u-mt-sm"
              title={t('Restart the VirtualMachine to reach it through the Service')}
            >
              {t(
                'The Service selects the label {{label}}, which the running VirtualMachine does not carry yet. Template labels apply when the VirtualMachine restarts.',
                { label },
              )}
            </Alert>
          )}
        </SettingItem>
      )}
    </>
  );
};

export default SSHServiceSetting;
