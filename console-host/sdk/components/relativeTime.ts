/** "3 minutes ago" in the UI language (pure, via Intl.RelativeTimeFormat). */
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

// Intl formatters are costly to build and immutable: one per language and options.
const formats = new Map<string, Intl.RelativeTimeFormat | Intl.NumberFormat>();
const cached = <F extends Intl.RelativeTimeFormat | Intl.NumberFormat>(
  key: string,
  make: () => F,
): F => {
  let format = formats.get(key) as F | undefined;
  if (!format) {
    format = make();
    formats.set(key, format);
  }
  return format;
};

export const relativeTime = (
  date: Date,
  now: Date,
  language: string,
  omitSuffix = false,
): string => {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const abs = Math.abs(seconds);
  const [unit, size] = UNITS.find(([, s]) => abs >= s) ?? ['second', 1];
  const value = Math.round(seconds / size);
  if (omitSuffix) {
    return cached(
      `${language}|unit|${unit}`,
      () => new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'long' }),
    ).format(Math.abs(value));
  }
  if (unit === 'second' && abs < 60) {
    return cached(
      `${language}|auto`,
      () => new Intl.RelativeTimeFormat(language, { numeric: 'auto' }),
    ).format(0, 'second');
  }
  return cached(
    `${language}|always`,
    () => new Intl.RelativeTimeFormat(language, { numeric: 'always' }),
  ).format(value, unit);
};
