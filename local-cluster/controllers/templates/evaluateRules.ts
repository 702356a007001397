import type { StatusCause } from '../../apiserver/core/types';
import { parseQuantity } from '../../apiserver/validation/quantity';
import type { ValidationRule } from './validationRules';
import { RULE_TYPES, isJsonPath, pathExpression } from './validationRules';

/**
 * Applies template validation rules to a VirtualMachine the way SSP's template validator does:
 * every rule is evaluated (greedy), paths are read from the VM's `spec.template`, and the texts of
 * the reports follow SSP's so that users see the same messages as on a real cluster.
 */

/** The outcome of one rule. */
export interface RuleReport {
  rule: ValidationRule;
  /** The rule's `valid` path found nothing in this VM, so the rule does not apply. */
  skipped: boolean;
  satisfied: boolean;
  /** What the application found, e.g. "value 1073741824 is lower than minimum [1610612736]". */
  message: string;
  /** The rule itself is broken (unknown type, bad bound, wrong value type). */
  error?: string;
}

export interface Evaluation {
  reports: RuleReport[];
  /** True when a non-warning rule is unsatisfied or any rule is broken. */
  failed: boolean;
}

type JSONObject = Record<string, unknown>;
const isObject = (v: unknown): v is JSONObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

class RuleError extends Error {}

/** Every value an SSP path (`.a.b[*].c[0]`) reaches under `root`; missing branches yield nothing. */
export const lookupPath = (root: unknown, expression: string): unknown[] => {
  let current: unknown[] = [root];
  for (const [, field, index] of expression.matchAll(/\.([^.[]+)|\[(\d+|\*)\]/g)) {
    const next: unknown[] = [];
    for (const value of current) {
      if (field !== undefined) {
        if (isObject(value) && value[field] !== undefined && value[field] !== null)
          next.push(value[field]);
      } else if (Array.isArray(value)) {
        if (index === '*') next.push(...value);
        else if (Number(index) < value.length) next.push(value[Number(index)]);
      }
    }
    current = next;
  }
  return current;
};

/** SSP defaults an unset CPU topology to 1 before validating, so `cores >= 1` style rules pass. */
const withDefaults = (template: unknown): unknown => {
  if (!isObject(template)) return {};
  const spec = isObject(template.spec) ? template.spec : {};
  const domain = isObject(spec.domain) ? spec.domain : {};
  if (!isObject(domain.cpu)) return template;
  const cpu = { ...domain.cpu };
  for (const key of ['sockets', 'cores', 'threads']) if (!cpu[key]) cpu[key] = 1;
  return { ...template, spec: { ...spec, domain: { ...domain, cpu } } };
};

/**
 * Values at a rule path. When the VM lacks the field, SSP reads the same path on a zero-valued
 * reference VM, so a missing field counts as 0 or "" rather than as "nothing to check".
 */
const valuesAt = (root: unknown, path: string, zero: number | string): unknown[] => {
  const found = lookupPath(root, pathExpression(path));
  return found.length > 0 ? found : [zero];
};

const typeName = (v: unknown): string => (Array.isArray(v) ? 'array' : typeof v);

const asInt = (v: unknown): number => {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string') {
    try {
      const n = parseQuantity(v);
      if (Number.isInteger(n)) return n;
    } catch {
      // falls through to the type error below, as SSP reports any value it cannot read as int64
    }
  }
  throw new RuleError(`mismatching type: ${typeName(v)}, not int or resource.Quantity`);
};

const asString = (v: unknown): string => {
  if (typeof v === 'string') return v;
  throw new RuleError(`mismatching type: ${typeName(v)}, not string`);
};

/** A bound: a literal integer or a path to exactly one integer in the VM. */
const decodeInt = (bound: number | string, root: unknown): number => {
  if (typeof bound === 'number') return asInt(bound);
  if (!isJsonPath(bound)) throw new RuleError(`parameter is not JSONPath: ${bound}`);
  const values = valuesAt(root, bound, 0).map(asInt);
  if (values.length !== 1) throw new RuleError(`expected one value, found ${values.length}`);
  return values[0];
};

/** An enum value: a literal string or a path to exactly one string in the VM. */
const decodeString = (value: string, root: unknown): string => {
  if (!isJsonPath(value)) return value;
  const values = valuesAt(root, value, '').map(asString);
  if (values.length !== 1) throw new RuleError(`expected one value, found ${values.length}`);
  return values[0];
};

interface Range {
  min?: number;
  max?: number;
}

const decodeRange = (
  min: number | string | undefined,
  max: number | string | undefined,
  root: unknown,
): Range => ({
  min: min === undefined ? undefined : decodeInt(min, root),
  max: max === undefined ? undefined : decodeInt(max, root),
});

const inRange = (r: Range, v: number): boolean =>
  !(r.min !== undefined && v < r.min) && !(r.max !== undefined && v > r.max);

const bound = (v: number | undefined): string => (v === undefined ? 'N/A' : String(v));

