import { badRequest } from '../core/statusError';
import { deepClone, deepEqual, deleteOwn, hasOwn, isJsonObject, setOwn } from './jsonValue';
import type { JsonObject } from './jsonValue';

/**
 * Maps the dotted path of a list (list indices left out: `spec.template.spec.containers`,
 * `spec.template.spec.containers.env`) to how it merges: the name of its merge key, or
 * `PRIMITIVE_SET` for a list of scalars merged as a set (finalizers). Lists absent from the table
 * are atomic: the patch's list replaces the live one, as kube does for lists without a strategy.
 */
export type MergeKeyTable = Record<string, string>;

export const PRIMITIVE_SET = '$primitive';

const DIRECTIVE = '$patch';
const RETAIN_KEYS = '$retainKeys';
const DELETE_FROM_PRIMITIVE = '$deleteFromPrimitiveList/';
const SET_ELEMENT_ORDER = '$setElementOrder/';

const isDirectiveKey = (key: string): boolean =>
  key === DIRECTIVE ||
  key === RETAIN_KEYS ||
  key.startsWith(DELETE_FROM_PRIMITIVE) ||
  key.startsWith(SET_ELEMENT_ORDER);

const childPath = (path: string, key: string): string => (path ? `${path}.${key}` : key);

const mergeKeyOf = (table: MergeKeyTable, path: string): string | undefined =>
  hasOwn(table, path) ? table[path] : undefined;

const unknownDirective = (directive: unknown, where: unknown): Error =>
  badRequest(`unknown patch type: ${JSON.stringify(directive)} in map: ${JSON.stringify(where)}`);

const noMergeKey = (item: unknown, key: string): Error =>
  badRequest(`map: ${JSON.stringify(item)} does not contain declared merge key: ${key}`);

/** What a patch value becomes where the live object has nothing: directives are resolved and
 * nulls dropped, so no `$patch` marker or null ever lands in a stored object. */
function freshValue(value: unknown, path: string, table: MergeKeyTable): unknown {
  if (isJsonObject(value)) {
    if (value[DIRECTIVE] === 'delete') return undefined;
    return mergeMap(undefined, value, path, table);
  }
  if (Array.isArray(value)) return mergeList([], value, path, table);
  return value;
}

/** `$retainKeys` lists every field the map may keep; the patch must not set fields outside it. */
function applyRetainKeys(result: JsonObject, patch: JsonObject): void {
  if (!hasOwn(patch, RETAIN_KEYS)) return;
  const keep = patch[RETAIN_KEYS];
  if (!Array.isArray(keep)) throw badRequest('invalid patch format of retainKeys');
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || isDirectiveKey(key)) continue;
    if (!keep.includes(key)) throw badRequest('invalid patch format of retainKeys');
  }
  for (const key of Object.keys(result)) {
    if (!keep.includes(key)) deleteOwn(result, key);
  }
}

function applyPrimitiveDeletions(result: JsonObject, patch: JsonObject): void {
  for (const [key, value] of Object.entries(patch)) {
    if (!key.startsWith(DELETE_FROM_PRIMITIVE)) continue;
    if (!Array.isArray(value)) throw badRequest('invalid patch format of primitive list');
    const field = key.slice(DELETE_FROM_PRIMITIVE.length);
    const current = hasOwn(result, field) ? result[field] : undefined;
    if (Array.isArray(current)) {
      setOwn(
        result,
        field,
        current.filter((item) => !value.some((gone) => deepEqual(gone, item))),
      );
    }
  }
}

/** Index of `item` in `list`, comparing merge-key values for keyed lists and whole values otherwise. */
function indexIn(list: readonly unknown[], item: unknown, key: string | undefined): number {
  if (key === undefined) return list.findIndex((x) => deepEqual(x, item));
  if (!isJsonObject(item)) return -1;
  return list.findIndex((x) => isJsonObject(x) && deepEqual(x[key], item[key]));
}

