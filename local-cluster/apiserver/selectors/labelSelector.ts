import { badRequest } from '../core/statusError';
import { tokenize } from './labelSelectorLexer';
import type { Token, TokenKind } from './labelSelectorLexer';
import { labelValueErrors, qualifiedNameErrors } from './labelValidation';

export type LabelOperator = 'in' | 'notin' | 'exists' | 'doesnotexist' | '=' | '!=' | 'gt' | 'lt';

/** One parsed requirement. `==` is normalised to `=`; values are sorted and de-duplicated, as
 * kube keeps them in a set. */
export type LabelRequirement = { key: string; operator: LabelOperator; values: string[] };

export interface LabelSelectorObject {
  matchLabels?: Record<string, string>;
  matchExpressions?: {
    key: string;
    operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
    values?: string[];
  }[];
}

const BINARY_OPERATORS = 'in, notin, =, ==, !=, gt, lt';

const quoteGo = (value: string): string => JSON.stringify(value);

/** `field.Invalid(path, value, detail).Error()` as apimachinery prints it. */
const invalidValue = (path: string, value: string | string[], detail: string): string => {
  const shown = Array.isArray(value)
    ? `[]string{${value.map(quoteGo).join(', ')}}`
    : quoteGo(value);
  return `${path}: Invalid value: ${shown}: ${detail}`;
};

