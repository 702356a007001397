import type { KubeObject, ManagedFieldsEntry, ObjectMeta } from '../core/types';
import {
  fromFieldsV1,
  isPrefix,
  listKeyOf,
  pathKey,
  pathsOf,
  removeAt,
  SERVER_METADATA,
  toFieldsV1,
  valueAt,
} from './fieldSet';
import type { FieldPath, PathSet } from './fieldSet';
import { deepClone, deepEqual, deleteOwn, hasOwn, isJsonObject, setOwn } from './jsonValue';
import type { JsonObject } from './jsonValue';
import { applyConflictError, sortManagedFields } from './managedFields';
import type { FieldConflict } from './managedFields';
import { PRIMITIVE_SET } from './strategicMergePatch';
import type { MergeKeyTable } from './strategicMergePatch';

export { fieldSetOf } from './fieldSet';

/*
 * Server-side apply, simplified: lists are keyed only where the merge-key table knows them (all
 * others are atomic), there is no schema-driven defaulting, and a field's value is compared as
 * JSON. What is kept from kube: the applier owns exactly the fields of its configuration, fields it
 * stops applying are removed unless someone else owns them, and changing a field another manager
 * owns is a conflict unless forced, in which case ownership moves to the applier.
 */

export interface ApplyOptions {
  fieldManager: string;
  force: boolean;
  apiVersion: string;
  now: string;
  mergeKeys?: MergeKeyTable;
  subresource?: string;
}

const childPath = (path: string, key: string): string => (path ? `${path}.${key}` : key);

/** A configuration value landing where the live object has nothing; a null there means "unset". */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (!isJsonObject(value)) return value;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value)) if (v !== null) setOwn(out, k, withoutNulls(v));
  return out;
}

function mergeConfig(
  live: unknown,
  config: unknown,
  schemaPath: string,
  mergeKeys: MergeKeyTable,
): unknown {
  if (isJsonObject(config)) {
    if (!isJsonObject(live)) return mergeConfig({}, config, schemaPath, mergeKeys);
    for (const [key, value] of Object.entries(config)) {
      if (schemaPath === 'metadata' && SERVER_METADATA.has(key)) continue;
      if (value === null) deleteOwn(live, key);
      else {
        const current = hasOwn(live, key) ? live[key] : undefined;
        setOwn(live, key, mergeConfig(current, value, childPath(schemaPath, key), mergeKeys));
      }
    }
    return live;
  }
  if (Array.isArray(config) && Array.isArray(live)) {
    const key = listKeyOf(config, schemaPath, mergeKeys);
    if (key === PRIMITIVE_SET) {
      return [...live, ...config.filter((item) => !live.some((x) => deepEqual(x, item)))];
    }
    if (key !== undefined && listKeyOf(live, schemaPath, mergeKeys) === key) {
      const out = [...live];
      for (const item of config as JsonObject[]) {
        const at = out.findIndex((x) => isJsonObject(x) && deepEqual(x[key], item[key]));
        if (at >= 0) out[at] = mergeConfig(out[at], item, schemaPath, mergeKeys);
        else out.push(withoutNulls(item));
      }
      return out;
    }
  }
  return withoutNulls(config);
}

const ownsAnyOf = (set: PathSet, path: FieldPath): boolean => {
  for (const owned of set.values()) if (isPrefix(path, owned)) return true;
  return false;
};

/** Leaves compare by value; list items and set members exist in both or they are not in the set. */
function changedBetween(before: unknown, after: unknown, path: FieldPath): boolean {
  const was = valueAt(before, path);
  if (!was.found) return true;
  const last = path[path.length - 1];
  if (last.startsWith('k:') || last.startsWith('v:')) return false;
  const now = valueAt(after, path);
  // An empty map in a configuration only claims the field; it leaves the live map's content alone.
  if (isJsonObject(was.value) && isJsonObject(now.value)) return false;
  return !deepEqual(was.value, now.value);
}

function removeUnlessEmptyParentsOwned(
  obj: unknown,
  path: FieldPath,
  owned: (p: FieldPath) => boolean,
): void {
  if (!removeAt(obj, path)) return;
  // Maps left empty by the removal go too, unless someone owns them as such.
  for (let parent = path.slice(0, -1); parent.length > 1; parent = parent.slice(0, -1)) {
    const at = valueAt(obj, parent);
    if (!at.found || !isJsonObject(at.value) || Object.keys(at.value).length > 0 || owned(parent))
      return;
    removeAt(obj, parent);
  }
}

/** `…k:{"name":"x"}.f:name`: removing it would leave an item the list can no longer address. */
function isMergeKeyOfItem(path: FieldPath): boolean {
  if (path.length < 2) return false;
  const [item, field] = path.slice(-2);
  if (!item.startsWith('k:') || !field.startsWith('f:')) return false;
  try {
    const key: unknown = JSON.parse(item.slice(2));
    return isJsonObject(key) && hasOwn(key, field.slice(2));
  } catch {
    return false;
  }
}

interface OwnedEntry {
  entry: ManagedFieldsEntry;
  set: PathSet;
}

