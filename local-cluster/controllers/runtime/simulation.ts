/**
 * The few knobs the local cluster reads to play failures a real cluster would meet (a guest that
 * crashes, an image URL that answers 404). Demo data uses them to show every state.
 */

/** On a VMI (or a VM's template metadata): `crash` makes the guest exit right after boot; `no-agent`
 * runs it without a guest agent. */
export const SIMULATE_GUEST_ANNOTATION = 'simulation.local-cluster.io/guest';

/** `ignore-shutdown`: the guest ignores the ACPI power button (hung or busy), so a graceful stop
 * lasts the whole termination grace period, as on a real node. */
export type SimulatedGuestBehaviour = 'crash' | 'no-agent' | 'ignore-shutdown';

export const simulatedGuestBehaviour = (
  annotations: Record<string, string> | undefined,
): SimulatedGuestBehaviour | undefined => {
  const v = annotations?.[SIMULATE_GUEST_ANNOTATION];
  return v === 'crash' || v === 'no-agent' || v === 'ignore-shutdown' ? v : undefined;
};

/** The local cluster has no internet: imports are simulated, and URLs on the reserved `.invalid`
 * domain (RFC 2606) fail the way an unreachable or missing image does. */
export const isUnreachableSourceUrl = (url: string): boolean => {
  try {
    const host = new URL(url.replace(/^docker:\/\//, 'https://')).hostname;
    return host === 'invalid' || host.endsWith('.invalid');
  } catch {
    return true;
  }
};