const aggregate = (errs: string[]): string =>
  errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`;

/** Thrown inside the parser and turned into a 400 at the top, so the wrapping text is in one place. */
class ParseError extends Error {}

/** Builds a requirement the way `labels.NewRequirement` does, returning its error text if invalid. */
function newRequirement(
  key: string,
  operator: LabelOperator,
  values: string[],
): LabelRequirement | string {
  const errs: string[] = [];
  const keyErrs = qualifiedNameErrors(key);
  if (keyErrs.length) errs.push(invalidValue('key', key, keyErrs.join('; ')));
  switch (operator) {
    case 'in':
    case 'notin':
      if (values.length === 0) {
        errs.push(
          invalidValue('values', values, "for 'in', 'notin' operators, values set can't be empty"),
        );
      }
      break;
    case '=':
    case '!=':
      if (values.length !== 1) {
        errs.push(
          invalidValue('values', values, 'exact-match compatibility requires one single value'),
        );
      }
      break;
    case 'exists':
    case 'doesnotexist':
      if (values.length !== 0) {
        errs.push(
          invalidValue('values', values, 'values set must be empty for exists and does not exist'),
        );
      }
      break;
    case 'gt':
    case 'lt':
      if (values.length !== 1) {
        errs.push(
          invalidValue('values', values, "for 'Gt', 'Lt' operators, exactly one value is required"),
        );
      }
      values.forEach((v, i) => {
        if (!/^[+-]?\d+$/.test(v)) {
          errs.push(
            invalidValue(
              `values[${i}]`,
              v,
              "for 'Gt', 'Lt' operators, the value must be an integer",
            ),
          );
        }
      });
      break;
  }
  values.forEach((v, i) => {
    const valueErrs = labelValueErrors(v);
    if (valueErrs.length) errs.push(invalidValue(`values[${i}][${key}]`, v, valueErrs.join('; ')));
  });
  if (errs.length) return aggregate(errs);
  return { key, operator, values: [...new Set(values)].sort() };
}

class Parser {
  private pos = 0;

  constructor(private readonly tokens: Token[]) {}

  /** In value position the keywords `in`/`notin` are ordinary identifiers (`a=in` is valid). */
  private peek(valueContext: boolean): Token {
    return this.asContext(this.tokens[this.pos], valueContext);
  }

  private next(valueContext: boolean): Token {
    const token = this.tokens[this.pos];
    if (token.kind !== 'end') this.pos++;
    return this.asContext(token, valueContext);
  }

  private asContext(token: Token, valueContext: boolean): Token {
    return valueContext && (token.kind === 'in' || token.kind === 'notin')
      ? { kind: 'identifier', literal: token.literal }
      : token;
  }

  parse(): LabelRequirement[] {
    const requirements: LabelRequirement[] = [];
    for (;;) {
      const token = this.peek(true);
      if (token.kind === 'end') return requirements;
      if (token.kind !== 'identifier' && token.kind !== '!') {
        throw new ParseError(
          `found '${token.literal}', expected: !, identifier, or 'end of string'`,
        );
      }
      try {
        requirements.push(this.parseRequirement());
      } catch (e) {
        if (e instanceof ParseError)
          throw new ParseError(`unable to parse requirement: ${e.message}`);
        throw e;
      }
      const after = this.next(true);
      if (after.kind === 'end') return requirements;
      if (after.kind !== ',') {
        throw new ParseError(`found '${after.literal}', expected: ',' or 'end of string'`);
      }
      const following = this.peek(true);
      if (following.kind !== 'identifier' && following.kind !== '!') {
        throw new ParseError(`found '${following.literal}', expected: identifier after ','`);
      }
    }
  }

  private parseRequirement(): LabelRequirement {
    let token = this.next(true);
    let negated = false;
    if (token.kind === '!') {
      negated = true;
      token = this.next(true);
    }
    if (token.kind !== 'identifier') {
      throw new ParseError(`found '${token.literal}', expected: identifier`);
    }
    const key = token.literal;
    const keyErrs = qualifiedNameErrors(key);
    // The parser has no field path, which apimachinery prints as `<nil>`.
    if (keyErrs.length) throw new ParseError(invalidValue('<nil>', key, keyErrs.join('; ')));

    const lookahead = this.peek(true).kind;
    let operator: LabelOperator;
    let values: string[] = [];
    if (negated || lookahead === 'end' || lookahead === ',') {
      operator = negated ? 'doesnotexist' : 'exists';
    } else {
      operator = this.parseOperator();
      const parsed =
        operator === 'in' || operator === 'notin' ? this.parseValueSet() : this.parseExactValue();
      // kube collects values into a set and validates them in sorted order, which shows in the
      // `values[i]` of error messages.
      values = [...new Set(parsed)].sort();
    }
    const requirement = newRequirement(key, operator, values);
    if (typeof requirement === 'string') throw new ParseError(requirement);
    return requirement;
  }

  private parseOperator(): LabelOperator {
    const token = this.next(false);
    const operators: Partial<Record<TokenKind, LabelOperator>> = {
      in: 'in',
      notin: 'notin',
      '=': '=',
      '==': '=',
      '!=': '!=',
      '>': 'gt',
      '<': 'lt',
    };
    const operator = operators[token.kind];
    if (!operator) throw new ParseError(`found '${token.literal}', expected: ${BINARY_OPERATORS}`);
    return operator;
  }

  /** `(a,b)`; empty members (`()`, `(a,)`, `(,a)`) stand for the empty value, as in kube. */
  private parseValueSet(): string[] {
    const open = this.next(true);
    if (open.kind !== '(') throw new ParseError(`found '${open.literal}' expected: '('`);
    const first = this.peek(true);
    if (first.kind === ')') {
      this.next(true);
      return [''];
    }
    if (first.kind !== 'identifier' && first.kind !== ',') {
      throw new ParseError(`found '${first.literal}', expected: ',', ')' or identifier`);
    }
    const values: string[] = [];
    let expectValue = true;
    for (;;) {
      const token = this.next(true);
      if (token.kind === 'identifier' && expectValue) {
        values.push(token.literal);
        expectValue = false;
      } else if (token.kind === ',') {
        if (expectValue) values.push('');
        expectValue = true;
      } else if (token.kind === ')') {
        if (expectValue) values.push('');
        return values;
      } else {
        throw new ParseError(
          expectValue
            ? `found '${token.literal}', expected: ',', or identifier`
            : `found '${token.literal}', expected: ',' or ')'`,
        );
      }
    }
  }

  /** A missing value (`a=` followed by `,` or the end) is the empty string. */
  private parseExactValue(): string[] {
    const lookahead = this.peek(true);
    if (lookahead.kind === 'end' || lookahead.kind === ',') return [''];
    const token = this.next(true);
    if (token.kind === 'identifier') return [token.literal];
    throw new ParseError(`found '${token.literal}', expected: identifier`);
  }
}

export function parseLabelSelector(selector: string): LabelRequirement[] {
  try {
    return new Parser(tokenize(selector)).parse();
  } catch (e) {
    if (e instanceof ParseError) throw badRequest(e.message);
    throw e;
  }
}

// BigInt so that large values compare exactly, like Go's int64.
const parseInteger = (value: string): bigint | undefined =>
  /^[+-]?\d+$/.test(value) ? BigInt(value) : undefined;

function matchesOne(req: LabelRequirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, req.key);
  const value = has ? labels[req.key] : undefined;
  switch (req.operator) {
    case 'in':
    case '=':
      return value !== undefined && req.values.includes(value);
    case 'notin':
    case '!=':
      return value === undefined || !req.values.includes(value);
    case 'exists':
      return has;
    case 'doesnotexist':
      return !has;
    case 'gt':
    case 'lt': {
      // A label that is absent or not an integer never satisfies a numeric comparison.
      const actual = value === undefined ? undefined : parseInteger(value);
      const bound = parseInteger(req.values[0] ?? '');
      if (actual === undefined || bound === undefined) return false;
      return req.operator === 'gt' ? actual > bound : actual < bound;
    }
  }
}

export function matchesLabelRequirements(
  reqs: readonly LabelRequirement[],
  labels: Record<string, string> | undefined,
): boolean {
  const actual = labels ?? {};
  return reqs.every((req) => matchesOne(req, actual));
}

const OBJECT_OPERATORS: Record<string, LabelOperator> = {
  In: 'in',
  NotIn: 'notin',
  Exists: 'exists',
  DoesNotExist: 'doesnotexist',
};

/** Converts a `metav1.LabelSelector` as found in objects; an empty selector matches everything. */
export function labelSelectorFromObject(sel: LabelSelectorObject): LabelRequirement[] {
  const requirements: LabelRequirement[] = [];
  const add = (key: string, operator: LabelOperator, values: string[]): void => {
    const requirement = newRequirement(key, operator, values);
    if (typeof requirement === 'string') throw badRequest(requirement);
    requirements.push(requirement);
  };
  for (const key of Object.keys(sel.matchLabels ?? {}).sort()) {
    add(key, '=', [sel.matchLabels?.[key] ?? '']);
  }
  for (const expr of sel.matchExpressions ?? []) {
    const operator = OBJECT_OPERATORS[expr.operator];
    if (!operator)
      throw badRequest(`"${String(expr.operator)}" is not a valid label selector operator`);
    add(expr.key, operator, [...(expr.values ?? [])]);
  }
  return requirements;
}