function sortByOrder(
  items: unknown[],
  order: readonly unknown[],
  key: string | undefined,
): unknown[] {
  const rank = (item: unknown): number => {
    const i = indexIn(order, item, key);
    return i < 0 ? Number.POSITIVE_INFINITY : i;
  };
  return items
    .map((item, i) => ({ item, i, r: rank(item) }))
    .sort((a, b) => (a.r === b.r ? a.i - b.i : a.r - b.r))
    .map((x) => x.item);
}

/**
 * Orders a merged list the way kube does: items named by `wanted` (the patch list, or a
 * `$setElementOrder` list) follow that order; items only the server had keep their live order and
 * are slotted in among them where the live list put them. A patch item the live list does not
 * know cannot be placed, so it goes before the server's items: kube prepends new items.
 */
function orderList(
  merged: readonly unknown[],
  wanted: readonly unknown[],
  live: readonly unknown[],
  key: string | undefined,
): unknown[] {
  const fromPatch = sortByOrder(
    merged.filter((x) => indexIn(wanted, x, key) >= 0),
    wanted,
    key,
  );
  const serverOnly = sortByOrder(
    merged.filter((x) => indexIn(wanted, x, key) < 0),
    live,
    key,
  );
  const out: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < serverOnly.length || j < fromPatch.length) {
    if (j >= fromPatch.length) out.push(serverOnly[i++]);
    else if (i >= serverOnly.length) out.push(fromPatch[j++]);
    else {
      const li = indexIn(live, serverOnly[i], key);
      const ri = indexIn(live, fromPatch[j], key);
      if (li >= 0 && ri >= 0 && li < ri) out.push(serverOnly[i++]);
      else out.push(fromPatch[j++]);
    }
  }
  return out;
}

const dedupe = (items: readonly unknown[]): unknown[] =>
  items.filter((item, i) => items.findIndex((x) => deepEqual(x, item)) === i);

function mergePrimitiveList(original: unknown[], patch: unknown[]): unknown[] {
  const items: unknown[] = [];
  let replace = false;
  for (const item of patch) {
    if (isJsonObject(item) && hasOwn(item, DIRECTIVE)) {
      if (item[DIRECTIVE] === 'replace') replace = true;
      else if (item[DIRECTIVE] !== 'merge') throw unknownDirective(item[DIRECTIVE], item);
      continue;
    }
    items.push(item);
  }
  if (replace) return dedupe(items);
  return orderList(dedupe([...original, ...items]), items, original, undefined);
}

function mergeKeyedList(
  original: unknown[],
  patch: unknown[],
  key: string,
  path: string,
  table: MergeKeyTable,
): unknown[] {
  let result = [...original];
  const items: JsonObject[] = [];
  let replace = false;
  for (const item of patch) {
    if (!isJsonObject(item)) {
      throw badRequest(
        `the list at ${path} merges by "${key}" and cannot hold ${JSON.stringify(item)}`,
      );
    }
    if (!hasOwn(item, DIRECTIVE)) {
      items.push(item);
      continue;
    }
    const directive = item[DIRECTIVE];
    if (directive === 'delete') {
      if (!hasOwn(item, key)) throw noMergeKey(item, key);
      result = result.filter((x) => !(isJsonObject(x) && deepEqual(x[key], item[key])));
    } else if (directive === 'replace') {
      // One `$patch: replace` element anywhere makes the rest of the patch list the whole list.
      replace = true;
    } else if (directive === 'merge') {
      const rest = { ...item };
      deleteOwn(rest, DIRECTIVE);
      items.push(rest);
    } else {
      throw unknownDirective(directive, item);
    }
  }
  if (replace) {
    return items.map((item) => freshValue(item, path, table)).filter((x) => x !== undefined);
  }
  for (const item of items) {
    if (!hasOwn(item, key)) throw noMergeKey(item, key);
    const at = result.findIndex((x) => isJsonObject(x) && deepEqual(x[key], item[key]));
    const current = at >= 0 ? result[at] : undefined;
    if (isJsonObject(current)) result[at] = mergeMap(current, item, path, table);
    else result.push(mergeMap(undefined, item, path, table));
  }
  return orderList(result, items, original, key);
}

