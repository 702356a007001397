import { randomInt } from 'node:crypto';
import { invalid } from '../core/statusError';
import type { KubeObject, StatusCause } from '../core/types';

/** The server-side half of `oc process`: a Template posted to `processedtemplates` comes back with
 * every parameter resolved and its objects substituted, ready for the client to create. Nothing is
 * stored, so this is a pure function of the posted Template. */

const ALPHA = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';
// Printable ASCII symbols: the set OpenShift draws `\A` from.
const SYMBOLS = '~!@#$%^&*()-_+={}[]\\|<,>.?/"\';:`';

// The shorthands OpenShift's expression generator understands; anything else after `\` is taken
// literally so that `\-` or `\[` can name a bracket or dash inside a class.
const SHORTHANDS: Record<string, string> = {
  w: ALPHA + DIGITS + '_',
  d: DIGITS,
  a: ALPHA + DIGITS,
  A: SYMBOLS,
};

// OpenShift caps one repetition so a typo such as `{99999999}` can't make the server build a huge
// string; the same limit keeps this server's behaviour aligned with a real cluster.
const MAX_REPEAT = 255;

/** Thrown internally by the parser; turned into a 422 cause naming the parameter by the caller. */
class ExpressionError extends Error {}

const isAsciiAlnum = (c: string): boolean => /^[a-zA-Z0-9]$/.test(c);

/** Expands a bracket body such as `a-z0-9\d_` into the characters it allows. */
function expandClass(body: string): string {
  let chars = '';
  let i = 0;
  while (i < body.length) {
    let c = body[i];
    if (c === '\\') {
      const next = body[i + 1];
      if (next === undefined) throw new ExpressionError('dangling escape in character class');
      const shorthand = SHORTHANDS[next];
      // A shorthand is a whole set, so it cannot be one end of a range.
      if (shorthand !== undefined) {
        chars += shorthand;
        i += 2;
        continue;
      }
      c = next;
      i += 1;
    }
    // A dash between two characters is a range; at either end of the class it is a literal dash.
    if (body[i + 1] === '-' && i + 2 < body.length) {
      const end = body[i + 2];
      if (!isAsciiAlnum(c) || !isAsciiAlnum(end)) {
        throw new ExpressionError(`invalid range ${c}-${end}`);
      }
      const from = c.charCodeAt(0);
      const to = end.charCodeAt(0);
      if (from > to) throw new ExpressionError(`range ${c}-${end} is out of order`);
      for (let code = from; code <= to; code++) chars += String.fromCharCode(code);
      i += 3;
      continue;
    }
    chars += c;
    i += 1;
  }
  if (chars === '') throw new ExpressionError('empty character class');
  // Duplicates would skew the distribution toward characters named twice.
  return [...new Set(chars)].join('');
}

/** Reads an optional `{n}` at `pos`; returns the count and the position after it. */
function readRepeat(expr: string, pos: number): [number, number] {
  if (expr[pos] !== '{') return [1, pos];
  const close = expr.indexOf('}', pos);
  const digits = close < 0 ? '' : expr.slice(pos + 1, close);
  if (!/^[0-9]+$/.test(digits)) throw new ExpressionError('malformed repetition, expected {n}');
  const count = Number(digits);
  if (count > MAX_REPEAT) {
    throw new ExpressionError(`repetition ${count} exceeds the maximum of ${MAX_REPEAT}`);
  }
  return [count, close + 1];
}

const pick = (chars: string, count: number): string => {
  let out = '';
  // randomInt draws from a CSPRNG: generated values are often passwords and secrets.
  for (let n = 0; n < count; n++) out += chars[randomInt(chars.length)];
  return out;
};

/** Generates a value from an OpenShift template expression such as `[a-z0-9]{16}` or
 * `rhel9-[a-z0-9]{8}`. Throws a plain Error describing the problem for malformed expressions. */
export function generateFromExpression(expr: string): string {
  let out = '';
  let i = 0;
  while (i < expr.length) {
    const c = expr[i];
    if (c === '[') {
      const close = findClassEnd(expr, i + 1);
      const chars = expandClass(expr.slice(i + 1, close));
      const [count, next] = readRepeat(expr, close + 1);
      out += pick(chars, count);
      i = next;
    } else if (c === '\\' && SHORTHANDS[expr[i + 1] ?? ''] !== undefined) {
      const [count, next] = readRepeat(expr, i + 2);
      out += pick(SHORTHANDS[expr[i + 1]], count);
      i = next;
    } else if (c === '\\' && i + 1 < expr.length) {
      // Escaped literal outside a class, e.g. `\[` for a literal bracket.
      out += expr[i + 1];
      i += 2;
    } else {
      out += c;
      i += 1;
    }
  }
  return out;
}

/** Index of the `]` closing a class whose body starts at `start`, honouring `\]` escapes. */
function findClassEnd(expr: string, start: number): number {
  for (let i = start; i < expr.length; i++) {
    if (expr[i] === '\\') i++;
    else if (expr[i] === ']') return i;
  }
  throw new ExpressionError('unterminated character class');
}

