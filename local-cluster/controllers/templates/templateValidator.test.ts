import { describe, expect, it } from 'vitest';
import { StatusError } from '../../apiserver/core/statusError';
import type { KubeObject } from '../../apiserver/core/types';
import {
  admitAgainstTemplate,
  needsParentTemplate,
  parentTemplateOf,
  templateValidationError,
  validateAgainstTemplate,
} from './templateValidator';

const GiB = 2 ** 30;

const memoryRule = {
  name: 'minimal-required-memory',
  path: 'jsonpath::.spec.domain.memory.guest',
  rule: 'integer',
  message: 'This VM requires more memory.',
  min: 1.5 * GiB,
};
const busRules = [
  {
    name: 'windows-virtio-bus',
    path: 'jsonpath::.spec.domain.devices.disks[*].disk.bus',
    valid: 'jsonpath::.spec.domain.devices.disks[*].disk.bus',
    rule: 'enum',
    message: 'virtio disk bus type has better performance',
    values: ['virtio'],
    justWarning: true,
  },
  {
    name: 'windows-disk-bus',
    path: 'jsonpath::.spec.domain.devices.disks[*].disk.bus',
    valid: 'jsonpath::.spec.domain.devices.disks[*].disk.bus',
    rule: 'enum',
    message: 'disk bus has to be either virtio or sata or scsi',
    values: ['virtio', 'sata', 'scsi'],
  },
  {
    name: 'windows-cd-bus',
    path: 'jsonpath::.spec.domain.devices.disks[*].cdrom.bus',
    valid: 'jsonpath::.spec.domain.devices.disks[*].cdrom.bus',
    rule: 'enum',
    message: 'cd bus has to be sata',
    values: ['sata'],
  },
];

const template = (rules: unknown[]): KubeObject => ({
  apiVersion: 'template.openshift.io/v1',
  kind: 'Template',
  metadata: {
    name: 'rhel9-server-small',
    namespace: 'openshift',
    annotations: { validations: JSON.stringify(rules) },
  },
});

interface VmOptions {
  memory?: string;
  disks?: Record<string, unknown>[];
  cpu?: Record<string, unknown>;
  labels?: Record<string, string> | null;
  annotations?: Record<string, string>;
}

const vm = ({
  memory = '2Gi',
  disks = [{ name: 'rootdisk', disk: { bus: 'virtio' } }],
  cpu,
  labels = {
    'vm.kubevirt.io/template': 'rhel9-server-small',
    'vm.kubevirt.io/template.namespace': 'openshift',
  },
  annotations,
}: VmOptions = {}): KubeObject => ({
  apiVersion: 'kubevirt.io/v1',
  kind: 'VirtualMachine',
  metadata: {
    name: 'web-1',
    namespace: 'demo-apps',
    ...(labels ? { labels } : {}),
    ...(annotations ? { annotations } : {}),
  },
  spec: {
    template: {
      spec: {
        domain: {
          ...(cpu ? { cpu } : {}),
          ...(memory ? { memory: { guest: memory } } : {}),
          devices: { disks },
        },
      },
    },
  },
});

