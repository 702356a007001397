import { isDeepStrictEqual } from 'node:util';
import { Controller } from '../runtime/controller';
import { DATA_SOURCE, DV, PVC, VOLUME_SNAPSHOT, keyOf, splitKey } from '../runtime/resources';
import type { ControllerRuntime, Stoppable } from '../runtime/runtime';
import { PASSED_ON_LABELS } from './cdiNames';
import type { DataSource, DataVolume, Pvc, VolumeSnapshot } from './cdiTypes';
import { dataSourceConditions, dataSourceState } from './dataSourceStatus';

/** CDI's DataSource controller: `status.source` and the Ready condition of every DataSource. */
export const startDataSourceController = (runtime: ControllerRuntime): Stoppable => {
  const client = runtime.clientFor('cdi-controller');
  const dataSources = runtime.informers.for<DataSource>(DATA_SOURCE);
  const dvs = runtime.informers.for<DataVolume>(DV);
  const pvcs = runtime.informers.for<Pvc>(PVC);
  const snapshots = runtime.informers.for<VolumeSnapshot>(VOLUME_SNAPSHOT);

  const reconcile = async (key: string): Promise<undefined> => {
    const { namespace, name } = splitKey(key);
    const ds = dataSources.get(namespace, name);
    if (!ds || ds.metadata.deletionTimestamp) return undefined;
    const state = dataSourceState(ds, {
      dataSource: (n, m) => dataSources.get(n, m),
      dataVolume: (n, m) => dvs.get(n, m),
      pvc: (n, m) => pvcs.get(n, m),
      snapshot: (n, m) => snapshots.get(n, m),
    });
    // A ready boot source advertises the instance type and preference its volume carries.
    if (state.ready.status === 'True' && state.origin) {
      const labels: Record<string, string> = {};
      for (const l of PASSED_ON_LABELS) {
        const v = state.origin.metadata.labels?.[l];
        if (v && ds.metadata.labels?.[l] === undefined) labels[l] = v;
      }
      if (Object.keys(labels).length)
        await client.patch(DATA_SOURCE, namespace, name, { metadata: { labels } });
    }
    const conditions = dataSourceConditions(ds, state, runtime.timing.nowIso());
    const status = { source: state.source, conditions };
    if (
      !isDeepStrictEqual(
        { source: ds.status?.source ?? {}, conditions: ds.status?.conditions ?? [] },
        status,
      )
    )
      await client.patchStatus(DATA_SOURCE, namespace, name, status);
    return undefined;
  };

  /** DataSources that point at namespace/name (directly or through another DataSource). */
  const referring = (namespace: string | undefined, name: string | undefined): string[] =>
    dataSources
      .list()
      .filter((ds) => {
        const src = ds.spec.source ?? {};
        const ns = ds.metadata.namespace;
        const ref = src.pvc ?? src.snapshot ?? src.dataSource;
        return ref?.name === name && (ref?.namespace || ns) === namespace;
      })
      .map((ds) => keyOf(ds.metadata.namespace, ds.metadata.name ?? ''));

  const controller = new Controller('datasource', reconcile, { log: runtime.log })
    .watch(dataSources, (ds) => [
      keyOf(ds.metadata.namespace, ds.metadata.name ?? ''),
      ...referring(ds.metadata.namespace, ds.metadata.name),
    ])
    .watch(dvs, (o) => referring(o.metadata.namespace, o.metadata.name))
    .watch(pvcs, (o) => referring(o.metadata.namespace, o.metadata.name))
    .watch(snapshots, (o) => referring(o.metadata.namespace, o.metadata.name));
  for (const ds of dataSources.list())
    controller.enqueue(keyOf(ds.metadata.namespace, ds.metadata.name ?? ''));
  return { stop: () => controller.stop() };
};
