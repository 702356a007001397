import { StatusError } from '../../apiserver/core/statusError';
import type { KubeObject } from '../../apiserver/core/types';
import { sendJson } from '../../apiserver/http/respond';
import type { Vm } from '../handler/kubevirtObjects';
import {
  CLUSTER_INSTANCETYPE,
  CLUSTER_PREFERENCE,
  CONTROLLER_REVISION,
  INSTANCETYPE,
  PREFERENCE,
} from '../runtime/resources';
import type { ResourceRef } from '../runtime/resources';
import { expandInstancetype } from '../virt/instancetypeExpansion';
import type { Found, InstancetypeLookup } from '../virt/instancetypeSource';
import { findInstancetype, findPreference } from '../virt/instancetypeSource';
import type {
  ControllerRevision,
  InstancetypeObject,
  PreferenceObject,
  VirtualMachine,
  VmiSpec,
} from '../virt/types';
import { subresourceInternalError } from './subresourceErrors';
import type { SubresourceHandler, SubresourceRequest } from './subresourceRequest';

type Loaded = Map<string, KubeObject | undefined>;

const keyOf = (ref: ResourceRef, namespace: string | undefined, name: string): string =>
  `${ref.plural}/${ref.namespaced ? (namespace ?? '') : ''}/${name}`;

/**
 * Reads every object the VM's matchers could resolve to (the finder itself is synchronous): the
 * named instance type and preference of either kind, and the revisions the VM points at.
 */
const load = async (r: SubresourceRequest, vm: VirtualMachine): Promise<Loaded> => {
  const ns = vm.metadata.namespace ?? '';
  const wanted: [ResourceRef, string][] = [];
  const it = vm.spec.instancetype;
  const pref = vm.spec.preference;
  if (it?.name) wanted.push([INSTANCETYPE, it.name], [CLUSTER_INSTANCETYPE, it.name]);
  if (pref?.name) wanted.push([PREFERENCE, pref.name], [CLUSTER_PREFERENCE, pref.name]);
  for (const rev of [
    it?.revisionName,
    pref?.revisionName,
    vm.status?.instancetypeRef?.controllerRevisionRef?.name,
    vm.status?.preferenceRef?.controllerRevisionRef?.name,
  ]) {
    if (rev) wanted.push([CONTROLLER_REVISION, rev]);
  }
  const loaded: Loaded = new Map();
  await Promise.all(
    wanted.map(async ([ref, name]) => {
      loaded.set(keyOf(ref, ns, name), await r.api.find(ref, ns, name));
    }),
  );
  return loaded;
};

const lookupOver = (loaded: Loaded): InstancetypeLookup => ({
  instancetype: (ns, name) => loaded.get(keyOf(INSTANCETYPE, ns, name)) as InstancetypeObject,
  clusterInstancetype: (name) =>
    loaded.get(keyOf(CLUSTER_INSTANCETYPE, undefined, name)) as InstancetypeObject,
  preference: (ns, name) => loaded.get(keyOf(PREFERENCE, ns, name)) as PreferenceObject,
  clusterPreference: (name) =>
    loaded.get(keyOf(CLUSTER_PREFERENCE, undefined, name)) as PreferenceObject,
  revision: (ns, name) => loaded.get(keyOf(CONTROLLER_REVISION, ns, name)) as ControllerRevision,
});

const PLURALS: Record<string, string> = {
  VirtualMachineInstancetype: 'virtualmachineinstancetypes',
  VirtualMachineClusterInstancetype: 'virtualmachineclusterinstancetypes',
  VirtualMachinePreference: 'virtualmachinepreferences',
  VirtualMachineClusterPreference: 'virtualmachineclusterpreferences',
};

/** virt-api checks, with a SubjectAccessReview, that the caller may read what the VM references. */
const assertReadable = <T>(r: SubresourceRequest, vm: VirtualMachine, found: Found<T>) => {
  if ('error' in found) return;
  const resource = PLURALS[found.kind] ?? found.kind;
  const namespaced = !found.kind.includes('Cluster');
  const allowed = r.can({
    resourceRequest: true,
    verb: 'get',
    apiGroup: 'instancetype.kubevirt.io',
    resource,
    name: found.name,
    ...(namespaced ? { namespace: vm.metadata.namespace } : {}),
  });
  if (!allowed) {
    throw new StatusError(
      403,
      'Forbidden',
      `${resource} "${found.name}" is forbidden: Subject not allowed to access resource`,
      { name: found.name, kind: resource },
    );
  }
};

/** The VM with its instance type and preference applied and the matchers removed. */
export const expandVm = async (r: SubresourceRequest, vm: Vm): Promise<Vm> => {
  const typed = vm as VirtualMachine;
  if (!typed.spec.instancetype && !typed.spec.preference) return vm;
  const lookup = lookupOver(await load(r, typed));
  const it = findInstancetype(typed, lookup);
  if (it) assertReadable(r, typed, it);
  if (it && 'error' in it) throw subresourceInternalError(it.error);
  const pref = findPreference(typed, lookup);
  if (pref) assertReadable(r, typed, pref);
  if (pref && 'error' in pref) throw subresourceInternalError(pref.error);
  const template = typed.spec.template;
  const result = expandInstancetype(
    (template?.spec ?? { domain: { devices: {} } }) as VmiSpec,
    template?.metadata?.annotations,
    it?.spec,
    pref?.spec,
  );
  if (result.conflicts.length || result.topologyError) {
    throw subresourceInternalError('cannot expand instancetype to VM');
  }
  const { instancetype: _it, preference: _pref, ...spec } = typed.spec;
  return {
    ...vm,
    spec: {
      ...spec,
      template: {
        ...template,
        metadata: {
          ...template?.metadata,
          ...(Object.keys(result.annotations).length ? { annotations: result.annotations } : {}),
        },
        spec: result.spec,
      },
    },
  } as Vm;
};

/**
 * `virtualmachines/<name>/expand-spec`: the stored VM, expanded, so it can be read (or copied) on
 * its own.
 */
export const expandVmSpec: SubresourceHandler = async (r) => {
  const vm = await r.api.fetchVm(r.namespace, r.name);
  sendJson(r.res, 200, await expandVm(r, vm));
};