describe('validateAgainstTemplate', () => {
  const cases: {
    name: string;
    vm: KubeObject;
    rules: unknown[];
    allowed: boolean;
    causes?: { field: string; message: string }[];
    warnings?: string[];
  }[] = [
    {
      name: 'enough memory passes the minimum',
      vm: vm({ memory: '2Gi' }),
      rules: [memoryRule],
      allowed: true,
    },
    {
      name: 'exactly the minimum passes',
      vm: vm({ memory: '1536Mi' }),
      rules: [memoryRule],
      allowed: true,
    },
    {
      name: 'too little memory is rejected with the path and the values',
      vm: vm({ memory: '1Gi' }),
      rules: [memoryRule],
      allowed: false,
      causes: [
        {
          field: '.spec.domain.memory.guest',
          message:
            'This VM requires more memory.: value 1073741824 is lower than minimum [1610612736]',
        },
      ],
    },
    {
      name: 'a missing value counts as zero, as on a zero-valued reference VM',
      vm: vm({ memory: '' }),
      rules: [memoryRule],
      allowed: false,
      causes: [
        {
          field: '.spec.domain.memory.guest',
          message: 'This VM requires more memory.: value 0 is lower than minimum [1610612736]',
        },
      ],
    },
    {
      name: 'a maximum is enforced too',
      vm: vm({ memory: '64Gi' }),
      rules: [{ ...memoryRule, name: 'max', max: 32 * GiB, min: undefined, message: 'Too much.' }],
      allowed: false,
      causes: [
        {
          field: '.spec.domain.memory.guest',
          message: 'Too much.: value 68719476736 is higher than maximum [34359738368]',
        },
      ],
    },
    {
      name: 'a bound may be a path into the VM',
      vm: vm({ cpu: { sockets: 2, cores: 4 } }),
      rules: [
        {
          name: 'cores-not-above-sockets',
          path: 'jsonpath::.spec.domain.cpu.sockets',
          rule: 'integer',
          message: 'Sockets must not exceed cores.',
          max: 'jsonpath::.spec.domain.cpu.cores',
        },
      ],
      allowed: true,
    },
    {
      name: 'unset CPU topology defaults to 1 before the rules run',
      vm: vm({ cpu: { cores: 2 } }),
      rules: [
        {
          name: 'one-socket',
          path: 'jsonpath::.spec.domain.cpu.sockets',
          rule: 'integer',
          message: 'Needs a socket.',
          min: 1,
          max: 1,
        },
      ],
      allowed: true,
    },
    {
      name: 'a warning-only rule never rejects, but is reported',
      vm: vm({ disks: [{ name: 'rootdisk', disk: { bus: 'sata' } }] }),
      rules: busRules,
      allowed: true,
      warnings: ['virtio disk bus type has better performance: Some of [sata] are not in [virtio]'],
    },
    {
      name: 'a disallowed bus is rejected, and the failed warning is listed with it',
      vm: vm({ disks: [{ name: 'rootdisk', disk: { bus: 'usb' } }] }),
      rules: busRules,
      allowed: false,
      causes: [
        {
          field: '.spec.domain.devices.disks[*].disk.bus',
          message: 'virtio disk bus type has better performance: Some of [usb] are not in [virtio]',
        },
        {
          field: '.spec.domain.devices.disks[*].disk.bus',
          message:
            'disk bus has to be either virtio or sata or scsi: Some of [usb] are not in [virtio, sata, scsi]',
        },
      ],
    },
    {
      name: 'rules whose `valid` path finds nothing do not apply (no CD-ROM)',
      vm: vm({ disks: [{ name: 'rootdisk', disk: { bus: 'virtio' } }] }),
      rules: busRules,
      allowed: true,
    },
    {
      name: 'every value at a [*] path is checked (CD-ROM on SCSI)',
      vm: vm({
        disks: [
          { name: 'rootdisk', disk: { bus: 'virtio' } },
          { name: 'iso', cdrom: { bus: 'scsi' } },
          { name: 'drivers', cdrom: { bus: 'sata' } },
        ],
      }),
      rules: busRules,
      allowed: false,
      causes: [
        {
          field: '.spec.domain.devices.disks[*].cdrom.bus',
          message: 'cd bus has to be sata: Some of [scsi, sata] are not in [sata]',
        },
      ],
    },
    {
      name: 'string lengths',
      vm: vm({ disks: [{ name: 'a-very-long-disk-name', disk: { bus: 'virtio' } }] }),
      rules: [
        {
          name: 'short-disk-names',
          path: 'jsonpath::.spec.domain.devices.disks[*].name',
          rule: 'string',
          message: 'Disk names must be short.',
          maxLength: 8,
        },
      ],
      allowed: false,
      causes: [
        {
          field: '.spec.domain.devices.disks[*].name',
          message:
            'Disk names must be short.: Lengths of some strings are not in interval [N/A, 8]',
        },
      ],
    },
    {
      name: 'regular expressions',
      vm: vm({ disks: [{ name: 'Root', disk: { bus: 'virtio' } }] }),
      rules: [
        {
          name: 'lowercase-disks',
          path: 'jsonpath::.spec.domain.devices.disks[*].name',
          rule: 'regex',
          message: 'Disk names are lowercase.',
          regex: '^[a-z]+$',
        },
      ],
      allowed: false,
      causes: [
        {
          field: '.spec.domain.devices.disks[*].name',
          message: 'Disk names are lowercase.: Some of [Root] do not match ^[a-z]+$',
        },
      ],
    },
    {
      name: 'an unknown rule type always rejects, so a broken template is noticed',
      vm: vm(),
      rules: [{ ...memoryRule, rule: 'float' }],
      allowed: false,
      causes: [
        {
          field: '.spec.domain.memory.guest',
          message: 'This VM requires more memory.: unrecognized Rule type',
        },
      ],
    },
    {
      name: 'duplicate rule names reject',
      vm: vm(),
      rules: [memoryRule, memoryRule],
      allowed: false,
      causes: [
        {
          field: '.spec.domain.memory.guest',
          message: 'This VM requires more memory.: duplicate Rule Name',
        },
      ],
    },
    {
      name: 'a rule without a message rejects',
      vm: vm(),
      rules: [{ ...memoryRule, message: '' }],
      allowed: false,
      causes: [{ field: '.spec.domain.memory.guest', message: ': missing required key' }],
    },
    {
      name: 'a value of the wrong type rejects with the type named',
      vm: vm({ disks: [{ name: 'rootdisk', disk: { bus: 'virtio' } }] }),
      rules: [
        {
          name: 'bus-as-int',
          path: 'jsonpath::.spec.domain.devices.disks[*].disk.bus',
          rule: 'integer',
          message: 'Bus is a number?',
          min: 1,
        },
      ],
      allowed: false,
      causes: [
        {
          field: '.spec.domain.devices.disks[*].disk.bus',
          message: 'Bus is a number?: mismatching type: string, not int or resource.Quantity',
        },
      ],
    },
  ];

  it.each(cases)('$name', ({ vm: machine, rules, allowed, causes, warnings }) => {
    const result = validateAgainstTemplate(machine, template(rules));
    expect(result.allowed).toBe(allowed);
    expect(result.causes).toEqual(
      (causes ?? []).map((c) => ({ reason: 'FieldValueInvalid', ...c })),
    );
    if (warnings) expect(result.warnings).toEqual(warnings);
  });

  it('prefers rules the VM carries over its template', () => {
    const machine = vm({
      memory: '1Gi',
      annotations: { 'vm.kubevirt.io/validations': JSON.stringify([{ ...memoryRule, min: GiB }]) },
    });
    expect(validateAgainstTemplate(machine, template([memoryRule])).allowed).toBe(true);
    expect(needsParentTemplate(machine)).toBe(false);
    // The VM's own rules apply even when the template is gone.
    expect(validateAgainstTemplate(machine, undefined).allowed).toBe(true);
  });

  it('skips VMs marked vm.kubevirt.io/skip-validations and VMs being deleted', () => {
    const skipped = vm({ memory: '1Gi', annotations: { 'vm.kubevirt.io/skip-validations': '' } });
    expect(validateAgainstTemplate(skipped, template([memoryRule])).allowed).toBe(true);
    const deleting = vm({ memory: '1Gi' });
    deleting.metadata.deletionTimestamp = '2026-11-03T10:00:00Z';
    expect(validateAgainstTemplate(deleting, template([memoryRule])).allowed).toBe(true);
  });

  it('lets VMs without a parent template through', () => {
    const plain = vm({ memory: '1Gi', labels: null });
    expect(parentTemplateOf(plain)).toBeUndefined();
    expect(validateAgainstTemplate(plain, undefined)).toEqual({
      allowed: true,
      causes: [],
      warnings: [],
    });
  });

  it('finds the parent template from labels, the old namespace key, or annotations', () => {
    expect(parentTemplateOf(vm())).toEqual({ namespace: 'openshift', name: 'rhel9-server-small' });
    const old = vm({
      labels: {
        'vm.kubevirt.io/template': 'fedora-server-small',
        'vm.kubevirt.io/template-namespace': 'openshift',
      },
    });
    expect(parentTemplateOf(old)).toEqual({ namespace: 'openshift', name: 'fedora-server-small' });
    const annotated = vm({
      labels: null,
      annotations: {
        'vm.kubevirt.io/template': 'rhel8-server-small',
        'vm.kubevirt.io/template.namespace': 'openshift',
      },
    });
    expect(parentTemplateOf(annotated)).toEqual({
      namespace: 'openshift',
      name: 'rhel8-server-small',
    });
  });

  it('fails with 400 when the parent template is missing', () => {
    const run = () => validateAgainstTemplate(vm(), undefined);
    expect(run).toThrow(StatusError);
    expect(run).toThrow(
      'admission webhook "virt-template-admission.kubevirt.io" denied the request: missing parent template (key=openshift/rhel9-server-small) for web-1',
    );
    try {
      run();
    } catch (err) {
      expect((err as StatusError).code).toBe(400);
    }
  });

  it('fails with 400 when the rules are not readable', () => {
    const broken = template([]);
    broken.metadata.annotations = { validations: '[{"name": "x", ' };
    expect(() => validateAgainstTemplate(vm(), broken)).toThrow(/cannot parse validations/);
    expect(() =>
      validateAgainstTemplate(
        vm(),
        template([{ ...memoryRule, path: '.spec.domain.memory.guest' }]),
      ),
    ).toThrow(/invalid JSONPath/);
  });
});

