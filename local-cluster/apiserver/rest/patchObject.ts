import { load } from 'js-yaml';
import { badRequest, StatusError } from '../core/statusError';
import type { KubeObject } from '../core/types';
import { applyServerSide } from '../patch/applyPatch';
import { applyJsonPatch } from '../patch/jsonPatch';
import { applyMergePatch } from '../patch/mergePatch';
import { mergeKeysFor } from '../patch/mergeKeyTables';
import { applyStrategicMergePatch } from '../patch/strategicMergePatch';
import type { ResourceKind } from '../registry/resourceKind';
import { apiVersionOf } from '../registry/resourceKind';
import { now } from './objectLifecycle';
import type { RequestContext } from './requestContext';

export type PatchType = 'json' | 'merge' | 'strategic' | 'apply';

const PATCH_TYPES: Record<string, PatchType> = {
  'application/json-patch+json': 'json',
  'application/merge-patch+json': 'merge',
  'application/strategic-merge-patch+json': 'strategic',
  'application/apply-patch+yaml': 'apply',
  'application/apply-patch+cbor': 'apply',
};

export const patchTypeOf = (contentType: string | undefined): PatchType => {
  const media = (contentType ?? '').split(';')[0].trim().toLowerCase();
  const type = PATCH_TYPES[media];
  if (!type) {
    throw new StatusError(
      415,
      'UnsupportedMediaType',
      `the body of the request was in an unknown format - accepted media types include: ${Object.keys(
        PATCH_TYPES,
      )
        .filter((t) => !t.endsWith('cbor'))
        .join(', ')}`,
    );
  }
  return type;
};

/** Apply bodies are YAML (JSON is YAML too); the other patch bodies are JSON. */
export const parsePatchBody = (type: PatchType, raw: string): unknown => {
  try {
    return type === 'apply' ? load(raw) : JSON.parse(raw);
  } catch (e) {
    throw badRequest(`error decoding patch: ${(e as Error).message.split('\n')[0]}`);
  }
};

/** The object a patch produces from the stored one (`undefined` only for apply creating it). */
export const applyPatchBody = (
  kind: ResourceKind,
  stored: KubeObject | undefined,
  type: PatchType,
  patch: unknown,
  ctx: RequestContext,
  force: boolean,
): unknown => {
  const mergeKeys = mergeKeysFor(kind.kind, kind.group);
  switch (type) {
    case 'json':
      return applyJsonPatch(stored, patch);
    case 'merge':
      return applyMergePatch(stored, patch);
    case 'strategic':
      return applyStrategicMergePatch(stored, patch, mergeKeys);
    case 'apply': {
      if (!ctx.fieldManager) {
        throw badRequest(
          'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch',
        );
      }
      if (!patch || typeof patch !== 'object' || Array.isArray(patch))
        throw badRequest('apply patch must be an object');
      return applyServerSide(stored, patch as KubeObject, {
        fieldManager: ctx.fieldManager,
        force,
        apiVersion: apiVersionOf(kind),
        now: now(),
        mergeKeys,
      });
    }
  }
};
