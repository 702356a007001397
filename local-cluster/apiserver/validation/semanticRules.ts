import type { KubeObject, StatusCause } from '../core/types';
import type { ResourceKind } from '../registry/resourceKind';
import { isValidQuantity } from './quantity';

/** Rules an OpenAPI schema cannot state, which kube-apiserver's validation code and the KubeVirt
 * and CDI admission webhooks enforce: name formats, label syntax, cross-field consistency. The
 * messages follow kube's `field.Error` wording so clients and tests read familiar text. */

type JSONObject = Record<string, unknown>;

const isObject = (v: unknown): v is JSONObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const objectAt = (v: unknown): JSONObject => (isObject(v) ? v : {});
const listAt = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const q = (v: unknown): string => JSON.stringify(v);

const required = (field: string, detail?: string): StatusCause => ({
  reason: 'FieldValueRequired',
  message: detail ? `Required value: ${detail}` : 'Required value',
  field,
});
const invalid = (field: string, value: unknown, detail: string): StatusCause => ({
  reason: 'FieldValueInvalid',
  message: `Invalid value: ${q(value)}: ${detail}`,
  field,
});
const duplicate = (field: string, value: unknown): StatusCause => ({
  reason: 'FieldValueDuplicate',
  message: `Duplicate value: ${q(value)}`,
  field,
});
const notSupported = (field: string, value: unknown, supported: string[]): StatusCause => ({
  reason: 'FieldValueNotSupported',
  message: `Unsupported value: ${q(value)}: supported values: ${supported.map(q).join(', ')}`,
  field,
});

// ---- names -------------------------------------------------------------------------------------

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;

/** Returns the reasons a string is not a valid name of the given flavour (empty when valid). */
const nameProblems = (
  value: string,
  flavour: 'subdomain' | 'label' | 'dns1035' | 'pathSegment',
): string[] => {
  if (flavour === 'pathSegment') {
    // RBAC objects may be named `system:aggregate-to-view`; kube only forbids what breaks URLs.
    if (value === '.' || value === '..') return [`may not be '${value}'`];
    return /[/%]/.test(value) ? [`may not contain '/' or '%'`] : [];
  }
  const max = flavour === 'subdomain' ? 253 : 63;
  const problems: string[] = [];
  if (value.length > max) problems.push(`must be no more than ${max} characters`);
  if (flavour === 'subdomain' && !DNS1123_SUBDOMAIN.test(value)) {
    problems.push(
      `a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '${DNS1123_SUBDOMAIN.source.slice(1, -1)}')`,
    );
  }
  if (flavour === 'label' && !DNS1123_LABEL.test(value)) {
    problems.push(
      `a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name', or '123-abc', regex used for validation is '${DNS1123_LABEL.source.slice(1, -1)}')`,
    );
  }
  if (flavour === 'dns1035' && !DNS1035_LABEL.test(value)) {
    problems.push(
      `a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name', or 'abc-123', regex used for validation is '${DNS1035_LABEL.source.slice(1, -1)}')`,
    );
  }
  return problems;
};

/** Which name rule kube (or the operator's webhook) applies to each kind. */
const nameFlavour = (kind: ResourceKind): Parameters<typeof nameProblems>[1] => {
  if (kind.group === 'rbac.authorization.k8s.io') return 'pathSegment';
  if (kind.group === '' && kind.kind === 'Service') return 'dns1035';
  if (kind.group === '' && kind.kind === 'Namespace') return 'label';
  if (kind.group === 'project.openshift.io') return 'label';
  // KubeVirt uses VM and VMI names as guest host names and pod name parts.
  if (kind.group === 'kubevirt.io' && /^VirtualMachine(Instance)?$/.test(kind.kind)) return 'label';
  return 'subdomain';
};

/** `prefix/name` keys as labels and annotations use them. */
const qualifiedNameProblems = (key: string): string[] => {
  const parts = key.split('/');
  if (parts.length > 2)
    return ['a qualified name must consist of a name with an optional DNS subdomain prefix'];
  const [prefix, name] = parts.length === 2 ? parts : [undefined, parts[0]];
  const problems: string[] = [];
  if (prefix !== undefined) {
    if (!prefix) problems.push('prefix part must be non-empty');
    else problems.push(...nameProblems(prefix, 'subdomain').map((p) => `prefix part ${p}`));
  }
  if (!name) problems.push('name part must be non-empty');
  else if (name.length > 63) problems.push('name part must be no more than 63 characters');
  else if (!QUALIFIED_NAME.test(name)) {
    problems.push(
      `name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName', or 'my.name', or '123-abc', regex used for validation is '${QUALIFIED_NAME.source.slice(1, -1)}')`,
    );
  }
  return problems;
};

