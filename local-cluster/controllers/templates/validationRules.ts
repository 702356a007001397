/**
 * The validation rules a common template carries (kubevirt/common-templates VALIDATION.md), as
 * SSP's template validator reads them: a JSON array in the Template's `validations` annotation or
 * in the VM's own `vm.kubevirt.io/validations` annotation.
 */

/** The rule kinds SSP's validator can apply. */
export const RULE_TYPES = ['integer', 'string', 'enum', 'regex'] as const;
export type RuleType = (typeof RULE_TYPES)[number];

export interface ValidationRule {
  name: string;
  /** One of RULE_TYPES; anything else makes the rule fail with "unrecognized Rule type". */
  rule: string;
  /** `jsonpath::.spec.domain...`, relative to the VM's `spec.template`. */
  path: string;
  message: string;
  /** Apply the rule only when this path finds something in the VM (e.g. only VMs with a CD-ROM). */
  valid?: string;
  /** A failing rule is reported but does not reject the VM. */
  justWarning?: boolean;
  /** enum: the allowed values, each a literal or a `jsonpath::` into the VM. */
  values?: string[];
  /** integer: bounds, each a number or a `jsonpath::` to one integer in the VM. */
  min?: number | string;
  max?: number | string;
  /** string: bounds on the length of every value. */
  minLength?: number | string;
  maxLength?: number | string;
  /** regex: the pattern every value must match. */
  regex?: string;
}

export const JSONPATH_PREFIX = 'jsonpath::';

/** Field expressions SSP accepts: dotted fields, indexes and `[*]`, e.g. `.spec.domain.devices.disks[*].disk.bus`. */
const SIMPLE_PATH = /^(\.[A-Za-z0-9_-]+|\[(\d+|\*)\])+$/;

/** Raised for rules that cannot even be read; SSP answers those with 400 before evaluating anything. */
export class RuleParseError extends Error {}

export const isJsonPath = (s: string): boolean => s.startsWith(JSONPATH_PREFIX);

/** The expression after `jsonpath::` with a leading `$` dropped; SSP reports it as the cause field. */
export const pathExpression = (path: string): string =>
  path.slice(JSONPATH_PREFIX.length).replace(/^\$/, '');

const checkPath = (value: unknown, key: string, name: string): void => {
  if (typeof value !== 'string' || !isJsonPath(value) || !SIMPLE_PATH.test(pathExpression(value)))
    throw new RuleParseError(
      `rule ${JSON.stringify(name)}: ${key} ${JSON.stringify(value)}: invalid JSONPath`,
    );
};

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads a `validations` annotation. An empty or missing annotation means no rules. Malformed JSON
 * or a path that is not a `jsonpath::` expression throws RuleParseError, as SSP's JSON decoding
 * does; semantic problems (unknown rule type, missing message, duplicate names) are left to the
 * evaluator, which reports them per rule.
 */
export const parseValidationRules = (annotation: string | undefined): ValidationRule[] => {
  if (annotation === undefined || annotation.trim() === '') return [];
  let raw: unknown;
  try {
    raw = JSON.parse(annotation);
  } catch (err) {
    throw new RuleParseError(`cannot parse validations: ${(err as Error).message}`);
  }
  if (!Array.isArray(raw)) throw new RuleParseError('validations must be a JSON array of rules');
  return raw.map((item, i): ValidationRule => {
    if (!isRecord(item)) throw new RuleParseError(`validations[${i}] must be an object`);
    const name = typeof item.name === 'string' ? item.name : '';
    checkPath(item.path, 'path', name);
    if (item.valid !== undefined && item.valid !== '') checkPath(item.valid, 'valid', name);
    const bound = (v: unknown): number | string | undefined =>
      typeof v === 'number' || typeof v === 'string' ? v : undefined;
    return {
      name,
      rule: typeof item.rule === 'string' ? item.rule : '',
      path: item.path as string,
      message: typeof item.message === 'string' ? item.message : '',
      valid: typeof item.valid === 'string' && item.valid !== '' ? item.valid : undefined,
      justWarning: item.justWarning === true,
      values: Array.isArray(item.values) ? item.values.map(String) : undefined,
      min: bound(item.min),
      max: bound(item.max),
      minLength: bound(item.minLength),
      maxLength: bound(item.maxLength),
      regex: typeof item.regex === 'string' ? item.regex : undefined,
    };
  });
};
