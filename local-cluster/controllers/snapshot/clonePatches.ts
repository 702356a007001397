import { randomBytes } from 'node:crypto';
import type { V1beta1VirtualMachineCloneSpec } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import type { SnapshotVm } from './snapshotTypes';

/**
 * The JSON patches a VirtualMachineClone hands to its restore (KubeVirt's generatePatches): new
 * MAC addresses, the SMBIOS serial, labels and annotations filtered, the firmware UUID cleared so
 * the clone gets its own. Each patch is one JSON-encoded operation.
 */

/** A locally administered unicast MAC, as OpenShift's kubemacpool hands out when the clone asks
 * for none (KubeVirt leaves it empty for kubemacpool to fill). */
export const randomMac = (): string => {
  const b = randomBytes(5);
  return ['02', ...[...b].map((x) => x.toString(16).padStart(2, '0'))].join(':');
};

const escapePointer = (key: string): string => key.replaceAll('~', '~0').replaceAll('/', '~1');

/** KubeVirt's label/annotation filters: regular expressions, `*` for all, `!` to exclude;
 * exclusions win. No filters keeps everything. */
export const keptKeys = (
  keys: readonly string[],
  filters: readonly string[] | undefined,
): Set<string> => {
  if (!filters) return new Set(keys);
  const regular = filters.filter((f) => !f.startsWith('!')).map((f) => (f === '*' ? '.*' : f));
  const negated = filters.filter((f) => f.startsWith('!')).map((f) => f.slice(1));
  const matches = (re: string, key: string): boolean => {
    try {
      return new RegExp(re).test(key);
    } catch {
      return false;
    }
  };
  return new Set(
    keys.filter((k) => regular.some((r) => matches(r, k)) && !negated.some((n) => matches(n, k))),
  );
};

const removals = (
  map: Record<string, string> | undefined,
  filters: readonly string[] | undefined,
  base: string,
): string[] => {
  const keys = Object.keys(map ?? {});
  const kept = keptKeys(keys, filters);
  return keys
    .filter((k) => !kept.has(k))
    .map((k) => JSON.stringify({ op: 'remove', path: `${base}/${escapePointer(k)}` }));
};

export const clonePatches = (
  source: SnapshotVm,
  spec: V1beta1VirtualMachineCloneSpec,
  mac: () => string = randomMac,
): string[] => {
  const patches: string[] = [];
  const domain = source.spec.template.spec?.domain;
  (domain?.devices.interfaces ?? []).forEach((iface, i) => {
    patches.push(
      JSON.stringify({
        op: 'add',
        path: `/spec/template/spec/domain/devices/interfaces/${i}/macAddress`,
        value: spec.newMacAddresses?.[iface.name] ?? mac(),
      }),
    );
  });
  if (domain?.firmware) {
    patches.push(
      JSON.stringify({
        op: 'add',
        path: '/spec/template/spec/domain/firmware/serial',
        value: spec.newSMBiosSerial ?? '',
      }),
    );
    if (domain.firmware.uuid !== undefined) {
      patches.push(
        JSON.stringify({ op: 'remove', path: '/spec/template/spec/domain/firmware/uuid' }),
      );
    }
  }
  patches.push(...removals(source.metadata.labels, spec.labelFilters, '/metadata/labels'));
  const annotations = { ...(source.metadata.annotations ?? {}) };
  delete annotations['restore.kubevirt.io/lastRestoreUID'];
  patches.push(...removals(annotations, spec.annotationFilters, '/metadata/annotations'));
  const template = source.spec.template.metadata;
  patches.push(
    ...removals(template?.labels, spec.template?.labelFilters, '/spec/template/metadata/labels'),
    ...removals(
      template?.annotations,
      spec.template?.annotationFilters,
      '/spec/template/metadata/annotations',
    ),
  );
  return patches;
};

/** The name KubeVirt gives a clone whose target has no name: `<vm>-clone-<5 random>`. */
export const generatedCloneName = (sourceName: string, suffix: string): string => {
  const base = `${sourceName}-clone`;
  return `${base.length > 252 ? 'clone-object' : base}-${suffix}`;
};