/** Applies one well-formed rule; returns whether it holds and SSP's description of the result. */
const applyRule = (rule: ValidationRule, root: unknown): { satisfied: boolean; text: string } => {
  switch (rule.rule) {
    case 'integer': {
      const range = decodeRange(rule.min, rule.max, root);
      const values = valuesAt(root, rule.path, 0).map(asInt);
      const satisfied = values.every((v) => inRange(range, v));
      if (satisfied)
        return {
          satisfied,
          text: `All values [${values.join(' ')}] are in interval [${bound(range.min)}, ${bound(range.max)}]`,
        };
      // SSP separates every value's text with ", ", in range or not.
      const text = values
        .map((v) => {
          let part = '';
          if (range.min !== undefined && v < range.min)
            part += `value ${v} is lower than minimum [${range.min}]`;
          if (range.max !== undefined && v > range.max)
            part += `value ${v} is higher than maximum [${range.max}]`;
          return part;
        })
        .join(', ');
      return { satisfied, text };
    }
    case 'string': {
      const range = decodeRange(rule.minLength, rule.maxLength, root);
      const values = valuesAt(root, rule.path, '').map(asString);
      const satisfied = values.every((v) => inRange(range, v.length));
      return {
        satisfied,
        text: satisfied
          ? `Lengths of all strings are in interval [${bound(range.min)}, ${bound(range.max)}]`
          : `Lengths of some strings are not in interval [${bound(range.min)}, ${bound(range.max)}]`,
      };
    }
    case 'enum': {
      const allowed = (rule.values ?? []).map((v) => decodeString(v, root));
      const values = valuesAt(root, rule.path, '').map(asString);
      const satisfied = values.every((v) => allowed.includes(v));
      return {
        satisfied,
        text: `${satisfied ? 'All' : 'Some of'} [${values.join(', ')}] ${satisfied ? 'are' : 'are not'} in [${allowed.join(', ')}]`,
      };
    }
    default: {
      let pattern: RegExp;
      try {
        pattern = new RegExp(rule.regex ?? '');
      } catch (err) {
        throw new RuleError((err as Error).message);
      }
      const values = valuesAt(root, rule.path, '').map(asString);
      const satisfied = values.every((v) => pattern.test(v));
      return {
        satisfied,
        text: `${satisfied ? 'All' : 'Some of'} [${values.join(', ')}] ${satisfied ? 'match' : 'do not match'} ${rule.regex ?? ''}`,
      };
    }
  }
};

/** Evaluates every rule against the VM; see Evaluation for what counts as failed. */
export const evaluateRules = (rules: ValidationRule[], vm: JSONObject): Evaluation => {
  const spec = isObject(vm.spec) ? vm.spec : {};
  const root = withDefaults(spec.template);
  const seen = new Set<string>();
  const reports: RuleReport[] = [];
  let failed = false;
  const broken = (rule: ValidationRule, error: string) => {
    reports.push({ rule, skipped: false, satisfied: false, message: '', error });
    // A rule that cannot be applied must not go unnoticed, so it always rejects.
    failed = true;
  };
  for (const rule of rules) {
    if (seen.has(rule.name)) {
      broken(rule, 'duplicate Rule Name');
      continue;
    }
    seen.add(rule.name);
    if (!(RULE_TYPES as readonly string[]).includes(rule.rule)) {
      broken(rule, 'unrecognized Rule type');
      continue;
    }
    if (rule.message === '') {
      broken(rule, 'missing required key');
      continue;
    }
    if (rule.valid !== undefined && lookupPath(root, pathExpression(rule.valid)).length === 0) {
      reports.push({ rule, skipped: true, satisfied: false, message: '' });
      continue;
    }
    try {
      const { satisfied, text } = applyRule(rule, root);
      reports.push({ rule, skipped: false, satisfied, message: text });
      if (!satisfied && !rule.justWarning) failed = true;
    } catch (err) {
      if (!(err instanceof RuleError)) throw err;
      broken(rule, err.message);
    }
  }
  return { reports, failed };
};

/**
 * The causes SSP puts in its denial: nothing when the evaluation passed; otherwise one per broken
 * or unsatisfied rule (warnings included), with the rule's path as field.
 */
export const causesOf = (evaluation: Evaluation): StatusCause[] =>
  evaluation.failed
    ? evaluation.reports
        .filter((r) => r.error !== undefined || (!r.skipped && !r.satisfied))
        .map((r) => ({
          reason: 'FieldValueInvalid',
          field: pathExpression(r.rule.path),
          message: `${r.rule.message}: ${r.error ?? r.message}`,
        }))
    : [];

/** Unsatisfied `justWarning` rules, worded like causes. SSP only logs these. */
export const warningsOf = (evaluation: Evaluation): string[] =>
  evaluation.reports
    .filter((r) => r.rule.justWarning && !r.skipped && !r.satisfied && r.error === undefined)
    .map((r) => `${r.rule.message}: ${r.message}`);
