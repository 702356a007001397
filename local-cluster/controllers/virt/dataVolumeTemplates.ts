import type { V1DataVolumeTemplateSpec } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import { ownerReferenceTo } from './instancetypeSource';
import { ANNOTATION_ALLOW_CLAIM_ADOPTION } from './kubevirtNames';
import type { DataSource, DataVolume, VirtualMachine } from './types';

/**
 * The DataVolume a VM's `dataVolumeTemplates` entry becomes (KubeVirt's
 * GenerateDataVolumeFromTemplate): owned by the VM, allowed to adopt an existing claim, and with
 * a `sourceRef` to a DataSource resolved into the source it points at.
 */

export type DataVolumeBuild = { dataVolume: DataVolume } | { error: string };

export const dataVolumeFromTemplate = (
  vm: VirtualMachine,
  template: V1DataVolumeTemplateSpec,
  dataSource: (namespace: string, name: string) => DataSource | undefined,
): DataVolumeBuild => {
  const namespace = vm.metadata.namespace ?? '';
  const spec = structuredClone(template.spec) as NonNullable<DataVolume['spec']>;
  const priorityClassName = vm.spec.template.spec?.priorityClassName;
  if (!spec.priorityClassName && priorityClassName) spec.priorityClassName = priorityClassName;
  const ref = spec.sourceRef;
  if (ref && (ref.kind ?? 'DataSource') === 'DataSource') {
    const dsNamespace = ref.namespace ?? namespace;
    const ds = dataSource(dsNamespace, ref.name);
    if (!ds) return { error: `datasources.cdi.kubevirt.io "${ref.name}" not found` };
    const { pvc, snapshot } = ds.spec?.source ?? {};
    if (pvc || snapshot) {
      delete spec.sourceRef;
      spec.source = pvc
        ? { pvc: { name: pvc.name, namespace: pvc.namespace ?? dsNamespace } }
        : { snapshot: { name: snapshot?.name, namespace: snapshot?.namespace ?? dsNamespace } };
    }
  }
  return {
    dataVolume: {
      apiVersion: 'cdi.kubevirt.io/v1beta1',
      kind: 'DataVolume',
      metadata: {
        name: template.metadata?.name,
        namespace,
        labels: { ...template.metadata?.labels },
        annotations: {
          ...template.metadata?.annotations,
          [ANNOTATION_ALLOW_CLAIM_ADOPTION]: 'true',
        },
        ownerReferences: [ownerReferenceTo(vm)],
      },
      spec,
    },
  };
};