describe('templateValidationError', () => {
  it('is a 422 Invalid whose message joins the causes behind the webhook prefix', () => {
    const result = validateAgainstTemplate(
      vm({ memory: '1Gi', disks: [{ name: 'rootdisk', disk: { bus: 'usb' } }] }),
      template([memoryRule, busRules[1]]),
    );
    const status = templateValidationError(result).toStatus();
    expect(status).toMatchObject({ code: 422, reason: 'Invalid', status: 'Failure' });
    expect(status.message).toBe(
      'admission webhook "virt-template-admission.kubevirt.io" denied the request: This VM requires more memory.: value 1073741824 is lower than minimum [1610612736], disk bus has to be either virtio or sata or scsi: Some of [usb] are not in [virtio, sata, scsi]',
    );
    expect(status.details?.causes).toHaveLength(2);
  });
});

describe('admitAgainstTemplate', () => {
  it('fetches the parent template only when needed and returns warnings', () => {
    const asked: string[] = [];
    const lookup = (ref: { namespace: string; name: string }) => {
      asked.push(`${ref.namespace}/${ref.name}`);
      return template(busRules);
    };
    const warnings = admitAgainstTemplate(
      vm({ disks: [{ name: 'rootdisk', disk: { bus: 'sata' } }] }),
      lookup,
    );
    expect(asked).toEqual(['openshift/rhel9-server-small']);
    expect(warnings).toHaveLength(1);
    expect(admitAgainstTemplate(vm({ labels: null }), lookup)).toEqual([]);
    expect(asked).toHaveLength(1);
  });

  it('throws the denial for an invalid VM', () => {
    expect(() => admitAgainstTemplate(vm({ memory: '1Gi' }), () => template([memoryRule]))).toThrow(
      /This VM requires more memory/,
    );
  });
});
