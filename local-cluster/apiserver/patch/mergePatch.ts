import { badRequest } from '../core/statusError';
import { deepClone, deleteOwn, hasOwn, isJsonObject, setOwn } from './jsonValue';
import type { JsonObject } from './jsonValue';

/** RFC 7386 MergePatch; neither argument is modified. */
function merge(target: unknown, patch: unknown): unknown {
  if (!isJsonObject(patch)) return deepClone(patch);
  const result: JsonObject = isJsonObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) deleteOwn(result, key);
    else setOwn(result, key, merge(hasOwn(result, key) ? result[key] : undefined, value));
  }
  return result;
}

/** JSON merge patch (`application/merge-patch+json`). kube only accepts an object as the patch. */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isJsonObject(patch)) {
    throw badRequest('the body of a merge patch must be a JSON object');
  }
  return merge(deepClone(target), patch);
}
