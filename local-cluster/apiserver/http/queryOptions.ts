import { badRequest } from '../core/statusError';
import type { ResourceKind } from '../registry/resourceKind';
import type { FieldValidation } from '../rest/requestContext';
import type { ListOptions, PropagationPolicy } from '../rest/resourceService';
import { parseFieldSelector } from '../selectors/fieldSelector';
import { parseLabelSelector } from '../selectors/labelSelector';
import type { IncludeObject } from './tableView';

const BASE_FIELDS = ['metadata.name', 'metadata.namespace'];

export const selectorsOf = (
  kind: ResourceKind,
  q: URLSearchParams,
): Pick<ListOptions, 'labelSelector' | 'fieldSelector'> => ({
  labelSelector: parseLabelSelector(q.get('labelSelector') ?? ''),
  fieldSelector: parseFieldSelector(q.get('fieldSelector') ?? '', [
    ...BASE_FIELDS,
    ...(kind.selectableFields ?? []),
  ]),
});

export const limitOf = (q: URLSearchParams): number | undefined => {
  const raw = q.get('limit');
  if (raw === null || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw badRequest(`invalid limit: ${raw}`);
  return n || undefined;
};

export const isWatch = (q: URLSearchParams): boolean =>
  ['true', '1'].includes(q.get('watch') ?? '');

export const dryRunOf = (q: URLSearchParams): boolean => {
  const values = q.getAll('dryRun');
  for (const v of values)
    if (v !== 'All') throw badRequest(`Invalid dry run value: ${v}: supported values: "All"`);
  return values.length > 0;
};

export const fieldValidationOf = (q: URLSearchParams): FieldValidation => {
  const v = q.get('fieldValidation') ?? 'Warn';
  if (v !== 'Strict' && v !== 'Warn' && v !== 'Ignore') {
    throw badRequest(
      `fieldValidation: Unsupported value: "${v}": supported values: "Ignore", "Strict", "Warn"`,
    );
  }
  return v;
};

export const propagationOf = (
  q: URLSearchParams,
  body: Record<string, unknown> | undefined,
): PropagationPolicy | undefined => {
  const v = q.get('propagationPolicy') ?? (body?.propagationPolicy as string | undefined);
  if (v === undefined) {
    const orphan = q.get('orphanDependents') ?? body?.orphanDependents;
    return orphan === true || orphan === 'true' ? 'Orphan' : undefined;
  }
  if (v !== 'Background' && v !== 'Foreground' && v !== 'Orphan') {
    throw badRequest(
      `DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "${v}": supported values: "Foreground", "Background", "Orphan"`,
    );
  }
  return v;
};

export const includeObjectOf = (q: URLSearchParams): IncludeObject => {
  const v = q.get('includeObject') ?? 'Metadata';
  if (v !== 'None' && v !== 'Metadata' && v !== 'Object')
    throw badRequest(`includeObject: Unsupported value: "${v}"`);
  return v;
};
