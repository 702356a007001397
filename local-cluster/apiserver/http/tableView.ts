import type { KubeObject } from '../core/types';
import type { PrinterColumn, ResourceKind } from '../registry/resourceKind';
import { evaluateJsonPath } from './jsonPath';

/** How a client asked to see objects: as they are, as metadata only, or as a printable table. */
export type Representation = 'object' | 'partialMetadata' | 'table';

/** Picks the representation from an Accept header the way kube negotiates `as=Table` and friends. */
export const representationOf = (accept: string | undefined): Representation => {
  for (const part of (accept ?? '').split(',')) {
    const params = part.split(';').map((p) => p.trim());
    const as = params.find((p) => p.startsWith('as='))?.slice(3);
    const group = params.find((p) => p.startsWith('g='))?.slice(2);
    if (group && group !== 'meta.k8s.io') continue;
    if (as === 'Table') return 'table';
    if (as === 'PartialObjectMetadata' || as === 'PartialObjectMetadataList')
      return 'partialMetadata';
    if (!as && (params[0] === 'application/json' || params[0] === '*/*')) return 'object';
  }
  return 'object';
};

export const partialMetadata = (obj: KubeObject): KubeObject => ({
  kind: 'PartialObjectMetadata',
  apiVersion: 'meta.k8s.io/v1',
  metadata: obj.metadata,
});

/** Ages as kubectl prints them: 45s, 12m, 5h, 3d, 2y. */
export const humanAge = (timestamp: string, at = Date.now()): string => {
  const s = Math.max(0, Math.floor((at - Date.parse(timestamp)) / 1000));
  if (s < 120) return `${s}s`;
  if (s < 3600 * 2) return `${Math.floor(s / 60)}m`;
  if (s < 86400 * 2) return `${Math.floor(s / 3600)}h`;
  if (s < 86400 * 365 * 2) return `${Math.floor(s / 86400)}d`;
  return `${Math.floor(s / (86400 * 365))}y`;
};

const defaultAge: PrinterColumn = {
  name: 'Age',
  type: 'date',
  jsonPath: '.metadata.creationTimestamp',
};

const columnsOf = (kind: ResourceKind): PrinterColumn[] => kind.printerColumns ?? [defaultAge];

const cell = (obj: KubeObject, col: PrinterColumn): unknown => {
  if (col.compute) return col.compute(obj);
  const values = evaluateJsonPath(obj, col.jsonPath);
  if (!values.length) return col.type === 'string' || col.type === 'date' ? '<none>' : null;
  if (col.type === 'date' && typeof values[0] === 'string') return humanAge(values[0]);
  if (values.length > 1)
    return values.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(',');
  const v = values[0];
  if (col.type === 'string' && typeof v === 'object') return JSON.stringify(v);
  return v;
};

export type IncludeObject = 'None' | 'Metadata' | 'Object';

/** A meta.k8s.io/v1 Table, the server-side printing kubectl asks for with `as=Table`. */
export const toTable = (
  kind: ResourceKind,
  items: KubeObject[],
  listMeta: Record<string, unknown>,
  include: IncludeObject,
  withColumns = true,
): Record<string, unknown> => ({
  kind: 'Table',
  apiVersion: 'meta.k8s.io/v1',
  metadata: listMeta,
  ...(withColumns
    ? {
        columnDefinitions: [
          {
            name: 'Name',
            type: 'string',
            format: 'name',
            description: 'Name must be unique within a namespace.',
            priority: 0,
          },
          ...columnsOf(kind).map((c) => ({
            name: c.name,
            type: c.type === 'date' ? 'string' : c.type,
            format: '',
            description: c.description ?? '',
            priority: c.priority ?? 0,
          })),
        ],
      }
    : { columnDefinitions: null }),
  rows: items.map((obj) => ({
    cells: [obj.metadata.name, ...columnsOf(kind).map((c) => cell(obj, c))],
    object: include === 'None' ? null : include === 'Object' ? obj : partialMetadata(obj),
  })),
});
