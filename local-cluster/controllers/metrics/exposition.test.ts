import { describe, expect, it } from 'vitest';
import {
  ExpositionWriter,
  escapeHelp,
  escapeLabelValue,
  formatValue,
  joinPairs,
  labelPairs,
  sanitizeLabelName,
} from './exposition';
import { parseExposition, select } from './parseExposition';

describe('exposition format', () => {
  it('escapes label values: backslash, double quote and line feed only', () => {
    expect(escapeLabelValue('plain')).toBe('plain');
    expect(escapeLabelValue('a\\b')).toBe('a\\\\b');
    expect(escapeLabelValue('say "hi"')).toBe('say \\"hi\\"');
    expect(escapeLabelValue('two\nlines')).toBe('two\\nlines');
    expect(escapeLabelValue("tab\tand 'quote'")).toBe("tab\tand 'quote'");
  });

  it('escapes HELP text: backslash and line feed, not quotes', () => {
    expect(escapeHelp('a "b" c\\d\ne')).toBe('a "b" c\\\\d\\ne');
  });

  it('formats values as Go reads them', () => {
    expect(formatValue(1)).toBe('1');
    expect(formatValue(0.25)).toBe('0.25');
    expect(formatValue(1e21)).toBe('1e+21');
    expect(formatValue(NaN)).toBe('NaN');
    expect(formatValue(Infinity)).toBe('+Inf');
    expect(formatValue(-Infinity)).toBe('-Inf');
  });

  it('sanitises Kubernetes label keys into label names', () => {
    expect(sanitizeLabelName('kubevirt.io/domain')).toBe('kubevirt_io_domain');
    expect(sanitizeLabelName('app.kubernetes.io/part-of')).toBe('app_kubernetes_io_part_of');
    expect(sanitizeLabelName('9lives')).toBe('_9lives');
  });

  it('formats and joins label pairs', () => {
    expect(labelPairs({ a: '1', b: 'x"y' })).toBe('a="1",b="x\\"y"');
    expect(joinPairs('a="1"', '', 'b="2"')).toBe('a="1",b="2"');
    expect(joinPairs('', '')).toBe('');
  });

  it('renders HELP and TYPE before each family and keeps families contiguous', () => {
    const w = new ExpositionWriter().declare(
      { name: 'first_total', type: 'counter', help: 'First "one".\nSecond line' },
      { name: 'second', type: 'gauge', help: 'Second' },
      { name: 'empty', type: 'gauge', help: 'No samples' },
    );
    w.add('first_total', { name: 'a' }, 1);
    w.add('second', {}, 2);
    w.add('first_total', { name: 'b\nc' }, 3);
    const text = w.render();
    expect(text.split('\n').slice(0, 4)).toEqual([
      '# HELP first_total First "one".\\nSecond line',
      '# TYPE first_total counter',
      'first_total{name="a"} 1',
      'first_total{name="b\\nc"} 3',
    ]);
    expect(text).toContain('# TYPE second gauge\nsecond 2\n');
    expect(text).toContain('# HELP empty No samples\n# TYPE empty gauge\n');
    expect(text.endsWith('\n')).toBe(true);
    expect(w.sampleCount).toBe(3);

    const parsed = parseExposition(text);
    expect(select(parsed, 'first_total', { name: 'b\nc' })[0].value).toBe(3);
    expect(parsed.types.get('empty')).toBe('gauge');
  });

  it('refuses undeclared families and invalid names', () => {
    const w = new ExpositionWriter();
    expect(() => w.add('nope', {}, 1)).toThrow(/not declared/);
    expect(() => w.declare({ name: 'bad-name', type: 'gauge', help: '' })).toThrow(/invalid/);
  });

  it('the test reader rejects split families and duplicate series', () => {
    expect(() => parseExposition('# TYPE a gauge\na 1\n# TYPE b gauge\nb 1\na{x="1"} 2\n')).toThrow(
      /contiguous/,
    );
    expect(() => parseExposition('# TYPE a gauge\na{x="1"} 1\na{x="1"} 2\n')).toThrow(/duplicate/);
    expect(() => parseExposition('a 1\n')).toThrow(/before TYPE/);
  });
});
