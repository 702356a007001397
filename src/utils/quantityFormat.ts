import { parseQuantity } from './validation';

const BINARY_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** Rounds to at most `digits` decimals and drops trailing zeros. */
const round = (value: number, digits: number): string => String(Number(value.toFixed(digits)));

/** Bytes in binary units: `0 B`, `512 B`, `1.5 KiB`, `30 GiB`. */
export const formatBytes = (bytes: number | undefined, digits = 2): string | undefined => {
  if (bytes === undefined || !Number.isFinite(bytes)) return undefined;
  let value = Math.abs(bytes);
  let unit = 0;
  while (value >= 1024 && unit < BINARY_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${bytes < 0 ? '-' : ''}${round(value, digits)} ${BINARY_UNITS[unit]}`;
};

/** A transfer rate: `formatBytes` per second. */
export const formatBytesPerSecond = (bytes: number | undefined): string | undefined => {
  const formatted = formatBytes(bytes);
  return formatted === undefined ? undefined : `${formatted}/s`;
};

/** A Kubernetes quantity (`2Gi`, `512M`) in binary units; the text itself when it is none. */
export const formatQuantity = (quantity: string | number | undefined): string | undefined => {
  if (quantity === undefined) return undefined;
  const bytes = parseQuantity(quantity);
  return bytes === undefined ? String(quantity) : formatBytes(bytes);
};

/** A plain number with at most `digits` decimals (`0.12`, `3`). */
export const formatNumber = (value: number | undefined, digits = 2): string | undefined =>
  value === undefined || !Number.isFinite(value) ? undefined : round(value, digits);

/** `part` of `total` as a percentage in [0, 100]; `undefined` when it cannot be computed. */
export const toPercent = (
  part: number | undefined,
  total: number | undefined,
): number | undefined => {
  if (part === undefined || !total || total <= 0 || !Number.isFinite(part)) return undefined;
  return Math.min(100, Math.max(0, (part / total) * 100));
};
