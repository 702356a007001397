/**
 * The Prometheus text exposition format, version 0.0.4 (what `/metrics` endpoints of KubeVirt,
 * kube-state-metrics and cAdvisor serve). prom-client is not a dependency, and the format is small:
 * `# HELP` and `# TYPE` lines, then one `name{labels} value` line per sample, every sample of a
 * family on consecutive lines.
 */

export type MetricType = 'counter' | 'gauge' | 'untyped';

export interface MetricFamily {
  name: string;
  type: MetricType;
  help: string;
}

export type Labels = Readonly<Record<string, string>>;

export const CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** Label values escape backslash, double quote and line feed (and nothing else). */
export const escapeLabelValue = (value: string): string =>
  /[\\"\n]/.test(value)
    ? value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')
    : value;

/** HELP text escapes backslash and line feed; quotes stay as they are. */
export const escapeHelp = (help: string): string =>
  help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');

/** Go's strconv.ParseFloat reads what String(number) writes, except for the infinities. */
export const formatValue = (value: number): string => {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
};

export const isValidMetricName = (name: string): boolean => METRIC_NAME.test(name);
export const isValidLabelName = (name: string): boolean =>
  LABEL_NAME.test(name) && !name.startsWith('__');

/** `a="1",b="2"`: the inside of a label set, so callers can prefix a shared part once per object. */
export const labelPairs = (labels: Labels): string => {
  let out = '';
  for (const key in labels) {
    if (out) out += ',';
    out += `${key}="${escapeLabelValue(labels[key])}"`;
  }
  return out;
};

/** Joins preformatted label-pair strings, skipping empty ones. */
export const joinPairs = (...parts: string[]): string => {
  let out = '';
  for (const p of parts) {
    if (!p) continue;
    out = out ? `${out},${p}` : p;
  }
  return out;
};

/** Kubernetes label keys (`kubevirt.io/domain`) as Prometheus label names, the way virt-handler
 * and kube-state-metrics sanitise them: every character outside `[a-zA-Z0-9_]` becomes `_`. */
export const sanitizeLabelName = (key: string): string => {
  const s = key.replace(/[^a-zA-Z0-9_]/g, '_');
  return /^[0-9]/.test(s) ? `_${s}` : s;
};

const CHUNK_BYTES = 256 * 1024;
const PENDING_CHARS = 16 * 1024;

/**
 * One family's sample lines. Lines gather in a short string (cheap V8 rope appends) that is
 * encoded into byte chunks every few kilobytes, so per-sample strings die young and the
 * garbage collector never has to copy the whole scrape around.
 */
class FamilyLines {
  count = 0;
  private readonly chunks: Buffer[] = [];
  private current = Buffer.allocUnsafe(0);
  private offset = 0;
  private pending = '';

  constructor(readonly def: MetricFamily) {}

  append(line: string): void {
    this.pending += line;
    this.count++;
    if (this.pending.length >= PENDING_CHARS) this.flush();
  }

  private flush(): void {
    const text = this.pending;
    if (!text) return;
    this.pending = '';
    // A UTF-16 code unit never takes more than 3 bytes in UTF-8.
    if (this.offset + text.length * 3 > this.current.length) {
      if (this.offset) this.chunks.push(this.current.subarray(0, this.offset));
      this.current = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, text.length * 3));
      this.offset = 0;
    }
    this.offset += this.current.write(text, this.offset);
  }

  bytes(): Buffer[] {
    this.flush();
    return this.offset ? [...this.chunks, this.current.subarray(0, this.offset)] : this.chunks;
  }
}

/**
 * Collects samples by family and renders them once. Families keep the order they were declared
 * in; samples keep the order they were added. Each line is encoded into its family's byte chunks
 * as soon as it is added, so the strings built per sample die young (cheap for the garbage
 * collector) and a scrape of tens of thousands of VMIs stays one linear pass.
 */
export class ExpositionWriter {
  private readonly families = new Map<string, FamilyLines>();

  declare(...defs: MetricFamily[]): this {
    for (const def of defs) {
      if (!isValidMetricName(def.name)) throw new Error(`invalid metric name ${def.name}`);
      if (!this.families.has(def.name)) this.families.set(def.name, new FamilyLines(def));
    }
    return this;
  }

  /** Adds a sample whose label pairs are already formatted (see `labelPairs`). */
  addPairs(name: string, pairs: string, value: number): void {
    const family = this.families.get(name);
    if (!family) throw new Error(`metric ${name} was not declared`);
    family.append(
      pairs ? `${name}{${pairs}} ${formatValue(value)}\n` : `${name} ${formatValue(value)}\n`,
    );
  }

  add(name: string, labels: Labels, value: number): void {
    this.addPairs(name, labelPairs(labels), value);
  }

  /** Number of samples collected so far (all families). */
  get sampleCount(): number {
    let n = 0;
    for (const f of this.families.values()) n += f.count;
    return n;
  }

  /** The exposition as byte chunks in order, to write to a response without one big copy;
   * families without samples still announce HELP and TYPE. */
  renderChunks(): Buffer[] {
    const parts: Buffer[] = [];
    for (const family of this.families.values()) {
      const { name, type, help } = family.def;
      parts.push(Buffer.from(`# HELP ${name} ${escapeHelp(help)}\n# TYPE ${name} ${type}\n`));
      for (const chunk of family.bytes()) parts.push(chunk);
    }
    return parts;
  }

  render(): string {
    return Buffer.concat(this.renderChunks()).toString('utf8');
  }
}
