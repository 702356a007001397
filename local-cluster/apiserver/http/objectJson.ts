const texts = new WeakMap<object, string>();

/**
 * JSON of an object, computed once per stored version. Stored objects are frozen and shared, so a
 * list of 10,000 VMs or a change sent to 50 watchers reuses the text instead of serializing again.
 */
export const objectJson = (value: unknown): string => {
  if (!value || typeof value !== 'object' || !Object.isFrozen(value)) return JSON.stringify(value);
  let text = texts.get(value);
  if (text === undefined) texts.set(value, (text = JSON.stringify(value)));
  return text;
};

/** A list body: its head fields, then `items` from the cached texts. */
export const listJson = (head: Record<string, unknown>, items: readonly unknown[]): string =>
  `${JSON.stringify(head).slice(0, -1)},"items":[${items.map(objectJson).join(',')}]}`;

export const watchEventJson = (type: string, object: unknown): string =>
  `{"type":${JSON.stringify(type)},"object":${objectJson(object)}}`;
