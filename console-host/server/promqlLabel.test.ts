import { describe, expect, it } from 'vitest';
import { enforceLabel, quotePromString, unquotePromString } from './promqlLabel';

const ns = (query: string) => enforceLabel(query, 'namespace', 'demo-dev');
const rewritten = (query: string) => {
  const result = ns(query);
  if (!result.ok) throw new Error(result.error);
  return result.query;
};

describe('enforceLabel', () => {
  it('adds the matcher to bare metrics and to selectors with matchers', () => {
    expect(rewritten('up')).toBe('up{namespace="demo-dev"}');
    expect(rewritten('up{job="a"}')).toBe('up{job="a", namespace="demo-dev"}');
    expect(rewritten('{__name__=~"kubevirt_.+"}')).toBe(
      '{__name__=~"kubevirt_.+", namespace="demo-dev"}',
    );
    expect(rewritten('up{}')).toBe('up{namespace="demo-dev"}');
  });

  it('replaces any matcher the query had on the label, whatever its operator or quoting', () => {
    expect(rewritten('up{namespace="other"}')).toBe('up{namespace="demo-dev"}');
    expect(rewritten('up{namespace=~".*", job!="x"}')).toBe('up{job!="x", namespace="demo-dev"}');
    expect(rewritten('up{namespace!~"kube-.*"}')).toBe('up{namespace="demo-dev"}');
    expect(rewritten('{"my.metric", "namespace"="other"}')).toBe(
      '{"my.metric", namespace="demo-dev"}',
    );
    expect(rewritten('{"my.metric", "name\\x73pace"="other"}')).toBe(
      '{"my.metric", namespace="demo-dev"}',
    );
    expect(rewritten('up{namespace="demo-dev"}')).toBe('up{namespace="demo-dev"}');
  });

  it('reaches every selector: range, subquery, offset, @, functions, binary operations', () => {
    expect(
      rewritten(
        'sum by (namespace, name) (rate(kubevirt_vmi_cpu_usage_seconds_total{name="vm"}[5m] offset 1m))',
      ),
    ).toBe(
      'sum by (namespace, name) (rate(kubevirt_vmi_cpu_usage_seconds_total{name="vm", namespace="demo-dev"}[5m] offset 1m))',
    );
    expect(rewritten('max_over_time(rate(x[5m])[1h:1m])')).toBe(
      'max_over_time(rate(x{namespace="demo-dev"}[5m])[1h:1m])',
    );
    expect(rewritten('x @ start() - x @ 1700000000')).toBe(
      'x{namespace="demo-dev"} @ start() - x{namespace="demo-dev"} @ 1700000000',
    );
    expect(rewritten('a / on (namespace) group_left (name) b')).toBe(
      'a{namespace="demo-dev"} / on (namespace) group_left (name) b{namespace="demo-dev"}',
    );
    expect(rewritten('a and ignoring (pod) b or c unless d > bool 1')).toBe(
      'a{namespace="demo-dev"} and ignoring (pod) b{namespace="demo-dev"} or c{namespace="demo-dev"} unless d{namespace="demo-dev"} > bool 1',
    );
    expect(rewritten('sum(x) without (instance)')).toBe(
      'sum(x{namespace="demo-dev"}) without (instance)',
    );
    expect(rewritten('topk(3, x) + absent(y{a="1"})')).toBe(
      'topk(3, x{namespace="demo-dev"}) + absent(y{a="1", namespace="demo-dev"})',
    );
  });

  it('leaves strings, comments, label lists, keywords and number-only queries alone', () => {
    expect(rewritten('label_replace(up, "dst", "$1", "namespace", "(.*)")')).toBe(
      'label_replace(up{namespace="demo-dev"}, "dst", "$1", "namespace", "(.*)")',
    );
    expect(rewritten('count_values("up", x)')).toBe('count_values("up", x{namespace="demo-dev"})');
    expect(rewritten('up # and down{namespace="other"}')).toBe(
      'up{namespace="demo-dev"} # and down{namespace="other"}',
    );
    expect(rewritten('up{job="a{b}", c=`x"y`}')).toBe(
      'up{job="a{b}", c=`x"y`, namespace="demo-dev"}',
    );
    expect(rewritten('vector(1)')).toBe('vector(1)');
    expect(rewritten('1 + 2 * Inf')).toBe('1 + 2 * Inf');
    expect(rewritten('time() - 5m')).toBe('time() - 5m');
  });

  it('refuses queries that do not parse, and empty ones', () => {
    expect(ns('up{')).toEqual({ ok: false, error: expect.stringContaining('does not parse') });
    expect(ns('sum(')).toMatchObject({ ok: false });
    expect(ns('up{namespace=}')).toMatchObject({ ok: false });
    expect(ns('up[5m')).toMatchObject({ ok: false });
    expect(ns('')).toEqual({ ok: false, error: 'the query is empty' });
    expect(ns('  ')).toMatchObject({ ok: false });
  });

  it('quotes the value so it cannot end the string', () => {
    const result = enforceLabel('up', 'namespace', 'a"} or up{b="');
    expect(result).toEqual({ ok: true, query: 'up{namespace="a\\"} or up{b=\\""}' });
  });
});

describe('PromQL string literals', () => {
  it('unquotes the three quotings with Go escapes', () => {
    expect(unquotePromString('"a\\"b\\\\c\\n"')).toBe('a"b\\c\n');
    expect(unquotePromString("'it\\'s'")).toBe("it's");
    expect(unquotePromString('`raw\\n`')).toBe('raw\\n');
    expect(unquotePromString('"\\x6e\\u0061\\U0000006d\\145"')).toBe('name');
    expect(unquotePromString('"\\q"')).toBeUndefined();
    expect(unquotePromString('"open')).toBeUndefined();
  });

  it('quotes so that unquoting gives the value back', () => {
    for (const value of ['demo-dev', 'a"b', 'back\\slash', 'line\nbreak'])
      expect(unquotePromString(quotePromString(value))).toBe(value);
  });
});
