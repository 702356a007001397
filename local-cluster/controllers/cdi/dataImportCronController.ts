import { isDeepStrictEqual } from 'node:util';
import type { KubeObject } from '../../apiserver/core/types';
import { isAlreadyExists } from '../runtime/apiClient';
import type { Condition } from '../runtime/conditions';
import { Controller } from '../runtime/controller';
import type { ReconcileResult } from '../runtime/controller';
import { DATA_IMPORT_CRON, DATA_SOURCE, DV, PVC, keyOf, splitKey } from '../runtime/resources';
import type { ControllerRuntime, Stoppable } from '../runtime/runtime';
import { ANN, LABEL, PASSED_ON_LABELS, SIM_ANN, cdiControllerLabels } from './cdiNames';
import type { DataImportCron, DataSource, DataVolume, Pvc } from './cdiTypes';
import { nextCronTime, parseCron } from './cronSchedule';
import type { CronSchedule } from './cronSchedule';
import {
  cronSourceUrl,
  digestedUrl,
  importDataVolumeName,
  polledDigest,
} from './dataImportCronSource';
import { upsertCondition } from './dataVolumeStatus';
import { WriteExpectations } from './writeExpectations';
import { statusPatch } from './storageProfileController';

const DEFAULT_IMPORTS_TO_KEEP = 3;
/** setTimeout cannot wait longer than ~24.8 days; a daily look is plenty for cron schedules. */
const MAX_REQUEUE_MS = 24 * 3600_000;

type CronStatus = NonNullable<DataImportCron['status']>;

/**
 * CDI's DataImportCron controller with its source-update poller: polls the registry on the cron's
 * schedule, imports each new digest into `<managedDataSource>-<digest>` (a DataVolume with immediate
 * binding), points the managed DataSource at the newest import, keeps `importsToKeep` imports and
 * reports UpToDate/Progressing. An import that exists already (seeded boot sources) is adopted as
 * the import of the current digest, never redone.
 */
