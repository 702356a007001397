import type { FC } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, FormGroup, FormSelect, FormSelectOption, TextInput } from '@patternfly/react-core';
import { useK8sWatchResource, type K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import FieldError from '../../../../../components/form/FieldError';
import FormModal from '../../../../../components/form/FormModal';
import { NetworkAttachmentDefinitionModel } from '../../../../../models';
import { modelToGroupVersionKind } from '../../../../../models/modelUtils';
import type { VirtualMachine } from '../../../../../models/types';
import { validateNICForm } from '../../../../../utils/vmSpec/forms';
import {
  isHotpluggableNIC,
  upsertNIC,
  type NICForm,
  type NICModel,
} from '../../../../../utils/vmSpec/nics';
import { patchVM } from './patchVM';
import { useIssueMessage } from './useIssueMessage';

export type NICModalProps = {
  /** Removes the modal (passed by `useOverlay`). */
  closeOverlay: () => void;
  /** The VM whose NIC is added or edited. */
  vm: VirtualMachine;
  /** The NIC to edit; a new one when absent. */
  nic?: NICForm;
  /** Whether the VM runs: a change then waits for a restart, unless the new NIC is hot plugged. */
  isRunning: boolean;
  /** Whether the running instance can live-migrate (a hot-plugged NIC arrives with a migration). */
  isMigratable: boolean;
};

const NAD_GVK = modelToGroupVersionKind(NetworkAttachmentDefinitionModel);
const POD = '__pod__';
/** NIC models as the API spells them. */
const MODELS: NICModel[] = ['virtio', 'e1000e'];
type Field = 'name' | 'macAddress' | 'network';

/** Adds or edits a network interface on the pod network or a NetworkAttachmentDefinition. */
const NICModal: FC<NICModalProps> = ({ closeOverlay, vm, nic, isRunning, isMigratable }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const issueMessage = useIssueMessage();
  const [nads, nadsLoaded] = useK8sWatchResource<K8sResourceCommon[]>({
    groupVersionKind: NAD_GVK,
    isList: true,
    namespace: vm.metadata?.namespace,
  });
  const count = (vm.spec?.template?.spec?.domain?.devices?.interfaces ?? []).length;
  const [form, setForm] = useState<NICForm>(
    () =>
      nic ?? {
        name: `nic-${count}`,
        model: 'virtio',
        network: { kind: 'multus', networkName: '' },
        macAddress: '',
      },
  );
  const [touched, setTouched] = useState<Partial<Record<Field, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const issues = validateNICForm(vm, form, nic?.name);
  const error = (field: Field) => {
    if (!(submitted || touched[field])) return undefined;
    if (field === 'network' && issues.network === 'taken')
      return t('The VirtualMachine already has a pod network interface.');
    return issueMessage(issues[field]);
  };
  const set = (patch: Partial<NICForm>, field: Field) => {
    setForm((current) => ({ ...current, ...patch }));
    setTouched((current) => ({ ...current, [field]: true }));
  };
  const networkValue = form.network.kind === 'pod' ? POD : form.network.networkName;
  const nadNames = (nads ?? []).map((n) => n.metadata?.name ?? '').filter(Boolean);
  const hotplug = isRunning && !nic && isHotpluggableNIC(form);
  const runningHint = !hotplug
    ? t('The VirtualMachine is running: the change applies when it restarts.')
    : isMigratable
      ? t(
          'The network interface is hot plugged: the VirtualMachine live migrates to a pod that has the network, without a restart.',
        )
      : t(
          'The network interface is hot plugged when the VirtualMachine live migrates, but it cannot be live migrated now: restart it to attach the interface.',
        );

  return (
    <FormModal
      closeOverlay={closeOverlay}
      title={nic ? t('Edit network interface') : t('Add network interface')}
      saveLabel={nic ? t('Save') : t('Add')}
      isValid={!Object.keys(issues).length}
      onInvalid={() => setSubmitted(true)}
      onSave={() => patchVM(vm, upsertNIC(form, nic?.name))}
    >
      {isRunning && <Alert variant="info" isInline isPlain title={runningHint} />}
      <FormGroup label={t('Name')} fieldId="nic-name" isRequired>
        <TextInput
          id="nic-name"
          value={form.name}
          isRequired
          validated={error('name') ? 'error' : 'default'}
          onChange={(_e, name) => set({ name }, 'name')}
        />
        <FieldError message={error('name')} />
      </FormGroup>
      <FormGroup label={t('Model')} fieldId="nic-model">
        <FormSelect
          id="nic-model"
          value={form.model}
          onChange={(_e, model) => setForm((c) => ({ ...c, model: model as NICModel }))}
        >
          {MODELS.map((model) => (
            <FormSelectOption key={model} value={model} label={model} />
          ))}
        </FormSelect>
      </FormGroup>
      <FormGroup label={t('Network')} fieldId="nic-network" isRequired>
        <FormSelect
          id="nic-network"
          value={networkValue}
          validated={error('network') ? 'error' : 'default'}
          onChange={(_e, value) =>
            set(
              {
                network: value === POD ? { kind: 'pod' } : { kind: 'multus', networkName: value },
              },
              'network',
            )
          }
        >
          <FormSelectOption value="" label={t('Select a network')} isPlaceholder />
          <FormSelectOption value={POD} label={t('Pod networking')} />
          {nadNames.map((name) => (
            <FormSelectOption key={name} value={name} label={name} />
          ))}
        </FormSelect>
        <FieldError
          message={error('network')}
          help={
            nadsLoaded && !nadNames.length
              ? t('No NetworkAttachmentDefinition in this project.')
              : t('Pod networking uses masquerade; a NetworkAttachmentDefinition uses bridge.')
          }
        />
      </FormGroup>
      <FormGroup label={t('MAC address')} fieldId="nic-mac">
        <TextInput
          id="nic-mac"
          value={form.macAddress ?? ''}
          validated={error('macAddress') ? 'error' : 'default'}
          onChange={(_e, macAddress) => set({ macAddress: macAddress.trim() }, 'macAddress')}
        />
        <FieldError
          message={error('macAddress')}
          help={t('Leave empty to get an address from the cluster.')}
        />
      </FormGroup>
    </FormModal>
  );
};

export default NICModal;
