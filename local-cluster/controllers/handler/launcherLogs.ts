import type { KubeObject } from '../../apiserver/core/types';
import type { ContainerLog, ContainerLogSource } from '../../apiserver/http/podLog';
import { GUEST_CONSOLE_LOG_CONTAINER } from '../virt/launcherPod';
import { LABEL_APP, LABEL_CREATED_BY } from '../virt/kubevirtNames';

/** The part of the GuestManager the logs need: a VMI's serial transcript, by uid. */
export interface TranscriptHost {
  serialTranscript(uid: string): ContainerLog | undefined;
  transcriptFor(uid: string): ContainerLog;
}

const isTerminal = (pod: KubeObject): boolean => {
  const phase = (pod as { status?: { phase?: string } }).status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
};

/** A container that writes nothing and ends with the guest (the local `compute`). */
const quietUntil = (guest: ContainerLog): ContainerLog => ({
  get ended() {
    return guest.ended;
  },
  snapshot: () => [],
  subscribe: (_onLine, onEnd) => guest.subscribe(() => undefined, onEnd),
});

/**
 * The kubelet's logs of virt-launcher pods: `guest-console-log` prints what the guest wrote to
 * its serial port since power-on (virt-tail over libvirt's serial log file); `compute` has no
 * output here, and stays open while the guest runs.
 */
export const launcherLogSource =
  (guests: TranscriptHost): ContainerLogSource =>
  (pod, container) => {
    const labels = pod.metadata.labels ?? {};
    const uid = labels[LABEL_CREATED_BY];
    if (labels[LABEL_APP] !== 'virt-launcher' || !uid) return undefined;
    const transcript = isTerminal(pod)
      ? guests.serialTranscript(uid)
      : (guests.serialTranscript(uid) ?? guests.transcriptFor(uid));
    if (!transcript) return undefined;
    if (container === GUEST_CONSOLE_LOG_CONTAINER) return transcript;
    if (container === 'compute') return quietUntil(transcript);
    return undefined;
  };
