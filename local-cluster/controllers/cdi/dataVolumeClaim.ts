import type { KubeObject, OwnerReference } from '../../apiserver/core/types';
import { ANN, cdiControllerLabels } from './cdiNames';
import type { CloneStrategy, DataVolume, Pvc, PvcSpec } from './cdiTypes';
import type { TransferPlan } from './dataVolumeSource';

/** Annotations of a DataVolume that are not meant for its claim. */
const NOT_PASSED = new Set(['kubectl.kubernetes.io/last-applied-configuration']);

export const dataVolumeOwnerRef = (dv: DataVolume): OwnerReference => ({
  apiVersion: 'cdi.kubevirt.io/v1beta1',
  kind: 'DataVolume',
  name: dv.metadata.name ?? '',
  uid: dv.metadata.uid ?? '',
  controller: true,
  blockOwnerDeletion: true,
});

export const isControlledBy = (obj: KubeObject, owner: KubeObject): boolean =>
  (obj.metadata.ownerReferences ?? []).some(
    (r) => r.controller === true && r.uid === owner.metadata.uid,
  );

/** The annotations through which CDI tells its pods what to transfer. */
const transferAnnotations = (
  dv: DataVolume,
  plan: TransferPlan,
  cloneStrategy: CloneStrategy,
): Record<string, string> => {
  const ann: Record<string, string> = {};
  switch (plan.kind) {
    case 'import': {
      ann[ANN.source] = plan.source;
      if (plan.endpoint) ann[ANN.endpoint] = plan.endpoint;
      const http = dv.spec.source?.http;
      const registry = dv.spec.source?.registry;
      const secret = http?.secretRef ?? registry?.secretRef;
      const cert = http?.certConfigMap ?? registry?.certConfigMap;
      if (secret) ann[ANN.secret] = secret;
      if (cert) ann[ANN.certConfigMap] = cert;
      if (registry)
        ann[ANN.registryImportMethod] = registry.pullMethod === 'node' ? 'node' : 'skopeo';
      ann[ANN.preallocationRequested] = String(dv.spec.preallocation === true);
      break;
    }
    case 'upload':
      ann[ANN.uploadTarget] = '';
      ann[ANN.preallocationRequested] = String(dv.spec.preallocation === true);
      break;
    case 'clone':
      ann[ANN.cloneRequest] = `${plan.from.namespace}/${plan.from.name}`;
      ann[ANN.cloneType] = cloneStrategy;
      break;
    default:
      break;
  }
  return ann;
};

/**
 * The claim CDI creates for a DataVolume: same name and namespace, controlled by the DV, carrying
 * the DV's labels and annotations, CDI's recommended labels and the transfer annotations.
 */
export const claimForDataVolume = (
  dv: DataVolume,
  spec: PvcSpec,
  plan: TransferPlan,
  cloneStrategy: CloneStrategy,
  cloneFallbackReason?: string,
): Pvc => {
  const passed = Object.fromEntries(
    Object.entries(dv.metadata.annotations ?? {}).filter(([k]) => !NOT_PASSED.has(k)),
  );
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: {
      name: dv.metadata.name,
      namespace: dv.metadata.namespace,
      labels: { ...cdiControllerLabels(), ...dv.metadata.labels },
      annotations: {
        ...passed,
        [ANN.contentType]: dv.spec.contentType ?? 'kubevirt',
        [ANN.createdForDataVolume]: dv.metadata.uid ?? '',
        ...transferAnnotations(dv, plan, cloneStrategy),
        ...(cloneFallbackReason ? { [ANN.cloneFallbackReason]: cloneFallbackReason } : {}),
      },
      ownerReferences: [dataVolumeOwnerRef(dv)],
    },
    spec,
  };
};
