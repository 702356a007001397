import { StatusError } from '../core/statusError';

/**
 * Kubernetes' protobuf encoding, read only for the kinds kubectl's typed clients send that way
 * (`auth can-i`, `create namespace|configmap|secret|serviceaccount`); they accept JSON back.
 * Other kinds sent as protobuf get 415.
 * Wire format: the magic `k8s\0`, then a runtime.Unknown {1: typeMeta {1: apiVersion, 2: kind},
 * 2: raw (the object's own message)}.
 */

const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

type Fields = Map<number, (Buffer | number)[]>;

const readVarint = (buf: Buffer, pos: number): [number, number] => {
  let result = 0;
  let shift = 0;
  for (;;) {
    if (pos >= buf.length) throw new Error('truncated varint');
    const b = buf[pos++];
    result += (b & 0x7f) * 2 ** shift;
    if (!(b & 0x80)) return [result, pos];
    shift += 7;
  }
};

/** Splits one message into its fields; nested messages stay bytes until asked for. */
const parseMessage = (buf: Buffer): Fields => {
  const fields: Fields = new Map();
  let pos = 0;
  while (pos < buf.length) {
    const [key, afterKey] = readVarint(buf, pos);
    const field = Math.floor(key / 8);
    const wire = key & 7;
    let value: Buffer | number;
    if (wire === 0) [value, pos] = readVarint(buf, afterKey);
    else if (wire === 2) {
      const [len, start] = readVarint(buf, afterKey);
      value = buf.subarray(start, start + len);
      pos = start + len;
    } else if (wire === 1) [value, pos] = [0, afterKey + 8];
    else if (wire === 5) [value, pos] = [0, afterKey + 4];
    else throw new Error(`unsupported wire type ${wire}`);
    fields.set(field, [...(fields.get(field) ?? []), value]);
  }
  return fields;
};

const str = (f: Fields, n: number): string | undefined => {
  const v = f.get(n)?.[0];
  return Buffer.isBuffer(v) ? v.toString('utf8') : undefined;
};
const msg = (f: Fields, n: number): Fields | undefined => {
  const v = f.get(n)?.[0];
  return Buffer.isBuffer(v) ? parseMessage(v) : undefined;
};
const strings = (f: Fields, n: number): string[] =>
  (f.get(n) ?? []).filter(Buffer.isBuffer).map((b) => b.toString('utf8'));

const compact = (o: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== ''));

const resourceAttributes = (f: Fields | undefined) =>
  f &&
  compact({
    namespace: str(f, 1),
    verb: str(f, 2),
    group: str(f, 3),
    version: str(f, 4),
    resource: str(f, 5),
    subresource: str(f, 6),
    name: str(f, 7),
  });
const nonResourceAttributes = (f: Fields | undefined) =>
  f && compact({ path: str(f, 1), verb: str(f, 2) });

const stringMap = (
  f: Fields,
  n: number,
  encoding: 'utf8' | 'base64',
): Record<string, string> | undefined => {
  const entries = (f.get(n) ?? []).filter(Buffer.isBuffer).map((b) => {
    const e = parseMessage(b);
    const v = e.get(2)?.[0];
    return [str(e, 1) ?? '', Buffer.isBuffer(v) ? v.toString(encoding) : ''] as const;
  });
  return entries.length ? Object.fromEntries(entries) : undefined;
};

const bool = (f: Fields, n: number): boolean | undefined => {
  const v = f.get(n)?.[0];
  return typeof v === 'number' ? v !== 0 : undefined;
};

/** ObjectMeta as a client sends it on create: the fields a client may set. */
const objectMeta = (f: Fields | undefined): Record<string, unknown> =>
  f
    ? compact({
        name: str(f, 1),
        generateName: str(f, 2),
        namespace: str(f, 3),
        labels: stringMap(f, 11, 'utf8'),
        annotations: stringMap(f, 12, 'utf8'),
        finalizers: strings(f, 14).length ? strings(f, 14) : undefined,
      })
    : {};

/** Object decoders by kind, after the field numbers of the Kubernetes generated.proto files. */
const OBJECT_DECODERS: Record<string, (o: Fields) => Record<string, unknown>> = {
  Namespace: (o) => compact({ spec: compact({ finalizers: strings(msg(o, 2) ?? new Map(), 1) }) }),
  ConfigMap: (o) =>
    compact({
      data: stringMap(o, 2, 'utf8'),
      binaryData: stringMap(o, 3, 'base64'),
      immutable: bool(o, 4),
    }),
  Secret: (o) =>
    compact({
      data: stringMap(o, 2, 'base64'),
      type: str(o, 3),
      stringData: stringMap(o, 4, 'utf8'),
      immutable: bool(o, 5),
    }),
  ServiceAccount: (o) => compact({ automountServiceAccountToken: bool(o, 4) }),
};

/** Spec decoders by kind, after the authorization.k8s.io/v1 generated.proto field numbers. */
const SPEC_DECODERS: Record<string, (spec: Fields) => Record<string, unknown>> = {
  SelfSubjectAccessReview: (s) =>
    compact({
      resourceAttributes: resourceAttributes(msg(s, 1)),
      nonResourceAttributes: nonResourceAttributes(msg(s, 2)),
    }),
  SubjectAccessReview: (s) =>
    compact({
      resourceAttributes: resourceAttributes(msg(s, 1)),
      nonResourceAttributes: nonResourceAttributes(msg(s, 2)),
      user: str(s, 3),
      groups: strings(s, 4),
      uid: str(s, 6),
    }),
  LocalSubjectAccessReview: (s) => SPEC_DECODERS.SubjectAccessReview(s),
  SelfSubjectRulesReview: (s) => compact({ namespace: str(s, 1) }),
};

export const protobufNotSupported = (): StatusError =>
  new StatusError(
    415,
    'UnsupportedMediaType',
    'the body of the request was in an unknown format - accepted media types include: application/json, application/yaml',
  );

export const isProtobuf = (contentType: string | undefined): boolean =>
  (contentType ?? '').split(';')[0].trim() === 'application/vnd.kubernetes.protobuf';

/** The JSON form of a protobuf-encoded object of a supported kind; 415 for anything else. */
export const decodeProtobufObject = (body: Buffer): Record<string, unknown> => {
  const unsupported = protobufNotSupported;
  if (body.length < 4 || !body.subarray(0, 4).equals(MAGIC)) throw unsupported();
  try {
    const unknown = parseMessage(body.subarray(4));
    const typeMeta = msg(unknown, 1);
    const kind = typeMeta && str(typeMeta, 2);
    const raw = unknown.get(2)?.[0];
    if (!kind || !Buffer.isBuffer(raw)) throw unsupported();
    const object = parseMessage(raw);
    const head = {
      apiVersion: typeMeta && str(typeMeta, 1),
      kind,
      metadata: objectMeta(msg(object, 1)),
    };
    if (SPEC_DECODERS[kind])
      return { ...head, spec: SPEC_DECODERS[kind](msg(object, 2) ?? new Map()) };
    if (OBJECT_DECODERS[kind]) return { ...head, ...OBJECT_DECODERS[kind](object) };
    throw unsupported();
  } catch (e) {
    if (e instanceof StatusError) throw e;
    throw new StatusError(
      400,
      'BadRequest',
      `the object provided is unrecognized: ${(e as Error).message}`,
    );
  }
};
