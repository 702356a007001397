/** A migration that holds a slot: it is Running, or it already has a target pod. */
export interface InFlightMigration {
  key: string;
  /** The node the VMI is leaving. */
  sourceNode?: string;
}

export interface MigrationLimits {
  parallelMigrationsPerCluster: number;
  parallelOutboundMigrationsPerNode: number;
}

export type LimitDecision = { admitted: true } | { admitted: false; message: string };

/**
 * Whether one more migration may start (get its target pod), as virt-controller decides before
 * creating the target pod: at most `parallelMigrationsPerCluster` in flight in the cluster and
 * `parallelOutboundMigrationsPerNode` leaving the VMI's node. Otherwise the migration stays
 * Pending and is looked at again later. Messages are KubeVirt's log lines.
 */
export const admitByLimits = (
  vmi: { namespace: string; name: string; nodeName?: string },
  inFlight: readonly InFlightMigration[],
  limits: MigrationLimits,
): LimitDecision => {
  if (inFlight.length >= limits.parallelMigrationsPerCluster) {
    return {
      admitted: false,
      message: `Waiting to schedule target pod for vmi [${vmi.namespace}/${vmi.name}] migration because total running parallel migration count [${inFlight.length}] is currently at the global cluster limit.`,
    };
  }
  const outbound = inFlight.filter((m) => m.sourceNode && m.sourceNode === vmi.nodeName).length;
  if (outbound >= limits.parallelOutboundMigrationsPerNode) {
    return {
      admitted: false,
      message: `Waiting to schedule target pod for vmi [${vmi.namespace}/${vmi.name}] migration because total running parallel outbound migrations on target node [${outbound}] has hit outbound migrations per node limit.`,
    };
  }
  return { admitted: true };
};