const TOTAL_ANNOTATION_SIZE = 256 * 1024;

const metadataCauses = (kind: ResourceKind, obj: KubeObject, isCreate: boolean): StatusCause[] => {
  const causes: StatusCause[] = [];
  const meta = objectAt(obj.metadata);
  // Review kinds and other create-only virtual kinds carry no name at all.
  const named = !(kind.virtual && !kind.verbs.includes('get'));
  const { name, generateName } = meta;
  if (named) {
    if (typeof name !== 'string' || !name) {
      if (!(isCreate && typeof generateName === 'string' && generateName)) {
        causes.push(required('metadata.name', 'name or generateName is required'));
      }
    } else {
      for (const p of nameProblems(name, nameFlavour(kind)))
        causes.push(invalid('metadata.name', name, p));
    }
  }
  for (const [key, value] of Object.entries(objectAt(meta.labels))) {
    for (const p of qualifiedNameProblems(key)) causes.push(invalid('metadata.labels', key, p));
    if (typeof value !== 'string') continue; // the schema reports wrong types
    if (value.length > 63)
      causes.push(invalid('metadata.labels', value, 'must be no more than 63 characters'));
    else if (!LABEL_VALUE.test(value)) {
      causes.push(
        invalid(
          'metadata.labels',
          value,
          `a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue', or 'my_value', or '12345', regex used for validation is '${LABEL_VALUE.source.slice(1, -1)}')`,
        ),
      );
    }
  }
  let annotationBytes = 0;
  for (const [key, value] of Object.entries(objectAt(meta.annotations))) {
    for (const p of qualifiedNameProblems(key.toLowerCase()))
      causes.push(invalid('metadata.annotations', key, p));
    annotationBytes += Buffer.byteLength(key) + Buffer.byteLength(String(value));
  }
  if (annotationBytes > TOTAL_ANNOTATION_SIZE) {
    causes.push({
      reason: 'FieldValueTooLong',
      message: `Too long: may not be more than ${TOTAL_ANNOTATION_SIZE} bytes`,
      field: 'metadata.annotations',
    });
  }
  return causes;
};

// ---- shared helpers ----------------------------------------------------------------------------

/** Flags repeated `name`s in a list; returns the set of names seen. */
const uniqueNames = (items: unknown[], at: string, causes: StatusCause[]): Set<string> => {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const name = objectAt(item).name;
    if (typeof name !== 'string') return;
    if (seen.has(name)) causes.push(duplicate(`${at}[${i}].name`, name));
    seen.add(name);
  });
  return seen;
};

const quantityCauses = (values: unknown, at: string, keys?: string[]): StatusCause[] =>
  Object.entries(objectAt(values))
    .filter(([k]) => !keys || keys.includes(k))
    .filter(([, v]) => !isValidQuantity(v))
    .map(([k, v]) =>
      invalid(
        `${at}.${k}`,
        v,
        "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
      ),
    );

// ---- KubeVirt ----------------------------------------------------------------------------------

const RUN_STRATEGIES = ['Always', 'RerunOnFailure', 'Manual', 'Halted', 'Once', 'WaitAsReceiver'];

/** A VirtualMachineInstance spec, wherever it sits (VMI spec, VM and VMIRS templates). */
const vmiSpecCauses = (spec: JSONObject, at: string): StatusCause[] => {
  const causes: StatusCause[] = [];
  const domain = objectAt(spec.domain);
  const memory = objectAt(domain.memory);
  for (const key of ['guest', 'maxGuest'] as const) {
    if (memory[key] !== undefined && !isValidQuantity(memory[key])) {
      causes.push(
        invalid(
          `${at}.domain.memory.${key}`,
          memory[key],
          'must be a valid memory quantity, like 2Gi',
        ),
      );
    }
  }
  const resources = objectAt(domain.resources);
  causes.push(...quantityCauses(resources.requests, `${at}.domain.resources.requests`));
  causes.push(...quantityCauses(resources.limits, `${at}.domain.resources.limits`));

  const devices = objectAt(domain.devices);
  const disksAt = `${at}.domain.devices.disks`;
  const disks = listAt(devices.disks);
  uniqueNames(disks, disksAt, causes);
  const volumes = uniqueNames(listAt(spec.volumes), `${at}.volumes`, causes);
  // A disk without a name is the schema's to report (Disk.name is required there).
  disks.forEach((disk, i) => {
    const name = objectAt(disk).name;
    if (typeof name === 'string' && !volumes.has(name))
      causes.push(
        invalid(`${disksAt}[${i}].name`, name, `no volume named ${q(name)} in ${at}.volumes`),
      );
  });

  const ifacesAt = `${at}.domain.devices.interfaces`;
  const interfaces = listAt(devices.interfaces);
  const ifaceNames = uniqueNames(interfaces, ifacesAt, causes);
  const networkList = listAt(spec.networks);
  const networks = uniqueNames(networkList, `${at}.networks`, causes);
  interfaces.forEach((iface, i) => {
    const name = objectAt(iface).name;
    if (typeof name === 'string' && !networks.has(name)) {
      causes.push(
        invalid(`${ifacesAt}[${i}].name`, name, `no network named ${q(name)} in ${at}.networks`),
      );
    }
  });
  networkList.forEach((net, i) => {
    const name = objectAt(net).name;
    if (typeof name === 'string' && !ifaceNames.has(name)) {
      causes.push(
        invalid(`${at}.networks[${i}].name`, name, `no interface named ${q(name)} in ${ifacesAt}`),
      );
    }
  });
  return causes;
};

