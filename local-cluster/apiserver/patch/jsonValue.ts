/** Small helpers for working with decoded JSON documents, shared by the patch engines. */

export type JsonObject = Record<string, unknown>;

export const isJsonObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Assigns as an own data property: a plain `obj[key] = v` with key `__proto__` would replace the
 * prototype instead, and patches come straight from clients. */
export const setOwn = (obj: JsonObject, key: string, value: unknown): void => {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
};

export const hasOwn = (obj: JsonObject, key: string): boolean =>
  Object.prototype.hasOwnProperty.call(obj, key);

export const deepClone = <T>(value: T): T => (value === undefined ? value : structuredClone(value));

export const deepEqual = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  }
  if (isJsonObject(a) && isJsonObject(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((k) => hasOwn(b, k) && deepEqual(a[k], b[k]))
    );
  }
  return false;
};

/** Removes a key chosen at run time (a field name from a patch or a path). */
export const deleteOwn = (obj: JsonObject, key: string): void => {
  Reflect.deleteProperty(obj, key);
};