function finish(obj: JsonObject, entries: OwnedEntry[]): KubeObject {
  const kept = entries
    .filter((e) => e.set.size > 0)
    .map((e) => ({ ...e.entry, fieldsV1: toFieldsV1(e.set) }));
  const metadata: ObjectMeta = isJsonObject(obj.metadata)
    ? { ...(obj.metadata as ObjectMeta) }
    : {};
  if (kept.length > 0) metadata.managedFields = sortManagedFields(kept);
  else delete metadata.managedFields;
  return { ...obj, metadata };
}

const sameSubresource = (entry: ManagedFieldsEntry, subresource: string | undefined): boolean =>
  (entry.subresource ?? '') === (subresource ?? '');

export function applyServerSide(
  live: KubeObject | undefined,
  applied: KubeObject,
  opts: ApplyOptions,
): KubeObject {
  const mergeKeys = opts.mergeKeys ?? {};
  const config = deepClone(applied) as JsonObject;
  const appliedSet = pathsOf(config, mergeKeys);
  const isMine = (e: ManagedFieldsEntry): boolean =>
    e.manager === opts.fieldManager &&
    e.operation === 'Apply' &&
    sameSubresource(e, opts.subresource);
  const entries = live?.metadata.managedFields ?? [];
  const previous = entries.find(isMine);
  const previousSet = previous ? fromFieldsV1(previous.fieldsV1) : new Map<string, FieldPath>();
  const others: OwnedEntry[] = entries
    .filter((e) => !isMine(e))
    .map((entry) => ({ entry, set: fromFieldsV1(entry.fieldsV1) }));

  if (live) {
    const conflicts: FieldConflict[] = [];
    for (const [key, path] of appliedSet) {
      if (!changedBetween(live, config, path)) continue;
      for (const other of others) {
        if (!other.set.has(key)) continue;
        // The same manager's own earlier updates never conflict with its apply; ownership just moves.
        if (other.entry.manager === opts.fieldManager || opts.force) other.set.delete(key);
        else conflicts.push({ manager: other.entry, path });
      }
    }
    if (conflicts.length > 0) throw applyConflictError(conflicts);
  }

  const result = live ? (deepClone(live) as unknown as JsonObject) : {};
  const ownedByAnyone = (path: FieldPath): boolean =>
    appliedSet.has(pathKey(path)) || others.some((o) => o.set.has(pathKey(path)));
  // Outermost first: a dropped list item goes whole, and its fields then simply are not found.
  const dropped = [...previousSet.values()]
    .filter((path) => !appliedSet.has(pathKey(path)))
    .sort((a, b) => a.length - b.length);
  for (const path of dropped) {
    if (isMergeKeyOfItem(path)) continue;
    if (ownsAnyOf(appliedSet, path) || others.some((o) => ownsAnyOf(o.set, path))) continue;
    removeUnlessEmptyParentsOwned(result, path, ownedByAnyone);
  }
  const merged = mergeConfig(result, config, '', mergeKeys) as JsonObject;

  const mine: OwnedEntry = {
    entry: {
      manager: opts.fieldManager,
      operation: 'Apply',
      apiVersion: opts.apiVersion,
      time: opts.now,
      fieldsType: 'FieldsV1',
      fieldsV1: {},
      ...(opts.subresource ? { subresource: opts.subresource } : {}),
    },
    set: appliedSet,
  };
  return finish(merged, [...others, mine]);
}

/**
 * Records a non-apply write (create, update, patch) by `manager`: it takes ownership of every field
 * the write added or changed, other managers lose those fields, and fields the write removed leave
 * every set. An empty `managedFields` list in `after` resets tracking, as in kube.
 */
export function recordUpdateManager(
  before: KubeObject | undefined,
  after: KubeObject,
  manager: string,
  now: string,
  apiVersion: string,
  mergeKeys: MergeKeyTable = {},
  subresource?: string,
): KubeObject {
  const beforeSet = pathsOf(before, mergeKeys);
  const afterSet = pathsOf(after, mergeKeys);
  const changed = [...afterSet].filter(
    ([key, path]) => !beforeSet.has(key) || changedBetween(before, after, path),
  );
  const removed = [...beforeSet.keys()].filter((key) => !afterSet.has(key));

  const isMine = (e: ManagedFieldsEntry): boolean =>
    e.manager === manager &&
    e.operation === 'Update' &&
    e.apiVersion === apiVersion &&
    sameSubresource(e, subresource);
  const entries = after.metadata.managedFields ?? before?.metadata.managedFields ?? [];
  const owned: OwnedEntry[] = entries.map((entry) => ({
    entry,
    set: fromFieldsV1(entry.fieldsV1),
  }));
  let mine = owned.find((o) => isMine(o.entry));
  if (!mine && changed.length > 0) {
    mine = {
      entry: {
        manager,
        operation: 'Update',
        apiVersion,
        time: now,
        fieldsType: 'FieldsV1',
        fieldsV1: {},
        ...(subresource ? { subresource } : {}),
      },
      set: new Map(),
    };
    owned.push(mine);
  }
  for (const o of owned) {
    for (const key of removed) o.set.delete(key);
    if (o === mine) continue;
    for (const [key] of changed) o.set.delete(key);
  }
  if (mine && changed.length > 0) {
    for (const [key, path] of changed) mine.set.set(key, path);
    mine.entry = { ...mine.entry, time: now };
  }
  return finish(deepClone(after) as unknown as JsonObject, owned);
}
