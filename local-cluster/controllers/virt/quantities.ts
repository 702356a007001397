import { parseQuantity } from '../../apiserver/validation/quantity';

/** Bytes (or cores) of a quantity; 0 for a missing or malformed one. */
export const quantityValue = (q: string | number | undefined): number => {
  if (q === undefined || q === '') return 0;
  try {
    return parseQuantity(q);
  } catch {
    return 0;
  }
};

/** A byte count the way resource.Quantity prints a BinarySI value: the largest exact unit. */
export const formatBytes = (bytes: number): string => {
  const n = Math.round(bytes);
  for (const [suffix, size] of [
    ['Ti', 2 ** 40],
    ['Gi', 2 ** 30],
    ['Mi', 2 ** 20],
    ['Ki', 2 ** 10],
  ] as const) {
    if (n !== 0 && n % size === 0) return `${n / size}${suffix}`;
  }
  return String(n);
};

/** Cores as kube prints them: whole numbers plain, fractions in millicores. */
export const formatCpu = (cores: number): string => {
  const milli = Math.round(cores * 1000);
  return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
};
