/**
 * Standard five-field cron expressions (minute hour day-of-month month day-of-week), as DataImportCron
 * schedules use them (every 12 hours as a step on the hour field, or HCO's randomized
 * `"24 6/12 * * *"`), and the next time one
 * fires. Times are UTC, as the CronJob controller of an OpenShift cluster runs them.
 */

interface Field {
  min: number;
  max: number;
  names?: string[];
}

const FIELDS: Field[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  {
    min: 1,
    max: 12,
    names: ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'],
  },
  { min: 0, max: 7, names: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] },
];

const MACROS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

export interface CronSchedule {
  minutes: Set<number>;
  hours: Set<number>;
  days: Set<number>;
  months: Set<number>;
  weekdays: Set<number>;
  /** `*` in day-of-month / day-of-week: cron ORs the two only when both are restricted. */
  anyDay: boolean;
  anyWeekday: boolean;
}

const value = (text: string, field: Field): number => {
  const named = field.names?.indexOf(text.toLowerCase()) ?? -1;
  const n = named >= 0 ? named + (field.min === 1 ? 1 : 0) : Number(text);
  if (!Number.isInteger(n) || n < field.min || n > field.max)
    throw new Error(`invalid value ${text}`);
  return n;
};

const parseField = (text: string, field: Field): Set<number> => {
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const [range, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new Error(`invalid step in ${part}`);
    let lo: number;
    let hi: number;
    if (range === '*' || range === '?') {
      lo = field.min;
      hi = field.max;
    } else if (range.includes('-')) {
      const [a, b] = range.split('-');
      lo = value(a, field);
      hi = value(b, field);
      if (hi < lo) throw new Error(`invalid range ${range}`);
    } else {
      lo = value(range, field);
      // `6/12` means from 6 to the end in steps of 12.
      hi = stepText === undefined ? lo : field.max;
    }
    for (let v = lo; v <= hi; v += step) out.add(v);
  }
  return out;
};

export const parseCron = (expression: string): CronSchedule => {
  const text = MACROS[expression.trim().toLowerCase()] ?? expression.trim();
  const parts = text.split(/\s+/);
  if (parts.length !== 5) throw new Error(`expected 5 fields in cron expression "${expression}"`);
  const [m, h, dom, mon, dow] = parts.map((p, i) => parseField(p, FIELDS[i]));
  // Sunday is 0 and 7.
  if (dow.has(7)) {
    dow.delete(7);
    dow.add(0);
  }
  return {
    minutes: m,
    hours: h,
    days: dom,
    months: mon,
    weekdays: dow,
    anyDay: parts[2] === '*' || parts[2] === '?',
    anyWeekday: parts[4] === '*' || parts[4] === '?',
  };
};

const dayMatches = (s: CronSchedule, d: Date): boolean => {
  const dom = s.days.has(d.getUTCDate());
  const dow = s.weekdays.has(d.getUTCDay());
  if (s.anyDay && s.anyWeekday) return true;
  if (s.anyDay) return dow;
  if (s.anyWeekday) return dom;
  return dom || dow;
};

/** The first time strictly after `after` that the schedule fires (minute precision, UTC). */
export const nextCronTime = (schedule: CronSchedule, after: Date): Date => {
  const t = new Date(after.getTime());
  t.setUTCSeconds(0, 0);
  t.setUTCMinutes(t.getUTCMinutes() + 1);
  // Five years of minutes bounds any valid expression (Feb 29 included).
  const limit = after.getTime() + 5 * 366 * 24 * 3600_000;
  while (t.getTime() <= limit) {
    if (!schedule.months.has(t.getUTCMonth() + 1)) {
      t.setUTCMonth(t.getUTCMonth() + 1, 1);
      t.setUTCHours(0, 0, 0, 0);
      continue;
    }
    if (!dayMatches(schedule, t)) {
      t.setUTCDate(t.getUTCDate() + 1);
      t.setUTCHours(0, 0, 0, 0);
      continue;
    }
    if (!schedule.hours.has(t.getUTCHours())) {
      t.setUTCHours(t.getUTCHours() + 1, 0, 0, 0);
      continue;
    }
    if (!schedule.minutes.has(t.getUTCMinutes())) {
      t.setUTCMinutes(t.getUTCMinutes() + 1, 0, 0);
      continue;
    }
    return t;
  }
  throw new Error('cron expression never fires');
};
