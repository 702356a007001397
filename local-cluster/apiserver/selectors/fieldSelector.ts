import { badRequest } from '../core/statusError';

export type FieldRequirement = { field: string; operator: '=' | '!='; value: string };

// Order matters: `!=` and `==` must win over their `=` suffix/prefix.
const TERM_OPERATORS = ['!=', '==', '='] as const;

/** Splits on commas that are not escaped with a backslash; the escapes stay for `unescapeValue`. */
function splitTerms(selector: string): string[] {
  const terms: string[] = [];
  let start = 0;
  let escaped = false;
  for (let i = 0; i < selector.length; i++) {
    const ch = selector[i];
    if (escaped) escaped = false;
    else if (ch === '\\') escaped = true;
    else if (ch === ',') {
      terms.push(selector.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(selector.slice(start));
  return terms;
}

/** The first operator splits the term; field names never contain `=` or `!`. */
function splitTerm(term: string): [string, string, string] | undefined {
  for (let i = 0; i < term.length; i++) {
    for (const op of TERM_OPERATORS) {
      if (term.startsWith(op, i)) return [term.slice(0, i), op, term.slice(i + op.length)];
    }
  }
  return undefined;
}

/** Values may carry `\\`, `\,` and `\=`; any other escape, or a bare `,`/`=`, is an error. */
function unescapeValue(value: string): string {
  let out = '';
  let escaped = false;
  for (const ch of value) {
    if (escaped) {
      if (ch !== '\\' && ch !== ',' && ch !== '=') {
        throw badRequest(`invalid field selector: invalid escape sequence: \\${ch}`);
      }
      out += ch;
      escaped = false;
    } else if (ch === '\\') {
      escaped = true;
    } else if (ch === ',' || ch === '=') {
      // apimachinery prints the rune as its code point (`%v` of a Go rune).
      throw badRequest(
        `invalid field selector: unescaped character in value: ${ch.codePointAt(0) ?? 0}`,
      );
    } else {
      out += ch;
    }
  }
  if (escaped) throw badRequest('invalid field selector: invalid escape sequence: \\');
  return out;
}

const unsupportedField = (field: string, allowedFields: readonly string[]): string =>
  `"${field}" is not a known field selector: only ${allowedFields.map((f) => `"${f}"`).join(', ')}`;

/** Parses `a=b,c!=d`. Whitespace is significant, as in kube: `a = b` names the field `a `. */
export function parseFieldSelector(
  selector: string,
  allowedFields: readonly string[],
): FieldRequirement[] {
  const requirements: FieldRequirement[] = [];
  for (const term of splitTerms(selector)) {
    if (term === '') continue;
    const split = splitTerm(term);
    if (!split) throw badRequest(`invalid selector: '${selector}'; can't understand '${term}'`);
    const [field, op, rawValue] = split;
    const value = unescapeValue(rawValue);
    if (!allowedFields.includes(field)) throw badRequest(unsupportedField(field, allowedFields));
    requirements.push({ field, operator: op === '!=' ? '!=' : '=', value });
  }
  return requirements;
}

/** Reads a dotted path; anything absent, or not a scalar, reads as the empty string, as kube's field
 * sets hold empty strings for unset fields. */
export function fieldValue(obj: unknown, field: string): string {
  let current: unknown = obj;
  for (const part of field.split('.')) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return '';
    if (!Object.prototype.hasOwnProperty.call(current, part)) return '';
    current = (current as Record<string, unknown>)[part];
  }
  switch (typeof current) {
    case 'string':
      return current;
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(current);
    default:
      return '';
  }
}

export function matchesFieldRequirements(reqs: readonly FieldRequirement[], obj: unknown): boolean {
  return reqs.every((req) =>
    req.operator === '='
      ? fieldValue(obj, req.field) === req.value
      : fieldValue(obj, req.field) !== req.value,
  );
}
