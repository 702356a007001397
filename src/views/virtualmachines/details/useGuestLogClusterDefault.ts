import { useK8sWatchResource } from '@openshift-console/dynamic-plugin-sdk';
import { KubeVirtModel, modelToGroupVersionKind } from '../../../models';
import { isGuestLogDisabledByCluster, type KubeVirtLike } from '../../../utils/guestSystemLog';

const KUBEVIRT_GVK = modelToGroupVersionKind(KubeVirtModel);

/**
 * Whether the cluster turns the guest system log off for VMs that do not choose: undefined while
 * unknown, which it stays for users who may not read the KubeVirt resource (it lives in the
 * operator's namespace).
 */
export const useGuestLogDisabledByCluster = (): boolean | undefined => {
  const [kubevirts, loaded, error] = useK8sWatchResource<KubeVirtLike[]>({
    groupVersionKind: KUBEVIRT_GVK,
    isList: true,
  });
  return loaded && !error && kubevirts?.length
    ? isGuestLogDisabledByCluster(kubevirts[0])
    : undefined;
};
