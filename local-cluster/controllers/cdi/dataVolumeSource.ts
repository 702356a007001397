import { isUnreachableSourceUrl } from '../runtime/simulation';
import type { DataSource, DataVolume, DataVolumeSource } from './cdiTypes';

/** The import sources CDI names in `cdi.kubevirt.io/storage.import.source`. */
export type ImportSourceType = 'http' | 'registry' | 's3' | 'gcs' | 'imageio' | 'vddk' | 'none';

export interface CloneSource {
  kind: 'pvc' | 'snapshot';
  namespace: string;
  name: string;
}

/** What a DataVolume asks CDI to do, once its sourceRef (if any) is followed. */
export type TransferPlan =
  | { kind: 'import'; source: ImportSourceType; endpoint?: string }
  | { kind: 'upload' }
  | { kind: 'clone'; from: CloneSource }
  | { kind: 'none' };

export type PlanResult = { ok: true; plan: TransferPlan } | { ok: false; message: string };

const importPlan = (s: DataVolumeSource): TransferPlan | undefined => {
  if (s.http) return { kind: 'import', source: 'http', endpoint: s.http.url };
  if (s.registry)
    return {
      kind: 'import',
      source: 'registry',
      endpoint: s.registry.url ?? s.registry.imageStream,
    };
  if (s.s3) return { kind: 'import', source: 's3', endpoint: s.s3.url };
  if (s.gcs) return { kind: 'import', source: 'gcs', endpoint: s.gcs.url };
  if (s.imageio) return { kind: 'import', source: 'imageio', endpoint: s.imageio.url };
  if (s.vddk) return { kind: 'import', source: 'vddk', endpoint: s.vddk.url };
  if (s.blank) return { kind: 'import', source: 'none' };
  return undefined;
};

/**
 * Classifies a DataVolume's source. A sourceRef is followed to its DataSource (and, as CDI allows,
 * one DataSource-to-DataSource hop) and becomes a PVC or snapshot clone.
 */
export const planTransfer = (
  dv: DataVolume,
  getDataSource: (namespace: string, name: string) => DataSource | undefined,
): PlanResult => {
  const ns = dv.metadata.namespace ?? '';
  if (dv.spec.sourceRef) {
    const refNs = dv.spec.sourceRef.namespace || ns;
    let ds = getDataSource(refNs, dv.spec.sourceRef.name);
    if (!ds)
      return { ok: false, message: `DataSource ${refNs}/${dv.spec.sourceRef.name} not found` };
    const hop = ds.spec.source?.dataSource;
    if (hop) {
      const hopNs = hop.namespace || ds.metadata.namespace || refNs;
      ds = getDataSource(hopNs, hop.name);
      if (!ds) return { ok: false, message: `DataSource ${hopNs}/${hop.name} not found` };
    }
    const dsNs = ds.metadata.namespace ?? refNs;
    const src = ds.spec.source;
    if (src?.pvc)
      return {
        ok: true,
        plan: {
          kind: 'clone',
          from: { kind: 'pvc', namespace: src.pvc.namespace || dsNs, name: src.pvc.name },
        },
      };
    if (src?.snapshot)
      return {
        ok: true,
        plan: {
          kind: 'clone',
          from: {
            kind: 'snapshot',
            namespace: src.snapshot.namespace || dsNs,
            name: src.snapshot.name,
          },
        },
      };
    return { ok: false, message: `DataSource ${dsNs}/${ds.metadata.name ?? ''} has no source` };
  }
  const s = dv.spec.source;
  if (!s) return { ok: true, plan: { kind: 'none' } };
  if (s.upload) return { ok: true, plan: { kind: 'upload' } };
  if (s.pvc)
    return {
      ok: true,
      plan: {
        kind: 'clone',
        from: { kind: 'pvc', namespace: s.pvc.namespace || ns, name: s.pvc.name },
      },
    };
  if (s.snapshot)
    return {
      ok: true,
      plan: {
        kind: 'clone',
        from: { kind: 'snapshot', namespace: s.snapshot.namespace || ns, name: s.snapshot.name },
      },
    };
  const imp = importPlan(s);
  return imp ? { ok: true, plan: imp } : { ok: true, plan: { kind: 'none' } };
};

/** Why an import of `endpoint` fails in the simulation (the importer's termination message), or
 * undefined when it succeeds. Hosts under `.invalid` stand for missing images (404). */
export const importFailureMessage = (
  source: ImportSourceType,
  endpoint: string | undefined,
): string | undefined => {
  if (source === 'none' || !endpoint || !isUnreachableSourceUrl(endpoint)) return undefined;
  switch (source) {
    case 'http':
      return 'Unable to connect to http data source: expected status code 200, got 404. Status: 404 Not Found';
    case 'registry': {
      const ref = endpoint.replace(/^docker:\/\//, '');
      return `Unable to process data: Unable to transfer source data to scratch space: Failed to read registry image: Error retrieving image: reading manifest in ${ref}: manifest unknown`;
    }
    case 's3':
      return 'Unable to connect to s3 data source: could not get s3 object: NoSuchKey: The specified key does not exist.';
    default:
      return `Unable to connect to ${source} data source: expected status code 200, got 404. Status: 404 Not Found`;
  }
};

/** Registry imports, archives and authenticated or custom-CA HTTP imports go through scratch space. */
export const requiresScratch = (dv: DataVolume, plan: TransferPlan): boolean => {
  if (plan.kind === 'upload') return true;
  if (plan.kind !== 'import') return false;
  if (plan.source === 'registry') return true;
  const http = dv.spec.source?.http;
  return Boolean(dv.spec.contentType === 'archive' || http?.secretRef || http?.certConfigMap);
};
