import type { KubeObject } from '../core/types';
import type { ResourceKind } from '../registry/resourceKind';

type Defaulter = (obj: KubeObject) => KubeObject;

/** What kube-apiserver's create strategies fill in for built-in kinds before storing them. */
const DEFAULTERS: Record<string, Defaulter> = {
  '/namespaces': (ns) => ({
    ...ns,
    metadata: {
      ...ns.metadata,
      labels: { ...ns.metadata.labels, 'kubernetes.io/metadata.name': ns.metadata.name ?? '' },
    },
    spec: { finalizers: ['kubernetes'], ...(ns.spec as object | undefined) },
    status: { phase: 'Active', ...(ns.status as object | undefined) },
  }),
  '/pods': (pod) => ({
    ...pod,
    status: { phase: 'Pending', ...(pod.status as object | undefined) },
  }),
  '/persistentvolumeclaims': (pvc) => ({
    ...pvc,
    status: { phase: 'Pending', ...(pvc.status as object | undefined) },
  }),
};

export const defaultOnCreate = (kind: ResourceKind, obj: KubeObject): KubeObject => {
  if (kind.source !== 'builtin') return obj;
  const defaulter = DEFAULTERS[`${kind.group}/${kind.plural}`];
  return defaulter ? defaulter(obj) : obj;
};
