/** The console's `%ns~key%` convention for translatable strings in extension properties (pure). */
const PATTERN = /^%(.+)%$/;

/** `%plugin__x~VirtualMachines%` → `t('plugin__x~VirtualMachines')`; other strings pass through. */
export const translateString = (value: string, t: (key: string) => string): string => {
  const match = PATTERN.exec(value);
  return match ? t(match[1]) : value;
};

/** Translates every `%ns~key%` string in a (JSON-like) value, returning a copy. */
export const translateDeep = <T>(value: T, t: (key: string) => string): T => {
  if (typeof value === 'string') return translateString(value, t) as T;
  if (Array.isArray(value)) return value.map((v) => translateDeep(v, t)) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, translateDeep(v, t)])) as T;
  }
  return value;
};