function mergeList(
  original: unknown[],
  patch: unknown[],
  path: string,
  table: MergeKeyTable,
): unknown[] {
  const key = mergeKeyOf(table, path);
  if (key === undefined) return patch;
  if (key === PRIMITIVE_SET) return mergePrimitiveList(original, patch);
  return mergeKeyedList(original, patch, key, path, table);
}

/** `$setElementOrder/<field>` names the final order of a merged list, patched or not. */
function applyElementOrders(
  result: JsonObject,
  patch: JsonObject,
  path: string,
  table: MergeKeyTable,
): void {
  for (const [directiveKey, order] of Object.entries(patch)) {
    if (!directiveKey.startsWith(SET_ELEMENT_ORDER)) continue;
    if (!Array.isArray(order)) throw badRequest('invalid patch format of setElementOrder list');
    const field = directiveKey.slice(SET_ELEMENT_ORDER.length);
    const fieldPath = childPath(path, field);
    const mergeKey = mergeKeyOf(table, fieldPath);
    if (mergeKey === undefined) continue; // an atomic list has no order to merge
    const key = mergeKey === PRIMITIVE_SET ? undefined : mergeKey;
    if (key !== undefined) {
      const missing = order.find((x) => !isJsonObject(x) || !hasOwn(x, key));
      if (missing !== undefined) throw noMergeKey(missing, key);
    }
    const current = hasOwn(result, field) ? result[field] : undefined;
    const patchList = hasOwn(patch, field) ? patch[field] : undefined;
    if (patchList !== undefined && !Array.isArray(patchList)) continue; // null or a type change
    if (!Array.isArray(current) && patchList === undefined) continue;
    const live = Array.isArray(current) ? current : [];
    const merged = patchList === undefined ? live : mergeList(live, patchList, fieldPath, table);
    // The list is finished here; the main loop must not merge it a second time.
    deleteOwn(patch, field);
    setOwn(result, field, orderList(merged, order, live, key));
  }
}

function mergeMap(
  original: JsonObject | undefined,
  patch: JsonObject,
  path: string,
  table: MergeKeyTable,
): JsonObject {
  if (hasOwn(patch, DIRECTIVE)) {
    const directive = patch[DIRECTIVE];
    if (directive === 'delete') return {};
    if (directive !== 'replace' && directive !== 'merge') throw unknownDirective(directive, patch);
    deleteOwn(patch, DIRECTIVE);
    if (directive === 'replace') return mergeMap(undefined, patch, path, table);
  }
  const result = original ?? {};
  applyRetainKeys(result, patch);
  applyPrimitiveDeletions(result, patch);
  applyElementOrders(result, patch, path, table);
  for (const [key, value] of Object.entries(patch)) {
    if (isDirectiveKey(key)) continue;
    if (value === null) {
      deleteOwn(result, key);
      continue;
    }
    const fieldPath = childPath(path, key);
    const current = hasOwn(result, key) ? result[key] : undefined;
    let merged: unknown;
    if (isJsonObject(current) && isJsonObject(value))
      merged = mergeMap(current, value, fieldPath, table);
    else if (Array.isArray(current) && Array.isArray(value)) {
      merged = mergeList(current, value, fieldPath, table);
    } else merged = freshValue(value, fieldPath, table);
    if (merged === undefined) deleteOwn(result, key);
    else setOwn(result, key, merged);
  }
  return result;
}

/**
 * Applies a strategic merge patch (`application/strategic-merge-patch+json`) with the server-side
 * options kube uses: nulls for absent keys are ignored and `$deleteFromPrimitiveList` lists are
 * merged. Whether a kind accepts this patch type at all is the HTTP layer's decision. `$patch:
 * merge` is accepted as an explicit no-op where kube would reject it.
 */
export function applyStrategicMergePatch(
  target: unknown,
  patch: unknown,
  mergeKeys: MergeKeyTable,
): unknown {
  if (!isJsonObject(patch))
    throw badRequest('the body of a strategic merge patch must be a JSON object');
  return mergeMap(
    isJsonObject(target) ? deepClone(target) : undefined,
    deepClone(patch),
    '',
    mergeKeys,
  );
}
