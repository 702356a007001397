import type { V1InstancetypeStatusRef } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import type { KubeObject } from '../../apiserver/core/types';
import type {
  ControllerRevision,
  InstancetypeObject,
  InstancetypeSpec,
  PreferenceObject,
  PreferenceSpec,
  VirtualMachine,
} from './types';

/**
 * Where a VM's instance type and preference come from: the ControllerRevision the VM controller
 * stored when it first saw the reference (so later edits of the instance type do not change a
 * VM), else the live object. Also builds those revisions, named and labelled as KubeVirt does.
 */

export interface InstancetypeLookup {
  instancetype(namespace: string, name: string): InstancetypeObject | undefined;
  clusterInstancetype(name: string): InstancetypeObject | undefined;
  preference(namespace: string, name: string): PreferenceObject | undefined;
  clusterPreference(name: string): PreferenceObject | undefined;
  revision(namespace: string, name: string): ControllerRevision | undefined;
}

export type Found<T> =
  | { spec: T; kind: string; name: string; live?: KubeObject; revisionName?: string }
  | { error: string };

const INSTANCETYPE_GROUP = 'instancetype.kubevirt.io';

type Which = 'instancetype' | 'preference';

const KINDS: Record<
  Which,
  { namespaced: string; cluster: string; plural: string; clusterPlural: string; matcher: string }
> = {
  instancetype: {
    namespaced: 'VirtualMachineInstancetype',
    cluster: 'VirtualMachineClusterInstancetype',
    plural: 'virtualmachineinstancetypes',
    clusterPlural: 'virtualmachineclusterinstancetypes',
    matcher: 'InstancetypeMatcher',
  },
  preference: {
    namespaced: 'VirtualMachinePreference',
    cluster: 'VirtualMachineClusterPreference',
    plural: 'virtualmachinepreferences',
    clusterPlural: 'virtualmachineclusterpreferences',
    matcher: 'PreferenceMatcher',
  },
};

/** The matcher's kind, normalised; an empty kind means the cluster-wide kind. */
const kindOf = (which: Which, kind: string | undefined): string | undefined => {
  const k = KINDS[which];
  const lower = (kind ?? '').toLowerCase();
  if (lower === '' || lower === k.cluster.toLowerCase() || lower === k.clusterPlural)
    return k.cluster;
  if (lower === k.namespaced.toLowerCase() || lower === k.plural) return k.namespaced;
  return undefined;
};

const specFromRevision = <T>(rev: ControllerRevision | undefined): T | undefined => {
  const data = rev?.data as { spec?: T } | undefined;
  return data?.spec;
};

const matcherOf = (vm: VirtualMachine, which: Which) =>
  which === 'instancetype' ? vm.spec.instancetype : vm.spec.preference;

const statusRefOf = (vm: VirtualMachine, which: Which): V1InstancetypeStatusRef | undefined =>
  which === 'instancetype' ? vm.status?.instancetypeRef : vm.status?.preferenceRef;

const find = <T>(
  vm: VirtualMachine,
  which: Which,
  lookup: InstancetypeLookup,
): Found<T> | undefined => {
  const matcher = matcherOf(vm, which);
  if (!matcher?.name) return undefined;
  const kind = kindOf(which, matcher.kind);
  if (!kind) return { error: `got unexpected kind in ${KINDS[which].matcher}: ${matcher.kind}` };
  const ns = vm.metadata.namespace ?? '';
  const statusRef = statusRefOf(vm, which);
  const refMatches = statusRef?.name === matcher.name && kindOf(which, statusRef.kind) === kind;
  const revisionName =
    matcher.revisionName || (refMatches ? statusRef?.controllerRevisionRef?.name : undefined);
  if (revisionName) {
    const spec = specFromRevision<T>(lookup.revision(ns, revisionName));
    if (spec) return { spec, kind, name: matcher.name, revisionName };
  }
  const namespaced = kind === KINDS[which].namespaced;
  const live =
    which === 'instancetype'
      ? namespaced
        ? lookup.instancetype(ns, matcher.name)
        : lookup.clusterInstancetype(matcher.name)
      : namespaced
        ? lookup.preference(ns, matcher.name)
        : lookup.clusterPreference(matcher.name);
  if (!live) {
    const plural = namespaced ? KINDS[which].plural : KINDS[which].clusterPlural;
    return { error: `${plural}.${INSTANCETYPE_GROUP} "${matcher.name}" not found` };
  }
  return { spec: live.spec as T, kind, name: matcher.name, live };
};

export const findInstancetype = (vm: VirtualMachine, lookup: InstancetypeLookup) =>
  find<InstancetypeSpec>(vm, 'instancetype', lookup);

export const findPreference = (vm: VirtualMachine, lookup: InstancetypeLookup) =>
  find<PreferenceSpec>(vm, 'preference', lookup);

/** KubeVirt's revision name: `<vm>-<object>-<version>-<object uid>-<object generation>`. */
export const revisionNameFor = (vmName: string, obj: KubeObject): string => {
  const version = String(obj.apiVersion ?? '').split('/')[1] ?? 'v1beta1';
  return `${vmName}-${obj.metadata.name ?? ''}-${version}-${obj.metadata.uid ?? ''}-${obj.metadata.generation ?? 1}`;
};

/** The ControllerRevision snapshotting an instance type or preference for one VM. */
export const buildRevision = (vm: VirtualMachine, obj: KubeObject): ControllerRevision => {
  const version = String(obj.apiVersion ?? '').split('/')[1] ?? 'v1beta1';
  const {
    labels: _l,
    annotations: _a,
    finalizers: _f,
    ownerReferences: _o,
    managedFields: _m,
    ...meta
  } = obj.metadata;
  return {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name: revisionNameFor(vm.metadata.name ?? '', obj),
      namespace: vm.metadata.namespace,
      ownerReferences: [ownerReferenceTo(vm)],
      labels: {
        'instancetype.kubevirt.io/object-generation': String(obj.metadata.generation ?? 1),
        'instancetype.kubevirt.io/object-kind': String(obj.kind ?? ''),
        'instancetype.kubevirt.io/object-name': obj.metadata.name ?? '',
        'instancetype.kubevirt.io/object-uid': obj.metadata.uid ?? '',
        'instancetype.kubevirt.io/object-version': version,
      },
    },
    data: { apiVersion: obj.apiVersion, kind: obj.kind, metadata: meta, spec: obj.spec },
    revision: 0,
  };
};

export const ownerReferenceTo = (vm: VirtualMachine) => ({
  apiVersion: 'kubevirt.io/v1',
  kind: 'VirtualMachine',
  name: vm.metadata.name ?? '',
  uid: vm.metadata.uid ?? '',
  controller: true,
  blockOwnerDeletion: true,
});

/** The status reference a stored revision earns: `{kind, name, controllerRevisionRef}`. */
export const statusRefFor = (
  found: { kind: string; name: string },
  revisionName: string,
): V1InstancetypeStatusRef => ({
  kind: found.kind,
  name: found.name,
  controllerRevisionRef: { name: revisionName },
});
