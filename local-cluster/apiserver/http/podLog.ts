import type { IncomingMessage, ServerResponse } from 'node:http';
import { badRequest, invalid } from '../core/statusError';
import type { KubeObject, StatusCause } from '../core/types';

/**
 * The `pods/log` subresource (GET /api/v1/namespaces/{ns}/pods/{name}/log), as kube-apiserver
 * serves it from the kubelet: PodLogOptions from the query (container, follow, previous,
 * timestamps, sinceSeconds, sinceTime, tailLines, limitBytes), text/plain, chunked while
 * following. The lines come from whatever layer runs the container (see `ContainerLogSource`).
 */

/** One line of a container's log: when it was written (epoch ms) and its text, no newline. */
export interface ContainerLogLine {
  time: number;
  text: string;
}

/** A container's log as the kubelet holds it. */
export interface ContainerLog {
  /** True once the container will write no more. */
  readonly ended: boolean;
  /** The lines so far; with `includePartial`, a line still being written comes last. */
  snapshot(includePartial?: boolean): ContainerLogLine[];
  /** Lines completed from now on, and the end of the container. Returns an unsubscribe. */
  subscribe(onLine: (line: ContainerLogLine) => void, onEnd: () => void): () => void;
}

/** Who runs a pod's containers (the virt-launcher guests): its log, or undefined to pass. */
export type ContainerLogSource = (pod: KubeObject, container: string) => ContainerLog | undefined;

export interface PodLogOptions {
  container?: string;
  follow: boolean;
  previous: boolean;
  timestamps: boolean;
  sinceSeconds?: number;
  /** Epoch ms. */
  sinceTime?: number;
  tailLines?: number;
  limitBytes?: number;
}

const TRUE = ['1', 't', 'T', 'TRUE', 'true', 'True'];
const FALSE = ['0', 'f', 'F', 'FALSE', 'false', 'False'];

const boolParam = (q: URLSearchParams, name: string): boolean => {
  const raw = q.get(name);
  if (raw === null || raw === '') return false;
  if (TRUE.includes(raw)) return true;
  if (FALSE.includes(raw)) return false;
  throw badRequest(`strconv.ParseBool: parsing "${raw}": invalid syntax`);
};

const intParam = (q: URLSearchParams, name: string): number | undefined => {
  const raw = q.get(name);
  if (raw === null || raw === '') return undefined;
  if (!/^[+-]?\d+$/.test(raw))
    throw badRequest(`strconv.ParseInt: parsing "${raw}": invalid syntax`);
  return Number(raw);
};

/** Decodes and validates PodLogOptions the way kube-apiserver does (ValidatePodLogOptions). */
export const parsePodLogOptions = (q: URLSearchParams, podName: string): PodLogOptions => {
  const opts: PodLogOptions = {
    container: q.get('container') || undefined,
    follow: boolParam(q, 'follow'),
    previous: boolParam(q, 'previous'),
    timestamps: boolParam(q, 'timestamps'),
    sinceSeconds: intParam(q, 'sinceSeconds'),
    tailLines: intParam(q, 'tailLines'),
    limitBytes: intParam(q, 'limitBytes'),
  };
  const sinceTime = q.get('sinceTime');
  if (sinceTime) {
    const ms = Date.parse(sinceTime);
    if (!/^\d{4}-\d\d-\d\dT/.test(sinceTime) || Number.isNaN(ms))
      throw badRequest(
        `parsing time "${sinceTime}" as "2006-01-02T15:04:05Z07:00": cannot parse "${sinceTime}" as "2006"`,
      );
    opts.sinceTime = ms;
  }
  const causes: StatusCause[] = [];
  const cause = (field: string, value: number, must: string) =>
    causes.push({
      reason: 'FieldValueInvalid',
      field,
      message: `Invalid value: ${value}: ${must}`,
    });
  if (opts.tailLines !== undefined && opts.tailLines < 0)
    cause('tailLines', opts.tailLines, 'must be greater than or equal to 0');
  if (opts.limitBytes !== undefined && opts.limitBytes < 1)
    cause('limitBytes', opts.limitBytes, 'must be greater than 0');
  if (opts.sinceSeconds !== undefined && opts.sinceSeconds < 1)
    cause('sinceSeconds', opts.sinceSeconds, 'must be greater than 0');
  if (opts.sinceSeconds !== undefined && opts.sinceTime !== undefined)
    causes.push({
      reason: 'FieldValueForbidden',
      field: '',
      message: 'at most one of `sinceTime` or `sinceSeconds` may be specified',
    });
  if (causes.length) throw invalid('PodLogOptions', '', podName, causes);
  return opts;
};

interface PodShape extends KubeObject {
  spec?: {
    nodeName?: string;
    containers?: { name: string }[];
    initContainers?: { name: string }[];
  };
  status?: {
    containerStatuses?: {
      name: string;
      state?: { waiting?: { reason?: string }; running?: unknown; terminated?: unknown };
    }[];
  };
}

/** The container a request reads: the named one, or the only one (LogLocation's rules). */
export const logContainerOf = (pod: KubeObject, requested: string | undefined): string => {
  const p = pod as PodShape;
  const name = p.metadata.name ?? '';
  const containers = (p.spec?.containers ?? []).map((c) => c.name);
  const inits = (p.spec?.initContainers ?? []).map((c) => c.name);
  if (!requested) {
    if (containers.length === 1) return containers[0];
    if (!containers.length) throw badRequest(`a container name must be specified for pod ${name}`);
    let message = `a container name must be specified for pod ${name}, choose one of: [${containers.join(' ')}]`;
    if (inits.length) message += ` or one of the init containers: [${inits.join(' ')}]`;
    throw badRequest(message);
  }
  if (!containers.includes(requested) && !inits.includes(requested))
    throw badRequest(`container ${requested} is not valid for pod ${name}`);
  return requested;
};