const virtualMachineCauses = (obj: KubeObject): StatusCause[] => {
  const spec = objectAt(obj.spec);
  const causes: StatusCause[] = [];
  if (
    spec.running !== undefined &&
    spec.running !== null &&
    spec.runStrategy !== undefined &&
    spec.runStrategy !== null
  ) {
    causes.push(
      invalid(
        'spec.running',
        spec.running,
        'running and runStrategy cannot both be set; runStrategy replaces the deprecated running field',
      ),
    );
  }
  if (typeof spec.runStrategy === 'string' && !RUN_STRATEGIES.includes(spec.runStrategy)) {
    causes.push(notSupported('spec.runStrategy', spec.runStrategy, RUN_STRATEGIES));
  }
  listAt(spec.dataVolumeTemplates).forEach((t, i) => {
    causes.push(
      ...dataVolumeSpecCauses(objectAt(objectAt(t).spec), `spec.dataVolumeTemplates[${i}].spec`),
    );
  });
  causes.push(...vmiSpecCauses(objectAt(objectAt(spec.template).spec), 'spec.template.spec'));
  return causes;
};

// ---- CDI ---------------------------------------------------------------------------------------

const DV_SOURCES = [
  'http',
  's3',
  'gcs',
  'registry',
  'pvc',
  'upload',
  'blank',
  'imageio',
  'vddk',
  'snapshot',
];

const dataVolumeSpecCauses = (spec: JSONObject, at: string): StatusCause[] => {
  const causes: StatusCause[] = [];
  const source = isObject(spec.source) ? spec.source : undefined;
  const kinds = source
    ? Object.keys(source).filter((k) => source[k] !== null && source[k] !== undefined)
    : [];
  if (source && spec.sourceRef) {
    causes.push(
      invalid(`${at}.sourceRef`, spec.sourceRef, 'source and sourceRef cannot both be set'),
    );
  } else if (!source && !spec.sourceRef) {
    causes.push(required(`${at}.source`, 'a data volume needs a source or a sourceRef'));
  } else if (source && kinds.length !== 1) {
    causes.push(
      invalid(
        `${at}.source`,
        kinds,
        `exactly one source must be set, one of: ${DV_SOURCES.join(', ')}`,
      ),
    );
  }
  if (spec.pvc && spec.storage) {
    causes.push(invalid(`${at}.storage`, 'storage', 'pvc and storage cannot both be set'));
  } else if (!spec.pvc && !spec.storage) {
    causes.push(required(`${at}.storage`, 'a data volume needs a storage or a pvc spec'));
  }
  for (const key of ['pvc', 'storage'] as const) {
    const requests = objectAt(objectAt(objectAt(spec[key]).resources).requests);
    causes.push(...quantityCauses(requests, `${at}.${key}.resources.requests`, ['storage']));
  }
  return causes;
};

// ---- core --------------------------------------------------------------------------------------

const podSpecCauses = (spec: JSONObject, at: string): StatusCause[] => {
  const causes: StatusCause[] = [];
  const containers = listAt(spec.containers);
  if (!containers.length)
    causes.push(required(`${at}.containers`, 'at least one container is required'));
  for (const list of ['initContainers', 'containers'] as const) {
    const items = listAt(spec[list]);
    uniqueNames(items, `${at}.${list}`, causes);
    items.forEach((c, i) => {
      const container = objectAt(c);
      const cAt = `${at}.${list}[${i}]`;
      // A missing name is the schema's to report (Container.name is required there).
      if (typeof container.name === 'string') {
        for (const p of nameProblems(container.name, 'label'))
          causes.push(invalid(`${cAt}.name`, container.name, p));
      }
      if (typeof container.image !== 'string' || !container.image.trim())
        causes.push(required(`${cAt}.image`));
      const resources = objectAt(container.resources);
      causes.push(...quantityCauses(resources.requests, `${cAt}.resources.requests`));
      causes.push(...quantityCauses(resources.limits, `${cAt}.resources.limits`));
    });
  }
  return causes;
};

