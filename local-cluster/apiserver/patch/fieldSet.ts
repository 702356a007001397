import { PRIMITIVE_SET } from './strategicMergePatch';
import type { MergeKeyTable } from './strategicMergePatch';
import { deepEqual, deleteOwn, hasOwn, isJsonObject, setOwn } from './jsonValue';
import type { JsonObject } from './jsonValue';

/*
 * Field sets as server-side apply records them in `managedFields[].fieldsV1`. A path is a list of
 * elements: `f:<field>` for a map field, `k:<json of the merge key>` for an item of a keyed list,
 * `v:<json value>` for a member of a set of scalars. Members are leaves (scalars, atomic lists, empty
 * maps), list items and set values; a member that also has members below it is written with a
 * `".": {}` entry, as kube writes it.
 */

export type FieldPath = readonly string[];

/** Paths keyed by their JSON encoding, so set operations are map look-ups. */
export type PathSet = Map<string, FieldPath>;

/** Metadata the server owns or that identifies the object: never part of anyone's field set. */
/** Metadata the server sets; an applied configuration never overwrites it. */
export const SERVER_METADATA = new Set([
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'managedFields',
  'selfLink',
]);

/** Identity and server metadata are never owned by a field manager. */
const IGNORED_METADATA = new Set(['name', 'namespace', ...SERVER_METADATA]);
const IGNORED_TOP_LEVEL = new Set(['apiVersion', 'kind']);

const childPath = (path: string, key: string): string => (path ? `${path}.${key}` : key);

export const pathKey = (path: FieldPath): string => JSON.stringify(path);

const addPath = (set: PathSet, path: FieldPath): void => {
  set.set(pathKey(path), path);
};

const isScalar = (value: unknown): boolean => value === null || typeof value !== 'object';

/** The merge key of a list if every item can be addressed by it; otherwise the list is atomic. */
export function listKeyOf(
  list: readonly unknown[],
  schemaPath: string,
  mergeKeys: MergeKeyTable,
): string | undefined {
  const key = hasOwn(mergeKeys, schemaPath) ? mergeKeys[schemaPath] : undefined;
  if (key === undefined) return undefined;
  if (key === PRIMITIVE_SET) return list.every(isScalar) ? key : undefined;
  return list.every((item) => isJsonObject(item) && hasOwn(item, key)) ? key : undefined;
}

export const itemElement = (key: string, item: JsonObject): string =>
  `k:${JSON.stringify({ [key]: item[key] })}`;

export const valueElement = (value: unknown): string => `v:${JSON.stringify(value)}`;

function walk(
  value: unknown,
  path: string[],
  schemaPath: string,
  mergeKeys: MergeKeyTable,
  out: PathSet,
): void {
  if (isJsonObject(value)) {
    const keys = Object.keys(value);
    if (keys.length === 0) addPath(out, path);
    for (const key of keys)
      walk(value[key], [...path, `f:${key}`], childPath(schemaPath, key), mergeKeys, out);
    return;
  }
  if (Array.isArray(value)) {
    const key = listKeyOf(value, schemaPath, mergeKeys);
    if (key === undefined || value.length === 0) {
      addPath(out, path);
    } else if (key === PRIMITIVE_SET) {
      for (const item of value) addPath(out, [...path, valueElement(item)]);
    } else {
      for (const item of value as JsonObject[]) {
        const itemPath = [...path, itemElement(key, item)];
        addPath(out, itemPath);
        for (const field of Object.keys(item)) {
          walk(
            item[field],
            [...itemPath, `f:${field}`],
            childPath(schemaPath, field),
            mergeKeys,
            out,
          );
        }
      }
    }
    return;
  }
  addPath(out, path);
}

/** Every field path an object sets, leaving out identity and server-owned metadata. */
export function pathsOf(obj: unknown, mergeKeys: MergeKeyTable): PathSet {
  const out: PathSet = new Map();
  if (!isJsonObject(obj)) return out;
  for (const [key, value] of Object.entries(obj)) {
    if (IGNORED_TOP_LEVEL.has(key)) continue;
    if (key === 'metadata' && isJsonObject(value)) {
      for (const [metaKey, metaValue] of Object.entries(value)) {
        if (IGNORED_METADATA.has(metaKey)) continue;
        walk(metaValue, ['f:metadata', `f:${metaKey}`], `metadata.${metaKey}`, mergeKeys, out);
      }
      continue;
    }
    walk(value, [`f:${key}`], key, mergeKeys, out);
  }
  return out;
}