/** The kubelet's refusal for a container that has not started: 400, its waiting reason. */
export const assertContainerStarted = (pod: KubeObject, container: string): void => {
  const p = pod as PodShape;
  const state = p.status?.containerStatuses?.find((s) => s.name === container)?.state;
  if (state?.running || state?.terminated) return;
  const reason = state?.waiting?.reason ?? 'ContainerCreating';
  throw badRequest(
    `container "${container}" in pod "${p.metadata.name ?? ''}" is waiting to start: ${reason}`,
  );
};

/** Go's RFC3339Nano: fractional seconds without trailing zeros. */
export const rfc3339Nano = (ms: number): string => {
  const iso = new Date(ms).toISOString();
  return iso.replace(/\.(\d+)Z$/, (_m, frac: string) => {
    const trimmed = frac.replace(/0+$/, '');
    return trimmed ? `.${trimmed}Z` : 'Z';
  });
};

export const formatLogLine = (line: ContainerLogLine, timestamps: boolean): string =>
  `${timestamps ? `${rfc3339Nano(line.time)} ` : ''}${line.text}\n`;

/** The lines a request selects (since, then tail), before the byte limit. */
export const selectLogLines = (
  lines: readonly ContainerLogLine[],
  opts: Pick<PodLogOptions, 'sinceSeconds' | 'sinceTime' | 'tailLines'>,
  now: number,
): ContainerLogLine[] => {
  const since =
    opts.sinceTime ??
    (opts.sinceSeconds !== undefined ? now - opts.sinceSeconds * 1000 : undefined);
  let out = since === undefined ? [...lines] : lines.filter((l) => l.time >= since);
  if (opts.tailLines !== undefined) out = opts.tailLines === 0 ? [] : out.slice(-opts.tailLines);
  return out;
};

/** At most `remaining` bytes of `text`, cut at that byte as the kubelet's limit writer does. */
const clip = (text: string, remaining: number): Buffer => {
  const bytes = Buffer.from(text, 'utf8');
  return bytes.length <= remaining ? bytes : bytes.subarray(0, Math.max(0, remaining));
};

/** Renders a log as one body (the non-follow answer). */
export const renderLog = (
  lines: readonly ContainerLogLine[],
  opts: PodLogOptions,
  now: number,
): Buffer => {
  const text = selectLogLines(lines, opts, now)
    .map((l) => formatLogLine(l, opts.timestamps))
    .join('');
  return clip(text, opts.limitBytes ?? Infinity);
};

const TEXT_HEADERS = {
  'Content-Type': 'text/plain',
  'Cache-Control': 'no-cache, private',
};

/** An empty log, for containers no source knows (and pods not on a node yet). */
const EMPTY_LOG: ContainerLog = {
  ended: true,
  snapshot: () => [],
  subscribe: (_onLine, onEnd) => {
    queueMicrotask(onEnd);
    return () => undefined;
  },
};

/**
 * Answers GET .../pods/{name}/log for a pod already read and authorized (`get` on `pods/log`).
 */
export const servePodLog = (
  req: IncomingMessage,
  res: ServerResponse,
  pod: KubeObject,
  q: URLSearchParams,
  sources: readonly ContainerLogSource[],
): void => {
  const name = pod.metadata.name ?? '';
  const opts = parsePodLogOptions(q, name);
  const container = logContainerOf(pod, opts.container);
  const p = pod as PodShape;
  if (opts.previous)
    throw badRequest(`previous terminated container "${container}" in pod "${name}" not found`);
  // kube-apiserver answers an unscheduled pod's log with an empty body.
  if (p.spec?.nodeName) assertContainerStarted(pod, container);
  const log = p.spec?.nodeName
    ? (sources.map((s) => s(pod, container)).find(Boolean) ?? EMPTY_LOG)
    : EMPTY_LOG;
  const now = Date.now();
  if (!opts.follow) {
    res.writeHead(200, TEXT_HEADERS);
    res.end(renderLog(log.snapshot(true), opts, now));
    return;
  }
  let remaining = opts.limitBytes ?? Infinity;
  let done = false;
  const buffered: ContainerLogLine[] = [];
  let replaying = true;
  const send = (text: string): void => {
    if (done) return;
    const out = clip(text, remaining);
    remaining -= out.length;
    res.write(out);
    if (remaining <= 0) finish();
  };
  const finish = (): void => {
    if (done) return;
    done = true;
    unsubscribe();
    res.end();
  };
  // Subscribe first so no line falls between the snapshot and the live tail.
  const unsubscribe = log.subscribe(
    (line) => {
      if (replaying) buffered.push(line);
      else send(formatLogLine(line, opts.timestamps));
    },
    () => {
      if (!replaying) finish();
      else buffered.push({ time: -1, text: '' });
    },
  );
  req.on('close', () => {
    if (!done) {
      done = true;
      unsubscribe();
    }
  });
  res.writeHead(200, { ...TEXT_HEADERS, 'Transfer-Encoding': 'chunked' });
  res.flushHeaders();
  const history = selectLogLines(log.snapshot(false), opts, now);
  replaying = false;
  if (history.length) send(history.map((l) => formatLogLine(l, opts.timestamps)).join(''));
  for (const line of buffered.splice(0)) {
    if (line.time === -1) {
      finish();
      return;
    }
    send(formatLogLine(line, opts.timestamps));
  }
  if (log.ended) finish();
};
