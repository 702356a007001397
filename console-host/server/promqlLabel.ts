/**
 * Label enforcement in PromQL (pure), as prom-label-proxy does it on the console's tenancy path:
 * every vector selector of a query gets the matcher `<label>="<value>"`, and any matcher the query
 * had on that label is dropped. The query is parsed with Prometheus' own grammar
 * (`@prometheus-io/lezer-promql`), so strings, comments, function names, `by (…)` / `on (…)`
 * label lists, durations, `offset` and `@` modifiers are never mistaken for selectors.
 */
import { parser } from '@prometheus-io/lezer-promql';

type Tree = ReturnType<typeof parser.parse>;
type SyntaxNode = Tree['topNode'];

export type EnforceResult = { ok: true; query: string } | { ok: false; error: string };

const SIMPLE_ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
};

/**
 * The value of a PromQL string literal (Go rules: `"…"` and `'…'` with escapes, `` `…` `` raw),
 * or undefined when an escape is not one Go knows.
 */
export const unquotePromString = (literal: string): string | undefined => {
  const quote = literal[0];
  if (literal.length < 2 || literal[literal.length - 1] !== quote) return undefined;
  const body = literal.slice(1, -1);
  if (quote === '`') return body;
  if (quote !== '"' && quote !== "'") return undefined;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[++i];
    if (e !== undefined && e in SIMPLE_ESCAPES) {
      out += SIMPLE_ESCAPES[e];
      continue;
    }
    const hexLength = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
    if (hexLength) {
      const hex = body.slice(i + 1, i + 1 + hexLength);
      if (!new RegExp(`^[0-9a-fA-F]{${hexLength}}$`).test(hex)) return undefined;
      out += String.fromCodePoint(parseInt(hex, 16));
      i += hexLength;
      continue;
    }
    const octal = body.slice(i, i + 3);
    if (/^[0-7]{3}$/.test(octal)) {
      out += String.fromCharCode(parseInt(octal, 8));
      i += 2;
      continue;
    }
    return undefined;
  }
  return out;
};

/** A PromQL double-quoted string literal of `value`. */
export const quotePromString = (value: string): string => {
  let out = '"';
  for (const c of value) {
    const code = c.charCodeAt(0);
    if (c === '\\' || c === '"') out += `\\${c}`;
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += c;
  }
  return `${out}"`;
};

const firstError = (tree: Tree): number | undefined => {
  let at: number | undefined;
  tree.iterate({
    enter: (node) => {
      if (at !== undefined) return false;
      if (node.type.isError) at = node.from;
      return undefined;
    },
  });
  return at;
};

const vectorSelectors = (tree: Tree): SyntaxNode[] => {
  const found: SyntaxNode[] = [];
  tree.iterate({
    enter: (node) => {
      if (node.name !== 'VectorSelector') return undefined;
      found.push(node.node);
      return false;
    },
  });
  return found;
};

const childrenOf = (node: SyntaxNode): SyntaxNode[] => {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) out.push(c);
  return out;
};

const text = (query: string, node: SyntaxNode) => query.slice(node.from, node.to);

/** The label a matcher node is on (`__name__` for a bare quoted metric name), or undefined. */
const matcherLabel = (query: string, matcher: SyntaxNode): string | undefined => {
  if (matcher.name === 'UnquotedLabelMatcher') {
    const name = matcher.getChild('LabelName');
    return name ? text(query, name) : undefined;
  }
  if (matcher.name === 'QuotedLabelMatcher') {
    const literal = matcher.getChild('QuotedLabelName')?.getChild('StringLiteral');
    return literal ? unquotePromString(text(query, literal)) : undefined;
  }
  if (matcher.name === 'QuotedLabelName') return '__name__';
  return undefined;
};

const MATCHERS = new Set(['UnquotedLabelMatcher', 'QuotedLabelMatcher', 'QuotedLabelName']);

/** The selector rewritten: its metric name and other matchers, then `<label>="<value>"`. */
const enforcedSelector = (
  query: string,
  selector: SyntaxNode,
  label: string,
  value: string,
): string => {
  const name = selector.getChild('Identifier');
  const matchers = selector.getChild('LabelMatchers');
  const kept = (matchers ? childrenOf(matchers) : [])
    .filter((m) => MATCHERS.has(m.name) && matcherLabel(query, m) !== label)
    .map((m) => text(query, m));
  return `${name ? text(query, name) : ''}{${[...kept, `${label}=${quotePromString(value)}`].join(', ')}}`;
};

/** Whether every vector selector of the query has exactly `<label>="<value>"` on that label. */
const isEnforced = (query: string, tree: Tree, label: string, value: string): boolean =>
  vectorSelectors(tree).every((selector) => {
    const matchers = selector.getChild('LabelMatchers');
    const onLabel = (matchers ? childrenOf(matchers) : []).filter(
      (m) => MATCHERS.has(m.name) && matcherLabel(query, m) === label,
    );
    if (onLabel.length !== 1) return false;
    const m = onLabel[0];
    const op = m.getChild('MatchOp');
    const literal = m.getChild('StringLiteral');
    return (
      !!op &&
      text(query, op) === '=' &&
      !!literal &&
      unquotePromString(text(query, literal)) === value
    );
  });

/**
 * `query` with `<label>="<value>"` on every vector selector (plain, in range selectors,
 * subqueries, function arguments and both sides of binary operations), an existing matcher on
 * `label` replaced; everything else kept as written. An error for a query that does not parse
 * (or is empty).
 */
export const enforceLabel = (query: string, label: string, value: string): EnforceResult => {
  if (!query.trim()) return { ok: false, error: 'the query is empty' };
  const tree = parser.parse(query);
  const errorAt = firstError(tree);
  if (errorAt !== undefined)
    return { ok: false, error: `the query does not parse (at character ${errorAt + 1})` };
  let out = query;
  // From the last selector back, so the earlier positions stay valid.
  for (const selector of vectorSelectors(tree).reverse())
    out =
      out.slice(0, selector.from) +
      enforcedSelector(query, selector, label, value) +
      out.slice(selector.to);
  // A guard against any part of the grammar this module does not expect.
  const check = parser.parse(out);
  if (firstError(check) !== undefined || !isEnforced(out, check, label, value))
    return { ok: false, error: `the ${label} label cannot be enforced on this query` };
  return { ok: true, query: out };
};
