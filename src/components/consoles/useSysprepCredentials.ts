import { useMemo } from 'react';
import { useK8sWatchResource } from '@openshift-console/dynamic-plugin-sdk';
import { ConfigMapModel, SecretModel } from '../../models';
import { modelToGroupVersionKind } from '../../models/modelUtils';
import type { VirtualMachine } from '../../models/types';
import type { ConfigMap } from '../../utils/sysprep';
import {
  getSysprepCredentials,
  type SysprepCredentials,
  sysprepSourceFiles,
} from '../../utils/sysprepCredentials';
import { getSysprep } from '../../utils/vmSpec/cloudInit';

const CONFIG_MAP_GVK = modelToGroupVersionKind(ConfigMapModel);
const SECRET_GVK = modelToGroupVersionKind(SecretModel);

/**
 * The Windows login the VM's sysprep answer files set: watches the one ConfigMap or Secret its
 * sysprep volume names (nothing without a sysprep volume). Undefined while loading, when it
 * cannot be read or when the files name no account.
 */
export const useSysprepCredentials = (vm: VirtualMachine): SysprepCredentials | undefined => {
  const source = getSysprep(vm);
  const [resource, loaded, error] = useK8sWatchResource<ConfigMap>(
    source
      ? {
          groupVersionKind: source.kind === 'secret' ? SECRET_GVK : CONFIG_MAP_GVK,
          name: source.name,
          namespace: vm.metadata?.namespace,
        }
      : null,
  );
  const usable = Boolean(source && loaded && !error);
  const data = usable ? resource?.data : undefined;
  const kind = source?.kind;
  return useMemo(
    () => (data && kind ? getSysprepCredentials(sysprepSourceFiles({ data }, kind)) : undefined),
    [data, kind],
  );
};