export const startDataImportCronController = (runtime: ControllerRuntime): Stoppable => {
  const client = runtime.clientFor('cdi-controller');
  const events = runtime.eventsFor('dataimportcron-controller');
  const crons = runtime.informers.for<DataImportCron>(DATA_IMPORT_CRON);
  const dvs = runtime.informers.for<DataVolume>(DV);
  const pvcs = runtime.informers.for<Pvc>(PVC);
  const dataSources = runtime.informers.for<DataSource>(DATA_SOURCE);
  const expectations = new WriteExpectations();

  const cronLabels = (cron: DataImportCron): Record<string, string> => ({
    ...cdiControllerLabels(),
    [LABEL.dataImportCron]: cron.metadata.name ?? '',
    ...(cron.spec.retentionPolicy === 'None' ? { [LABEL.dataImportCronCleanup]: 'true' } : {}),
  });
  const passedLabels = (cron: DataImportCron): Record<string, string> =>
    Object.fromEntries(
      PASSED_ON_LABELS.filter((l) => cron.metadata.labels?.[l]).map((l) => [
        l,
        cron.metadata.labels?.[l] ?? '',
      ]),
    );

  /** Marks an imported claim as this cron's and as in use now (the garbage collector's order). */
  const markSource = async (cron: DataImportCron, pvc: Pvc, touch: boolean): Promise<void> => {
    const labels = cronLabels(cron);
    const missing = Object.entries(labels).filter(([k, v]) => pvc.metadata.labels?.[k] !== v);
    const annotations =
      touch || !pvc.metadata.annotations?.[ANN.lastUseTime]
        ? { [ANN.lastUseTime]: new Date().toISOString() }
        : undefined;
    if (!missing.length && !annotations) return;
    await client.patch(PVC, pvc.metadata.namespace, pvc.metadata.name ?? '', {
      metadata: { labels: Object.fromEntries(missing), ...(annotations ? { annotations } : {}) },
    });
  };

  const deleteImport = async (namespace: string, name: string): Promise<void> => {
    if (dvs.get(namespace, name)) await client.delete(DV, namespace, name);
    else await client.delete(PVC, namespace, name);
  };

  const garbageCollect = async (cron: DataImportCron, keep: string | undefined): Promise<void> => {
    if (cron.spec.garbageCollect && cron.spec.garbageCollect !== 'Outdated') return;
    const max =
      cron.spec.importsToKeep !== undefined && cron.spec.importsToKeep >= 0
        ? cron.spec.importsToKeep
        : DEFAULT_IMPORTS_TO_KEEP;
    const ns = cron.metadata.namespace ?? '';
    const mine = pvcs
      .list(ns)
      .filter(
        (p) =>
          p.metadata.labels?.[LABEL.dataImportCron] === cron.metadata.name &&
          !p.metadata.deletionTimestamp,
      )
      .sort((a, b) =>
        (b.metadata.annotations?.[ANN.lastUseTime] ?? '').localeCompare(
          a.metadata.annotations?.[ANN.lastUseTime] ?? '',
        ),
      );
    for (const old of mine.slice(Math.max(1, max)))
      if (old.metadata.name !== keep) await deleteImport(ns, old.metadata.name ?? '');
  };

  const updateDataSource = async (cron: DataImportCron, status: CronStatus): Promise<void> => {
    const ns = cron.metadata.namespace ?? '';
    const name = cron.spec.managedDataSource;
    let ds = dataSources.get(ns, name);
    if (!ds) {
      try {
        ds = await client.create<DataSource>(DATA_SOURCE, ns, {
          metadata: { name, namespace: ns, labels: { ...cronLabels(cron), ...passedLabels(cron) } },
          spec: { source: {} },
        });
      } catch (err) {
        if (!isAlreadyExists(err)) throw err;
        return;
      }
    }
    // A DataSource without the cron label is the user's: CDI leaves it alone.
    if (!ds.metadata.labels?.[LABEL.dataImportCron]) return;
    const labels = { [LABEL.dataImportCron]: cron.metadata.name ?? '', ...passedLabels(cron) };
    const labelPatch = Object.fromEntries(
      Object.entries(labels).filter(([k, v]) => ds.metadata.labels?.[k] !== v),
    );
    const last = status.lastImportedPVC;
    const wanted = last ? { pvc: { namespace: last.namespace, name: last.name } } : undefined;
    const sourcePatch =
      wanted && !isDeepStrictEqual(ds.spec.source ?? {}, wanted)
        ? {
            source: {
              ...statusPatch(ds.spec.source as Record<string, unknown> | undefined, wanted),
            },
          }
        : undefined;
    if (Object.keys(labelPatch).length || sourcePatch)
      await client.patch(DATA_SOURCE, ns, name, {
        ...(Object.keys(labelPatch).length ? { metadata: { labels: labelPatch } } : {}),
        ...(sourcePatch ? { spec: sourcePatch } : {}),
      });
  };

  const createImport = async (cron: DataImportCron, digest: string): Promise<string> => {
    const ns = cron.metadata.namespace ?? '';
    const dvName = importDataVolumeName(cron.spec.managedDataSource, digest);
    const existing = pvcs.get(ns, dvName);
    if (existing) {
      // Imported before (or seeded): reuse it instead of importing again.
      await markSource(cron, existing, true);
      return dvName;
    }
    const template = cron.spec.template;
    const registry = template.spec.source?.registry ?? {};
    try {
      await client.create<DataVolume>(DV, ns, {
        metadata: {
          name: dvName,
          namespace: ns,
          labels: { ...template.metadata?.labels, ...cronLabels(cron), ...passedLabels(cron) },
          annotations: { ...template.metadata?.annotations, [ANN.immediateBinding]: 'true' },
        },
        spec: {
          ...template.spec,
          source: { registry: { ...registry, url: digestedUrl(registry.url ?? '', digest) } },
        },
      });
    } catch (err) {
      if (!isAlreadyExists(err)) throw err;
    }
    return dvName;
  };

  const reconcile = async (key: string): Promise<ReconcileResult | undefined> => {
    const { namespace, name } = splitKey(key);
    const cron = crons.get(namespace, name);
    if (!cron || cron.metadata.deletionTimestamp) {
      expectations.forget(key);
      return undefined;
    }
    // Our own last write has not reached the cache yet: acting on the older copy would redo work.
    if (expectations.stale(key, cron)) return { requeueAfterMs: 20 };
    const ns = namespace ?? '';
    const now = new Date();
    const nowIso = runtime.timing.nowIso();

    const managed = dataSources.get(ns, cron.spec.managedDataSource);
    const owner = managed?.metadata.labels?.[LABEL.dataImportCron];
    if (
      owner &&
      owner !== name &&
      crons.get(ns, owner)?.spec.managedDataSource === managed?.metadata.name
    ) {
      events.record(
        cron,
        'Warning',
        'ErrDataSourceAlreadyManaged',
        `DataSource ${cron.spec.managedDataSource} is already managed by DataImportCron ${owner}`,
      );
      return undefined;
    }

    const ann = { ...cron.metadata.annotations };
    const status: CronStatus = structuredClone(cron.status ?? {});
    let conditions: Condition[] = status.conditions ?? [];
    const setCondition = (
      type: string,
      s: Condition['status'],
      message: string,
      reason: string,
    ): void => {
      conditions = upsertCondition(conditions, type, s, message, reason, nowIso);
    };

    // The poller: at the first look and then on every tick of the schedule.
    let schedule: CronSchedule | undefined;
    try {
      schedule = cron.spec.schedule ? parseCron(cron.spec.schedule) : undefined;
    } catch {
      schedule = undefined;
    }
    const iso = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
    const lastRun = Date.parse(ann[ANN.lastCronTime] ?? '');
    let nextAt = Date.parse(ann[ANN.nextCronTime] ?? '');
    if (schedule && Number.isNaN(nextAt) && !Number.isNaN(lastRun))
      nextAt = nextCronTime(schedule, new Date(lastRun)).getTime();
    if (schedule && (Number.isNaN(lastRun) || Number.isNaN(nextAt) || now.getTime() >= nextAt)) {
      ann[ANN.lastCronTime] = nowIso;
      nextAt = nextCronTime(schedule, now).getTime();
      const url = cronSourceUrl(cron);
      const digest = polledDigest(url);
      if (digest && url) {
        // The registry image changes only when the cron names another image: a digest already
        // known for this URL (or one seeded without a record of its URL) stays the current one.
        const known = ann[ANN.sourceDesiredDigest];
        const knownUrl = ann[SIM_ANN.digestSourceUrl];
        ann[ANN.sourceDesiredDigest] =
          known && (knownUrl === undefined || knownUrl === url) ? known : digest;
        ann[SIM_ANN.digestSourceUrl] = url;
      }
    }
    if (!Number.isNaN(nextAt)) ann[ANN.nextCronTime] = iso(new Date(nextAt));

    // A finished import this controller never tracked (a seeded boot source): it is the import
    // of the current digest. `currentImports` is absent only before this controller ever wrote it.
    const seeded = status.lastImportedPVC;
    const desiredNow = ann[ANN.sourceDesiredDigest];
    if (
      status.currentImports === undefined &&
      seeded &&
      desiredNow &&
      pvcs.get(seeded.namespace, seeded.name)
    )
      status.currentImports = [{ dataVolumeName: seeded.name, digest: desiredNow }];

    const imports = status.currentImports ?? [];
    const current = imports[0]?.dataVolumeName;
    const dv = current ? dvs.get(ns, current) : undefined;
    const pvc = current ? pvcs.get(ns, current) : undefined;
    let importSucceeded = false;
    if (dv) {
      const phase = dv.status?.phase ?? '';
      if (phase === 'Succeeded') importSucceeded = true;
      else if (phase === 'ImportScheduled')
        setCondition('Progressing', 'False', 'Import is scheduled', 'ImportScheduled');
      else if (phase === 'ImportInProgress')
        setCondition('Progressing', 'True', 'Import is progressing', 'ImportProgressing');
      else setCondition('Progressing', 'False', `Import DataVolume phase ${phase}`, phase);
    } else if (pvc) importSucceeded = true;
    else {
      status.currentImports = imports.slice(1);
      setCondition('Progressing', 'False', 'No current import', 'NoImport');
    }
    if (importSucceeded && current) {
      const changed =
        status.lastImportedPVC?.name !== current || status.lastImportedPVC.namespace !== ns;
      if (pvc) await markSource(cron, pvc, changed);
      if (changed) {
        status.lastImportedPVC = { namespace: ns, name: current };
        status.lastImportTimestamp = nowIso;
      }
      setCondition('Progressing', 'False', 'No current import', 'NoImport');
      await garbageCollect(cron, current);
    }
    await updateDataSource(cron, status);

    const desired = ann[ANN.sourceDesiredDigest];
    const digestUpdated = Boolean(desired) && (!imports.length || desired !== imports[0].digest);
    if (digestUpdated && desired) {
      setCondition('UpToDate', 'False', 'Source digest updated since last import', 'Outdated');
      const running = dv?.status?.conditions?.find((c) => c.type === 'Running');
      if (dv && running?.status === 'False' && running.reason === 'Error') {
        // A failed import of the old digest is dropped; the new digest gets a fresh one.
        await client.delete(DV, ns, dv.metadata.name ?? '');
        status.currentImports = [];
      }
      if (importSucceeded || !status.currentImports?.length)
        status.currentImports = [
          { dataVolumeName: await createImport(cron, desired), digest: desired },
        ];
    } else if (importSucceeded) {
      status.sourceFormat = 'pvc';
      setCondition('UpToDate', 'True', 'Latest import is up to date', 'UpToDate');
    } else if (imports.length)
      setCondition('UpToDate', 'False', 'Import is progressing', 'ImportProgressing');
    else setCondition('UpToDate', 'False', 'No source digest', 'NoDigest');
    status.conditions = conditions;
    if (ann[ANN.lastCronTime]) status.lastExecutionTimestamp = ann[ANN.lastCronTime];

    // Status first: the poll annotations say "this digest is handled", which must never be seen
    // without the status that handles it.
    if (!isDeepStrictEqual(cron.status ?? {}, status))
      expectations.wrote(
        key,
        await client.patchStatus(
          DATA_IMPORT_CRON,
          ns,
          name,
          statusPatch(cron.status as Record<string, unknown> | undefined, { ...status }),
        ),
      );
    const annPatch = Object.fromEntries(
      Object.entries(ann).filter(([k, v]) => cron.metadata.annotations?.[k] !== v),
    );
    if (Object.keys(annPatch).length)
      expectations.wrote(
        key,
        await client.patch(DATA_IMPORT_CRON, ns, name, { metadata: { annotations: annPatch } }),
      );
    const next = Date.parse(ann[ANN.nextCronTime] ?? '');
    if (Number.isNaN(next)) return undefined;
    return { requeueAfterMs: Math.max(1000, Math.min(MAX_REQUEUE_MS, next - Date.now() + 1000)) };
  };

  /** RetentionPolicy None: the cron's imports and DataSource go with it. */
  crons.onChange((type, cron) => {
    if (type !== 'DELETED' || cron.spec.retentionPolicy !== 'None') return;
    const ns = cron.metadata.namespace ?? '';
    const selector = `${LABEL.dataImportCron}=${cron.metadata.name ?? ''},${LABEL.dataImportCronCleanup}=true`;
    void (async () => {
      for (const ref of [DATA_SOURCE, DV, PVC]) {
        const list = await client.list<KubeObject>(ref, ns, { labelSelector: selector });
        for (const o of list.items) await client.delete(ref, ns, o.metadata.name ?? '');
      }
    })().catch((err: unknown) =>
      runtime.log(`dataimportcron cleanup ${ns}/${cron.metadata.name ?? ''}: ${String(err)}`),
    );
  });

  const byLabel = (o: KubeObject): string | undefined => {
    const cronName = o.metadata.labels?.[LABEL.dataImportCron];
    return cronName ? keyOf(o.metadata.namespace, cronName) : undefined;
  };
  const controller = new Controller('dataimportcron', reconcile, { log: runtime.log })
    .watch(crons)
    .watch(dvs, byLabel)
    .watch(dataSources, byLabel);
  for (const c of crons.list())
    controller.enqueue(keyOf(c.metadata.namespace, c.metadata.name ?? ''));
  return { stop: () => controller.stop() };
};
