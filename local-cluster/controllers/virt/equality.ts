import { isDeepStrictEqual } from 'node:util';

/** JSON equality: what the API server would store is the same (undefined fields do not count). */
export const sameJson = (a: unknown, b: unknown): boolean =>
  isDeepStrictEqual(
    a === undefined ? undefined : JSON.parse(JSON.stringify(a)),
    b === undefined ? undefined : JSON.parse(JSON.stringify(b)),
  );
