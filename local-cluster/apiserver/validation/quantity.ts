/** Kubernetes resource quantities (`512Mi`, `1.5`, `250m`, `1e3`), as resource.ParseQuantity reads
 * them. Values come back as plain numbers: exact enough to compare sizes and check validity,
 * which is all the server needs (it never re-serialises a quantity). */

const BINARY_SI: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

const DECIMAL_SI: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

// Sign, then digits with an optional fraction (`1.`, `.5` are valid, a bare `.` is not), then
// the suffix. An exponent suffix is `e`/`E` followed by a signed integer.
const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?)$/;

/** Parses a quantity into base units (bytes, cores); throws on anything kube would reject. */
export const parseQuantity = (s: string | number): number => {
  if (typeof s === 'number') {
    if (!Number.isFinite(s)) throw new Error(`quantities must be finite numbers: ${s}`);
    return s;
  }
  const m = QUANTITY.exec(s);
  if (!m) throw new Error(`quantities must match the regular expression '${QUANTITY.source}'`);
  const [, number, exponent, suffix = ''] = m;
  const value = Number(number);
  if (exponent) return value * 10 ** Number(exponent.slice(1));
  return value * (BINARY_SI[suffix] ?? DECIMAL_SI[suffix]);
};

export const isValidQuantity = (s: unknown): boolean => {
  if (typeof s !== 'string' && typeof s !== 'number') return false;
  try {
    parseQuantity(s);
    return true;
  } catch {
    return false;
  }
};