/** Workload controllers must select the pods their template makes. */
const workloadCauses = (obj: KubeObject): StatusCause[] => {
  const spec = objectAt(obj.spec);
  const template = objectAt(spec.template);
  const causes = podSpecCauses(objectAt(template.spec), 'spec.template.spec');
  const matchLabels = objectAt(objectAt(spec.selector).matchLabels);
  const labels = objectAt(objectAt(template.metadata).labels);
  if (Object.entries(matchLabels).some(([k, v]) => labels[k] !== v)) {
    causes.push(
      invalid(
        'spec.template.metadata.labels',
        labels,
        '`selector` does not match template `labels`',
      ),
    );
  }
  return causes;
};

const pvcCauses = (obj: KubeObject): StatusCause[] => {
  const spec = objectAt(obj.spec);
  const causes: StatusCause[] = [];
  if (!listAt(spec.accessModes).length) {
    causes.push(required('spec.accessModes', 'at least 1 access mode is required'));
  }
  const requests = objectAt(objectAt(spec.resources).requests);
  if (requests.storage === undefined) causes.push(required('spec.resources.requests.storage'));
  else causes.push(...quantityCauses(requests, 'spec.resources.requests', ['storage']));
  return causes;
};

/** ConfigMap and Secret keys become file names when mounted, hence the narrow alphabet. */
const dataKeyCauses = (obj: KubeObject, fields: string[]): StatusCause[] => {
  const causes: StatusCause[] = [];
  const seen = new Set<string>();
  for (const field of fields) {
    for (const key of Object.keys(objectAt(obj[field]))) {
      const at = `${field}[${key}]`;
      if (key.length > 253) causes.push(invalid(at, key, 'must be no more than 253 characters'));
      if (!CONFIG_KEY.test(key) || key === '.' || key === '..') {
        causes.push(
          invalid(
            at,
            key,
            "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name', or 'KEY_NAME', or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
          ),
        );
      }
      // A Secret's stringData overlays data by design; only ConfigMap forbids a key in both.
      if (seen.has(key) && field === 'binaryData') causes.push(duplicate(at, key));
      seen.add(key);
    }
  }
  return causes;
};

// ---- dispatch ----------------------------------------------------------------------------------

type KindRule = (obj: KubeObject) => StatusCause[];

const RULES: Record<string, KindRule> = {
  'kubevirt.io/VirtualMachine': virtualMachineCauses,
  'kubevirt.io/VirtualMachineInstance': (o) => vmiSpecCauses(objectAt(o.spec), 'spec'),
  'kubevirt.io/VirtualMachineInstanceReplicaSet': (o) =>
    vmiSpecCauses(objectAt(objectAt(objectAt(o.spec).template).spec), 'spec.template.spec'),
  'cdi.kubevirt.io/DataVolume': (o) => dataVolumeSpecCauses(objectAt(o.spec), 'spec'),
  '/Pod': (o) => podSpecCauses(objectAt(o.spec), 'spec'),
  '/PersistentVolumeClaim': pvcCauses,
  '/ConfigMap': (o) => dataKeyCauses(o, ['data', 'binaryData']),
  '/Secret': (o) => dataKeyCauses(o, ['data', 'stringData']),
  'apps/Deployment': workloadCauses,
  'apps/StatefulSet': workloadCauses,
  'apps/DaemonSet': workloadCauses,
  'apps/ReplicaSet': workloadCauses,
  'batch/Job': (o) =>
    podSpecCauses(objectAt(objectAt(objectAt(o.spec).template).spec), 'spec.template.spec'),
};

/** Causes for everything wrong with `obj` beyond its schema; empty when it is acceptable. Runs
 * after pruning and schema validation, so it tolerates but does not report wrong types. */
export const semanticCauses = (
  kind: ResourceKind,
  obj: KubeObject,
  isCreate: boolean,
): StatusCause[] => [
  ...metadataCauses(kind, obj, isCreate),
  ...(RULES[`${kind.group}/${kind.kind}`]?.(obj) ?? []),
];
