import type { Condition } from '../runtime/conditions';
import type { DataSource, DataVolume, Pvc, VolumeSnapshot } from './cdiTypes';
import { upsertCondition } from './dataVolumeStatus';

export interface DataSourceLookups {
  dataSource(namespace: string, name: string): DataSource | undefined;
  dataVolume(namespace: string, name: string): DataVolume | undefined;
  pvc(namespace: string, name: string): Pvc | undefined;
  snapshot(namespace: string, name: string): VolumeSnapshot | undefined;
}

export interface DataSourceState {
  /** `status.source`: the source after following a DataSource reference. */
  source: Record<string, unknown>;
  ready: { status: Condition['status']; message: string; reason: string };
  /** The PVC or snapshot the source names, whose boot-source labels CDI copies. */
  origin?: Pvc | VolumeSnapshot;
}

/**
 * The Ready condition of a DataSource, as CDI's DataSource controller decides it: a PVC source is
 * ready once its DataVolume succeeded (or, without a DataVolume, once the PVC exists), a snapshot
 * source once the snapshot is ready to use.
 */
export const dataSourceState = (ds: DataSource, lookups: DataSourceLookups): DataSourceState => {
  const ns = ds.metadata.namespace ?? '';
  let spec = ds.spec.source ?? {};
  const ref = spec.dataSource;
  if (ref) {
    const target = lookups.dataSource(ref.namespace || ns, ref.name);
    if (!target)
      return {
        source: { ...spec },
        ready: { status: 'False', message: 'DataSource not found', reason: 'NotFound' },
      };
    spec = target.spec.source ?? {};
  }
  if (spec.pvc) {
    const pNs = spec.pvc.namespace || ns;
    const source = { pvc: { namespace: pNs, name: spec.pvc.name } };
    const dv = lookups.dataVolume(pNs, spec.pvc.name);
    const pvc = lookups.pvc(pNs, spec.pvc.name);
    if (dv && dv.status?.phase !== 'Succeeded') {
      const phase = dv.status?.phase ?? 'Pending';
      return {
        source,
        origin: pvc,
        ready: { status: 'False', message: `Import DataVolume phase ${phase}`, reason: phase },
      };
    }
    if (!pvc && !dv)
      return { source, ready: { status: 'False', message: 'PVC not found', reason: 'NotFound' } };
    return {
      source,
      origin: pvc,
      ready: { status: 'True', message: 'DataSource is ready to be consumed', reason: 'Ready' },
    };
  }
  if (spec.snapshot) {
    const sNs = spec.snapshot.namespace || ns;
    const source = { snapshot: { namespace: sNs, name: spec.snapshot.name } };
    const snap = lookups.snapshot(sNs, spec.snapshot.name);
    if (!snap)
      return {
        source,
        ready: { status: 'False', message: 'VolumeSnapshot not found', reason: 'NotFound' },
      };
    if (snap.status?.readyToUse !== true)
      return {
        source,
        origin: snap,
        ready: {
          status: 'False',
          message: 'Snapshot phase is not ready',
          reason: 'SnapshotNotReady',
        },
      };
    return {
      source,
      origin: snap,
      ready: { status: 'True', message: 'DataSource is ready to be consumed', reason: 'Ready' },
    };
  }
  return { source: {}, ready: { status: 'False', message: 'No source PVC set', reason: 'NoPvc' } };
};

export const dataSourceConditions = (
  ds: DataSource,
  state: DataSourceState,
  now: string,
): Condition[] =>
  upsertCondition(
    ds.status?.conditions ?? [],
    'Ready',
    state.ready.status,
    state.ready.message,
    state.ready.reason,
    now,
  );
