const UNIT_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/**
 * A metav1.Duration as the API carries it (Go's time.ParseDuration: `5m`, `1h30m`, `2h0m0s`,
 * `1.5s`) in milliseconds; a bare number counts as seconds. Undefined when it does not parse.
 */
export const parseGoDuration = (value: string | number | undefined): number | undefined => {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'number') return value * 1000;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
  const sign = text.startsWith('-') ? -1 : 1;
  const body = text.replace(/^[+-]/, '');
  if (body === '0') return 0;
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/gy;
  let total = 0;
  let consumed = 0;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    total += Number(m[1]) * UNIT_MS[m[2]];
    consumed = re.lastIndex;
  }
  if (consumed !== body.length || consumed === 0) return undefined;
  return sign * total;
};

/** Go's Duration.String() for whole seconds (`5m0s`, `2h0m0s`, `45s`). */
export const formatGoDuration = (ms: number): string => {
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h) return `${h}h${m}m${s}s`;
  if (m) return `${m}m${s}s`;
  return `${s}s`;
};
