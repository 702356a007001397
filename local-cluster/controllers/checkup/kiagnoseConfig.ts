/**
 * The kiagnose ConfigMap contract shared by every checkup: flat keys, `spec.timeout` (a Go
 * duration) and `spec.param.*` as input, `status.*` written back by the checkup. The messages are
 * kiagnose's own, since they end up in the Job's log and the console shows them.
 */

export const TIMEOUT_KEY = 'spec.timeout';
export const PARAM_PREFIX = 'spec.param.';
export const STATUS_SUCCEEDED = 'status.succeeded';
export const STATUS_FAILURE_REASON = 'status.failureReason';
export const STATUS_START = 'status.startTimestamp';
export const STATUS_COMPLETION = 'status.completionTimestamp';
export const RESULT_PREFIX = 'status.result.';
export const CHECKUP_TYPE_LABEL = 'kiagnose/checkup-type';

const UNIT_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/** Go's time.ParseDuration ("5m", "1h30m", "1.5s", "300ms"), in milliseconds; undefined when Go
 * would reject it. A bare "0" is valid; other numbers need a unit. */
export const parseGoDuration = (input: string): number | undefined => {
  let s = input.trim();
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    if (s[0] === '-') sign = -1;
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (!s) return undefined;
  const part = /^(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/;
  let total = 0;
  while (s) {
    const m = part.exec(s);
    if (!m) return undefined;
    total += Number(m[1]) * UNIT_MS[m[2]];
    s = s.slice(m[0].length);
  }
  return sign * total;
};

export type KiagnoseConfig =
  { ok: true; timeoutMs: number; params: Record<string, string> } | { ok: false; error: string };

/** What kiagnose's config.Read makes of the ConfigMap data before the checkup runs. */
export const readKiagnoseConfig = (data: Record<string, string> | undefined): KiagnoseConfig => {
  if (!data) return { ok: false, error: 'configMap Data field is nil' };
  if (STATUS_START in data) return { ok: false, error: 'configMap is already in use' };
  const rawTimeout = data[TIMEOUT_KEY];
  if (rawTimeout === undefined) return { ok: false, error: 'timeout field is missing' };
  const timeoutMs = parseGoDuration(rawTimeout);
  if (timeoutMs === undefined) return { ok: false, error: 'timeout field is illegal' };
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(data)) {
    if (!key.startsWith(PARAM_PREFIX)) continue;
    const name = key.slice(PARAM_PREFIX.length);
    if (!name) return { ok: false, error: 'param name is illegal' };
    params[name] = value;
  }
  return { ok: true, timeoutMs, params };
};

/** The status keys a finished checkup writes (results under `status.result.`). */
export const finishedStatus = (
  failures: string[],
  results: Record<string, string>,
  completionTimestamp: string,
): Record<string, string> => {
  const data: Record<string, string> = {
    [STATUS_SUCCEEDED]: String(failures.length === 0),
    [STATUS_FAILURE_REASON]: failures.join(', '),
    [STATUS_COMPLETION]: completionTimestamp,
  };
  for (const [key, value] of Object.entries(results)) data[`${RESULT_PREFIX}${key}`] = value;
  return data;
};
