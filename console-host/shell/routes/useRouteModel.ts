/** The model named by the `:ref` URL segment (plural for core kinds, `group~version~Kind` otherwise). */
import { useParams } from 'react-router';
import type { K8sModel } from '@openshift-console/dynamic-plugin-sdk';
import { useDiscovery } from '../../sdk/k8s/useK8sModels';
import { findModel } from '../../sdk/k8s/models';

export const useRouteModel = (): { model?: K8sModel; loaded: boolean; ref: string } => {
  const { ref = '' } = useParams();
  const { models, preferred, loaded } = useDiscovery();
  return { model: findModel(models, ref, preferred), loaded, ref };
};