interface Parameter {
  name?: unknown;
  value?: unknown;
  generate?: unknown;
  from?: unknown;
  required?: unknown;
  [key: string]: unknown;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

// Parameter names are restricted to this alphabet by OpenShift, so `${...}` with anything else in it
// is ordinary text and must survive untouched. One pass, so a substituted value that itself
// contains `${X}` is not expanded again.
const REF = /\$\{([a-zA-Z0-9_]+)\}/g;
const TYPED_REF = /^\$\{\{([a-zA-Z0-9_]+)\}\}$/;

/** Text substitution of every `${NAME}`; unknown names stay as they are. */
const interpolate = (s: string, values: Map<string, string>): string =>
  s.replace(REF, (m, name: string) => values.get(name) ?? m);

/** Substitutes one string value. A string that is exactly `${{NAME}}` takes the JSON type of the
 * value (so a number parameter can fill `replicas`); otherwise each `${NAME}` is replaced as text.
 * `${{NAME}}` inside a longer string is not a reference at all and stays, as on OpenShift. */
function substituteString(s: string, values: Map<string, string>): unknown {
  const typed = TYPED_REF.exec(s);
  if (typed && values.has(typed[1])) {
    const raw = values.get(typed[1]) ?? '';
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      // Not JSON: OpenShift falls back to the plain string rather than failing the request.
      return raw;
    }
  }
  return interpolate(s, values);
}

/** Substitutes every string in an object, map keys included (a label key may be `${APP}-tier`);
 * keys always stay strings. */
function substitute(v: unknown, values: Map<string, string>): unknown {
  if (typeof v === 'string') return substituteString(v, values);
  if (Array.isArray(v)) return v.map((item) => substitute(item, values));
  if (isRecord(v)) {
    const out: Record<string, unknown> = {};
    for (const [k, item] of Object.entries(v))
      out[interpolate(k, values)] = substitute(item, values);
    return out;
  }
  return v;
}

/** A hard-coded namespace is dropped so the objects land in the project the template is
 * instantiated in; a namespace naming a parameter is kept (and substituted later). */
function stripNamespace(obj: unknown): unknown {
  if (!isRecord(obj) || !isRecord(obj.metadata)) return obj;
  const ns = obj.metadata.namespace;
  if (ns === undefined || (typeof ns === 'string' && /\$\{[a-zA-Z0-9_]+\}/.test(ns))) return obj;
  const { namespace: _dropped, ...metadata } = obj.metadata;
  return { ...obj, metadata };
}

/** Adds the template's labels to an object; like OpenShift, they win over the object's own. */
function addLabels(obj: unknown, labels: Record<string, string>): unknown {
  if (!isRecord(obj) || Object.keys(labels).length === 0) return obj;
  const metadata = isRecord(obj.metadata) ? obj.metadata : {};
  const existing = isRecord(metadata.labels) ? metadata.labels : {};
  return { ...obj, metadata: { ...metadata, labels: { ...existing, ...labels } } };
}

/** The template's object labels, with parameters substituted in keys and values. */
const templateLabels = (v: unknown, values: Map<string, string>): Record<string, string> => {
  const out: Record<string, string> = {};
  if (isRecord(v))
    for (const [k, val] of Object.entries(v))
      if (typeof val === 'string') out[interpolate(k, values)] = interpolate(val, values);
  return out;
};

/** Processes a template.openshift.io/v1 Template the way `processedtemplates` does on OpenShift.
 * Throws a 422 StatusError listing every parameter that could not be resolved. */
export function processTemplate(template: KubeObject): KubeObject {
  const params: Parameter[] = Array.isArray(template.parameters)
    ? template.parameters.map((p): Parameter => (isRecord(p) ? { ...p } : {}))
    : [];
  const causes: StatusCause[] = [];
  const values = new Map<string, string>();

  params.forEach((param, i) => {
    const field = `template.parameters[${i}]`;
    const name = typeof param.name === 'string' ? param.name : '';
    let value = typeof param.value === 'string' ? param.value : '';
    // A value the user supplied always wins; generation only fills parameters left empty.
    if (value === '' && param.generate !== undefined && param.generate !== '') {
      if (param.generate !== 'expression') {
        causes.push({
          reason: 'FieldValueInvalid',
          message: `${field}: Invalid value: ${JSON.stringify(param.generate)}: template.parameters[${i}]: unable to find the '${String(param.generate)}' generator for parameter ${name}`,
          field,
        });
      } else {
        const from = typeof param.from === 'string' ? param.from : '';
        try {
          if (from === '') throw new ExpressionError('no expression given in "from"');
          value = generateFromExpression(from);
        } catch (err) {
          if (!(err instanceof Error)) throw err;
          causes.push({
            reason: 'FieldValueInvalid',
            message: `${field}: Invalid value: ${JSON.stringify(from)}: template.parameters[${i}]: unable to generate value for parameter ${name}: ${err.message}`,
            field,
          });
        }
      }
    }
    if (param.required === true && value === '') {
      causes.push({
        reason: 'FieldValueRequired',
        message: `${field}: Required value: ${field}: parameter ${name} is required and must be specified`,
        field,
      });
    }
    param.value = value;
    if (name !== '') values.set(name, value);
  });

  if (causes.length > 0) {
    throw invalid('Template', 'template.openshift.io', template.metadata.name ?? '', causes);
  }

  const labels = templateLabels(template.labels, values);
  const objects = Array.isArray(template.objects)
    ? template.objects.map((o) => addLabels(substitute(stripNamespace(o), values), labels))
    : [];

  return {
    ...template,
    // The message tells the user what to do next, often naming generated values.
    ...(typeof template.message === 'string'
      ? { message: interpolate(template.message, values) }
      : {}),
    ...(template.labels !== undefined ? { labels } : {}),
    parameters: params,
    objects,
  };
}
