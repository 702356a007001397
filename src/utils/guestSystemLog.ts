import type { K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import type { VirtualMachine, VirtualMachineInstance } from '../models/types';
import { terminalOutputToText } from './consoleLog';
import { draftTemplateSpec } from './vmSpec/types';
import type { Recipe } from './vmPatch';

/**
 * Guest system log: KubeVirt's serial console log. When it is on, the VM's virt-launcher pod has a
 * `guest-console-log` container whose log is what the guest wrote to its serial console.
 * On per VM with `devices.logSerialConsole`, else by the cluster's KubeVirt configuration
 * (`virtualMachineOptions.disableSerialConsoleLog`, set by default in OpenShift Virtualization).
 */

export const GUEST_CONSOLE_LOG_CONTAINER = 'guest-console-log';
/** The label KubeVirt puts on a VMI's launcher pods: the VMI's uid. */
export const CREATED_BY_LABEL = 'kubevirt.io/created-by';
/** How many of the last lines the viewer loads. */
export const GUEST_LOG_TAIL_LINES = 1000;

export type KubeVirtLike = K8sResourceCommon & {
  spec?: { configuration?: { virtualMachineOptions?: { disableSerialConsoleLog?: unknown } } };
};

/** The cluster default: KubeVirt's `disableSerialConsoleLog` is an empty struct, present = off. */
export const isGuestLogDisabledByCluster = (kubevirt: KubeVirtLike | undefined): boolean => {
  const v = kubevirt?.spec?.configuration?.virtualMachineOptions?.disableSerialConsoleLog;
  return v !== undefined && v !== null && v !== false;
};

/** The VM's own choice: true/false, or undefined to follow the cluster default. */
export const getLogSerialConsole = (vm: VirtualMachine): boolean | undefined => {
  const value = vm.spec?.template?.spec?.domain?.devices?.logSerialConsole;
  return typeof value === 'boolean' ? value : undefined;
};

/**
 * Whether the VM gets a guest system log when it (re)starts. Never without an auto-attached serial
 * console; else the VM's setting; else the cluster default, undefined while that is unknown.
 */
export const isGuestLogEnabled = (
  vm: VirtualMachine,
  clusterDisabled: boolean | undefined,
): boolean | undefined => {
  if (vm.spec?.template?.spec?.domain?.devices?.autoattachSerialConsole === false) return false;
  const own = getLogSerialConsole(vm);
  if (own !== undefined) return own;
  return clusterDisabled === undefined ? undefined : !clusterDisabled;
};

/** The per-VM override: `logSerialConsole` true or false (explicit, whatever the default). */
export const setLogSerialConsole =
  (enabled: boolean): Recipe<VirtualMachine> =>
  (vm) => {
    draftTemplateSpec(vm as VirtualMachine).domain.devices.logSerialConsole = enabled;
  };

export type PodLike = K8sResourceCommon & {
  spec?: { nodeName?: string; containers?: { name: string }[] };
  status?: { phase?: string };
};

/** The label selector of a VMI's launcher pods (one list watch, no watch per pod). */
export const launcherPodSelector = (vmi: VirtualMachineInstance) => ({
  matchLabels: { [CREATED_BY_LABEL]: vmi.metadata?.uid ?? '' },
});

/**
 * The pod the guest runs in: a launcher pod of this VMI that has not ended, on the VMI's node
 * (a migration target elsewhere is not it yet), the newest first.
 */
export const pickLauncherPod = <P extends PodLike>(
  pods: readonly P[],
  vmi: VirtualMachineInstance,
): P | undefined =>
  pods
    .filter(
      (p) =>
        p.metadata?.labels?.[CREATED_BY_LABEL] === vmi.metadata?.uid &&
        !p.metadata?.deletionTimestamp &&
        p.status?.phase !== 'Succeeded' &&
        p.status?.phase !== 'Failed' &&
        (!vmi.status?.nodeName || p.spec?.nodeName === vmi.status.nodeName),
    )
    .sort((a, b) =>
      (b.metadata?.creationTimestamp ?? '').localeCompare(a.metadata?.creationTimestamp ?? ''),
    )[0];

/** True when the pod has the serial console log sidecar. */
export const hasGuestLogContainer = (pod: PodLike | undefined): boolean =>
  Boolean(pod?.spec?.containers?.some((c) => c.name === GUEST_CONSOLE_LOG_CONTAINER));

/** The console URL of the `guest-console-log` container's log: its last `tailLines` lines, or all. */
export const guestLogUrl = (
  namespace: string,
  pod: string,
  tailLines: number | 'all' = GUEST_LOG_TAIL_LINES,
): string => {
  const query = new URLSearchParams({ container: GUEST_CONSOLE_LOG_CONTAINER });
  if (tailLines !== 'all') query.set('tailLines', String(tailLines));
  return `/api/kubernetes/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod)}/log?${query.toString()}`;
};

/** The log as readable lines: terminal colours and controls dropped, no trailing empty line. */
export const guestLogLines = (raw: string): string[] => {
  const text = terminalOutputToText(raw);
  const lines = text.split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines;
};

/** The download name: `<ns>-<vm>-guest-system-log-<UTC timestamp>.log`. */
export const guestLogFileName = (namespace: string, name: string, when: Date): string =>
  `${namespace}-${name}-guest-system-log-${when.toISOString().replace(/[:.]/g, '-')}.log`;