interface Node {
  member: boolean;
  children: Map<string, Node>;
}

export function toFieldsV1(paths: PathSet): Record<string, unknown> {
  const root: Node = { member: false, children: new Map() };
  for (const path of paths.values()) {
    let node = root;
    for (const element of path) {
      let child = node.children.get(element);
      if (!child) {
        child = { member: false, children: new Map() };
        node.children.set(element, child);
      }
      node = child;
    }
    node.member = true;
  }
  const render = (node: Node): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    if (node.member && node.children.size > 0) out['.'] = {};
    const elements = [...node.children.keys()].sort();
    for (const element of elements)
      setOwn(out, element, render(node.children.get(element) as Node));
    return out;
  };
  return render(root);
}

export function fromFieldsV1(fields: unknown): PathSet {
  const out: PathSet = new Map();
  const visit = (node: unknown, path: string[]): void => {
    if (!isJsonObject(node)) return;
    for (const [element, child] of Object.entries(node)) {
      if (element === '.') {
        if (path.length > 0) addPath(out, path);
        continue;
      }
      if (isJsonObject(child) && Object.keys(child).length > 0) visit(child, [...path, element]);
      else addPath(out, [...path, element]);
    }
  };
  visit(fields, []);
  return out;
}

/** The fieldsV1 set of everything `obj` sets. */
export function fieldSetOf(obj: unknown, mergeKeys: MergeKeyTable): Record<string, unknown> {
  return toFieldsV1(pathsOf(obj, mergeKeys));
}

/** Finds the position an element addresses inside a container, or undefined when absent. */
function locate(
  container: unknown,
  element: string,
): { found: true; index: number | string } | undefined {
  const body = element.slice(2);
  if (element.startsWith('f:')) {
    return isJsonObject(container) && hasOwn(container, body)
      ? { found: true, index: body }
      : undefined;
  }
  if (!Array.isArray(container)) return undefined;
  let wanted: unknown;
  try {
    wanted = JSON.parse(body);
  } catch {
    return undefined;
  }
  let index = -1;
  if (element.startsWith('k:') && isJsonObject(wanted)) {
    const keyFields = Object.entries(wanted);
    index = container.findIndex(
      (item) =>
        isJsonObject(item) && keyFields.every(([k, v]) => hasOwn(item, k) && deepEqual(item[k], v)),
    );
  } else if (element.startsWith('v:')) {
    index = container.findIndex((item) => deepEqual(item, wanted));
  } else if (element.startsWith('i:') && typeof wanted === 'number') {
    index = wanted < container.length ? wanted : -1;
  }
  return index >= 0 ? { found: true, index } : undefined;
}

export function valueAt(obj: unknown, path: FieldPath): { found: boolean; value?: unknown } {
  let current = obj;
  for (const element of path) {
    const at = locate(current, element);
    if (!at) return { found: false };
    current =
      typeof at.index === 'number'
        ? (current as unknown[])[at.index]
        : (current as JsonObject)[at.index];
  }
  return { found: true, value: current };
}

/** Removes the value a path addresses; returns whether anything was there. */
export function removeAt(obj: unknown, path: FieldPath): boolean {
  if (path.length === 0) return false;
  const parent = valueAt(obj, path.slice(0, -1));
  if (!parent.found) return false;
  const at = locate(parent.value, path[path.length - 1]);
  if (!at) return false;
  if (typeof at.index === 'number') (parent.value as unknown[]).splice(at.index, 1);
  else deleteOwn(parent.value as JsonObject, at.index);
  return true;
}

/** Structured-merge-diff's path notation, used in conflict messages: `.spec.containers[name="x"].image`. */
export function formatPath(path: FieldPath): string {
  return path
    .map((element) => {
      const body = element.slice(2);
      if (element.startsWith('f:')) return `.${body}`;
      if (element.startsWith('v:')) return `[=${body}]`;
      if (element.startsWith('i:')) return `[${body}]`;
      try {
        const key: unknown = JSON.parse(body);
        if (isJsonObject(key)) {
          return `[${Object.entries(key)
            .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
            .join(',')}]`;
        }
      } catch {
        // fall through to the raw element
      }
      return `[${body}]`;
    })
    .join('');
}

export const isPrefix = (prefix: FieldPath, path: FieldPath): boolean =>
  prefix.length <= path.length && prefix.every((element, i) => element === path[i]);
