/**
 * A strict reader of the text exposition format for tests: it rejects what Prometheus would
 * reject (samples before their TYPE, a family split in two, bad escapes, duplicate series) so the
 * tests prove the output scrapes, not only that it contains the right words.
 */

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface ParsedExposition {
  types: Map<string, string>;
  help: Map<string, string>;
  samples: Sample[];
}

const parseLabels = (text: string, line: string): Record<string, string> => {
  const labels: Record<string, string> = {};
  let i = 0;
  while (i < text.length) {
    const eq = text.indexOf('=', i);
    if (eq < 0) throw new Error(`bad labels in: ${line}`);
    const key = text.slice(i, eq);
    if (!/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(key)) throw new Error(`bad label name ${key} in: ${line}`);
    if (text[eq + 1] !== '"') throw new Error(`unquoted label value in: ${line}`);
    let value = '';
    let j = eq + 2;
    for (; j < text.length && text[j] !== '"'; j++) {
      if (text[j] === '\\') {
        const next = text[++j];
        if (next === 'n') value += '\n';
        else if (next === '\\' || next === '"') value += next;
        else throw new Error(`bad escape \\${next} in: ${line}`);
      } else value += text[j];
    }
    if (j >= text.length) throw new Error(`unterminated label value in: ${line}`);
    if (key in labels) throw new Error(`duplicate label ${key} in: ${line}`);
    labels[key] = value;
    i = j + 1;
    if (text[i] === ',') i++;
    else if (i < text.length) throw new Error(`expected , in: ${line}`);
  }
  return labels;
};

const parseValue = (s: string, line: string): number => {
  if (s === '+Inf') return Infinity;
  if (s === '-Inf') return -Infinity;
  if (s === 'NaN') return NaN;
  const n = Number(s);
  if (s === '' || Number.isNaN(n)) throw new Error(`bad value in: ${line}`);
  return n;
};

export const parseExposition = (text: string): ParsedExposition => {
  const types = new Map<string, string>();
  const help = new Map<string, string>();
  const samples: Sample[] = [];
  const closed = new Set<string>();
  const seen = new Set<string>();
  let current: string | undefined;
  const enter = (family: string) => {
    if (family === current) return;
    if (closed.has(family)) throw new Error(`family ${family} is not contiguous`);
    if (current) closed.add(current);
    current = family;
  };
  for (const line of text.split('\n')) {
    if (!line) continue;
    if (line.startsWith('# HELP ')) {
      const [name, ...rest] = line.slice(7).split(' ');
      enter(name);
      help.set(name, rest.join(' '));
      continue;
    }
    if (line.startsWith('# TYPE ')) {
      const [name, type] = line.slice(7).split(' ');
      enter(name);
      if (types.has(name)) throw new Error(`second TYPE for ${name}`);
      types.set(name, type);
      continue;
    }
    if (line.startsWith('#')) continue;
    const brace = line.indexOf('{');
    const space = brace >= 0 ? line.lastIndexOf('} ') + 1 : line.indexOf(' ');
    const name = brace >= 0 ? line.slice(0, brace) : line.slice(0, space);
    if (!/^[a-zA-Z_:][a-zA-Z0-9_:]*$/.test(name)) throw new Error(`bad metric name in: ${line}`);
    if (!types.has(name)) throw new Error(`sample before TYPE: ${line}`);
    enter(name);
    const labels = brace >= 0 ? parseLabels(line.slice(brace + 1, space - 1), line) : {};
    const value = parseValue(line.slice(space + 1).trim(), line);
    const id = `${name}${JSON.stringify(Object.entries(labels).sort())}`;
    if (seen.has(id)) throw new Error(`duplicate series: ${line}`);
    seen.add(id);
    samples.push({ name, labels, value });
  }
  return { types, help, samples };
};

/** Samples of one family whose labels include `match`. */
export const select = (
  parsed: ParsedExposition,
  name: string,
  match: Record<string, string> = {},
): Sample[] =>
  parsed.samples.filter(
    (s) => s.name === name && Object.entries(match).every(([k, v]) => s.labels[k] === v),
  );
