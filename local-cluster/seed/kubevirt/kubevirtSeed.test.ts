import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadAll } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../apiserver/core/types';
import { processTemplate } from '../../apiserver/rest/processTemplate';
import { parseQuantity } from '../../apiserver/validation/quantity';
import { validateAgainstTemplate } from '../../controllers/templates/templateValidator';
import { KUBEVIRT_SEED } from '.';
import { COMMON_OS } from './commonTemplateTable';

/** What the seeded KubeVirt content says, checked against itself: every reference resolves, the
 * catalogue matches the real product's, and every template yields a VM its own rules accept. */

type JSONObject = Record<string, unknown>;

const seedDir = fileURLToPath(new URL('..', import.meta.url));
const yamlObjects = readdirSync(seedDir)
  .filter((f) => /^\d{2}-.*\.yaml$/.test(f))
  .sort()
  .flatMap((f) => loadAll(readFileSync(join(seedDir, f), 'utf8')) as KubeObject[])
  .filter(Boolean);
const objects: KubeObject[] = [...yamlObjects, ...KUBEVIRT_SEED.flatMap((c) => c())];

const ofKind = (kind: string, namespace?: string): KubeObject[] =>
  objects.filter(
    (o) => o.kind === kind && (namespace === undefined || o.metadata.namespace === namespace),
  );
const find = (kind: string, name: string, namespace?: string): KubeObject | undefined =>
  ofKind(kind, namespace).find((o) => o.metadata.name === name);
const at = (o: unknown, ...path: (string | number)[]): unknown =>
  path.reduce<unknown>(
    (v, k) => (v && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined),
    o,
  );
const str = (o: unknown, ...path: (string | number)[]): string => String(at(o, ...path));

const OS_IMAGES = 'openshift-virtualization-os-images';

/** virt-api rejects a VM whose instance type gives less than its preference requires. */
const meetsRequirements = (instancetype: string, preference: string): boolean => {
  const it = find('VirtualMachineClusterInstancetype', instancetype);
  const req = at(find('VirtualMachineClusterPreference', preference), 'spec', 'requirements');
  if (!it) return false;
  const cpu = Number(at(req, 'cpu', 'guest') ?? 0);
  const memory = at(req, 'memory', 'guest');
  return (
    Number(at(it, 'spec', 'cpu', 'guest')) >= cpu &&
    parseQuantity(str(it, 'spec', 'memory', 'guest')) >=
      (memory ? parseQuantity(String(memory)) : 0)
  );
};

/** `matchLabels`-style selection. */
const matchesLabels = (selector: Record<string, string>, labels: Record<string, string>) =>
  Object.entries(selector).every(([k, v]) => labels[k] === v);

describe('cluster instance types', () => {
  const types = ofKind('VirtualMachineClusterInstancetype');
  const sizesOf = (series: string) =>
    types
      .filter((t) => t.metadata.name?.startsWith(`${series}.`))
      .map(
        (t) =>
          `${t.metadata.name?.slice(series.length + 1)} ${str(t, 'spec', 'cpu', 'guest')}/${str(t, 'spec', 'memory', 'guest')}`,
      );

  it('have the real series and sizes', () => {
    expect(sizesOf('u1')).toEqual([
      'nano 1/512Mi',
      'micro 1/1Gi',
      'small 1/2Gi',
      'medium 1/4Gi',
      '2xmedium 2/4Gi',
      'large 2/8Gi',
      'xlarge 4/16Gi',
      '2xlarge 8/32Gi',
      '4xlarge 16/64Gi',
      '8xlarge 32/128Gi',
    ]);
    expect(sizesOf('o1')).toHaveLength(9);
    expect(sizesOf('cx1')).toEqual([
      'medium 1/2Gi',
      'large 2/4Gi',
      'xlarge 4/8Gi',
      '2xlarge 8/16Gi',
      '4xlarge 16/32Gi',
      '8xlarge 32/64Gi',
    ]);
    expect(sizesOf('m1')).toEqual([
      'large 2/16Gi',
      'xlarge 4/32Gi',
      '2xlarge 8/64Gi',
      '4xlarge 16/128Gi',
      '8xlarge 32/256Gi',
    ]);
    expect(sizesOf('n1')).toEqual([
      'medium 4/4Gi',
      'large 4/8Gi',
      'xlarge 8/16Gi',
      '2xlarge 16/32Gi',
      '4xlarge 32/64Gi',
      '8xlarge 64/128Gi',
    ]);
  });

  it('carry the series traits in their spec and labels that agree with it', () => {
    for (const t of types) {
      const labels = t.metadata.labels ?? {};
      expect(labels['instancetype.kubevirt.io/vendor'], t.metadata.name).toBe('redhat.com');
      expect(labels['instancetype.kubevirt.io/cpu']).toBe(str(t, 'spec', 'cpu', 'guest'));
      expect(labels['instancetype.kubevirt.io/memory']).toBe(str(t, 'spec', 'memory', 'guest'));
      expect(t.metadata.annotations?.['instancetype.kubevirt.io/displayName']).toBeTruthy();
    }
    expect(at(find('VirtualMachineClusterInstancetype', 'o1.medium'), 'spec', 'memory')).toEqual({
      guest: '4Gi',
      overcommitPercent: 50,
    });
    expect(at(find('VirtualMachineClusterInstancetype', 'cx1.large'), 'spec', 'cpu')).toEqual({
      guest: 2,
      dedicatedCPUPlacement: true,
      isolateEmulatorThread: true,
      numa: { guestMappingPassthrough: {} },
    });
    expect(
      at(find('VirtualMachineClusterInstancetype', 'n1.large'), 'spec', 'memory', 'hugepages'),
    ).toEqual({ pageSize: '1Gi' });
  });
});

describe('cluster preferences', () => {
  it('cover the guest OSes of the templates and boot sources', () => {
    const names = ofKind('VirtualMachineClusterPreference').map((p) => p.metadata.name);
    for (const name of [
      'rhel.7',
      'rhel.8',
      'rhel.9',
      'rhel.9.desktop',
      'rhel.9.dpdk',
      'centos.stream9',
      'fedora',
      'ubuntu',
      'cirros',
      'windows.2k19',
      'windows.2k22',
      'windows.2k22.virtio',
      'windows.11',
      'windows.11.virtio',
    ])
      expect(names).toContain(name);
  });

  it('give Windows SATA/e1000e until VirtIO drivers are in, and a vTPM where Windows needs one', () => {
    const pref = (name: string) => find('VirtualMachineClusterPreference', name);
    expect(at(pref('windows.2k22'), 'spec', 'devices')).toMatchObject({
      preferredDiskBus: 'sata',
      preferredInterfaceModel: 'e1000e',
      preferredTPM: { persistent: true },
    });
    expect(at(pref('windows.2k22.virtio'), 'spec', 'devices', 'preferredDiskBus')).toBe('virtio');
    expect(at(pref('windows.11'), 'spec', 'firmware', 'preferredEfi')).toEqual({
      secureBoot: true,
      persistent: true,
    });
    expect(at(pref('windows.2k19'), 'spec', 'firmware', 'preferredUseBios')).toBe(true);
    for (const p of ofKind('VirtualMachineClusterPreference')) {
      expect(p.metadata.labels?.['instancetype.kubevirt.io/os-type'], p.metadata.name).toMatch(
        /^(linux|windows)$/,
      );
      expect(p.metadata.annotations?.['openshift.io/display-name'], p.metadata.name).toBeTruthy();
    }
  });
});

describe('boot sources', () => {
  const crons = ofKind('DataImportCron', OS_IMAGES);
  const sources = ofKind('DataSource', OS_IMAGES);

  it('are imported: each cron manages a Ready DataSource on a Bound PVC with its PV', () => {
    expect(crons.map((c) => c.metadata.name).sort()).toEqual([
      'centos-stream9-image-cron',
      'fedora-image-cron',
      'rhel8-image-cron',
      'rhel9-image-cron',
    ]);
    for (const cron of crons) {
      const ds = find('DataSource', str(cron, 'spec', 'managedDataSource'), OS_IMAGES);
      expect(ds, cron.metadata.name).toBeDefined();
      expect(ds?.metadata.labels?.['cdi.kubevirt.io/dataImportCron']).toBe(cron.metadata.name);
      const pvcName = str(cron, 'status', 'lastImportedPVC', 'name');
      expect(pvcName).toMatch(
        new RegExp(`^${str(cron, 'spec', 'managedDataSource')}-[0-9a-f]{12}$`),
      );
      expect(at(ds, 'spec', 'source', 'pvc', 'name')).toBe(pvcName);
      expect(at(ds, 'status', 'source', 'pvc', 'name')).toBe(pvcName);
      expect(at(ds, 'status', 'conditions', 0)).toMatchObject({ type: 'Ready', status: 'True' });
      const conditions = at(cron, 'status', 'conditions') as JSONObject[];
      expect(conditions.find((c) => c.type === 'UpToDate')?.status).toBe('True');
      expect(conditions.find((c) => c.type === 'Progressing')?.status).toBe('False');
      const pvc = find('PersistentVolumeClaim', pvcName, OS_IMAGES);
      expect(at(pvc, 'status', 'phase')).toBe('Bound');
      expect(pvc?.metadata.annotations?.['cdi.kubevirt.io/storage.pod.phase']).toBe('Succeeded');
      expect(pvc?.metadata.annotations?.['cdi.kubevirt.io/storage.import.endpoint']).toMatch(
        /^docker:\/\/.+@sha256:[0-9a-f]{64}$/,
      );
      const pv = find('PersistentVolume', str(pvc, 'spec', 'volumeName'));
      expect(at(pv, 'spec', 'claimRef')).toMatchObject({ name: pvcName, namespace: OS_IMAGES });
      expect(at(pv, 'spec', 'storageClassName')).toBe(at(pvc, 'spec', 'storageClassName'));
    }
  });

  it('name default instance types and preferences that exist', () => {
    for (const ds of sources) {
      const labels = ds.metadata.labels ?? {};
      const it = labels['instancetype.kubevirt.io/default-instancetype'];
      const pref = labels['instancetype.kubevirt.io/default-preference'];
      expect(
        find('VirtualMachineClusterInstancetype', it),
        `${ds.metadata.name}: ${it}`,
      ).toBeDefined();
      if (pref) {
        expect(find('VirtualMachineClusterPreference', pref), pref).toBeDefined();
        expect(meetsRequirements(it, pref), `${it} for ${pref}`).toBe(true);
      }
    }
  });

  it('include Windows sources waiting for an upload and one image without a default preference', () => {
    for (const name of ['win2k19', 'win2k22', 'win11']) {
      const ds = find('DataSource', name, OS_IMAGES);
      expect(at(ds, 'status', 'conditions', 0)).toMatchObject({
        type: 'Ready',
        status: 'False',
        reason: 'NotFound',
      });
      expect(find('PersistentVolumeClaim', name, OS_IMAGES)).toBeUndefined();
    }
    expect(
      sources.filter((s) => !s.metadata.labels?.['instancetype.kubevirt.io/default-preference']),
    ).toHaveLength(1);
  });
});

describe('common templates', () => {
  const common = ofKind('Template', 'openshift');

  it('cover every OS with its workloads and flavors', () => {
    const names = common.map((t) => t.metadata.name);
    expect(names).toHaveLength(COMMON_OS.reduce((n, os) => n + os.variants.length, 0));
    for (const name of [
      'rhel8-server-small',
      'rhel9-server-medium',
      'rhel9-desktop-small',
      'rhel9-highperformance-small',
      'centos-stream9-server-large',
      'fedora-server-small',
      'windows2k19-server-medium',
      'windows2k22-server-large',
      'windows11-desktop-medium',
    ])
      expect(names).toContain(name);
  });

  it('carry the labels and annotations the catalog filters on', () => {
    for (const t of common) {
      const [os, workload, flavor] =
        /^(.+)-(server|desktop|highperformance)-(\w+)$/.exec(t.metadata.name ?? '')?.slice(1) ?? [];
      const labels = t.metadata.labels ?? {};
      const annotations = t.metadata.annotations ?? {};
      expect(labels['template.kubevirt.io/type'], t.metadata.name).toBe('base');
      expect(labels[`workload.template.kubevirt.io/${workload}`]).toBe('true');
      expect(labels[`flavor.template.kubevirt.io/${flavor}`]).toBe('true');
      expect(Object.keys(labels).some((k) => k.startsWith('os.template.kubevirt.io/'))).toBe(true);
      expect(annotations['template.kubevirt.io/provider']).toBe('Red Hat');
      expect(annotations['defaults.template.kubevirt.io/disk']).toBe('rootdisk');
      expect(annotations['openshift.io/display-name']).toBeTruthy();
      expect(
        Object.keys(annotations).some((k) => k.startsWith('name.os.template.kubevirt.io/')),
      ).toBe(true);
      const params = (t.parameters as JSONObject[]).map((p) => p.name);
      expect(params).toEqual(
        expect.arrayContaining(['NAME', 'DATA_SOURCE_NAME', 'DATA_SOURCE_NAMESPACE']),
      );
      expect(params.includes('CLOUD_USER_PASSWORD')).toBe(!os.startsWith('windows'));
    }
    expect(
      common.filter((t) => t.metadata.labels?.['template.kubevirt.io/default-os-variant']),
    ).toHaveLength(COMMON_OS.length);
  });

  it('process into a VM that clones an existing boot source and passes its own validations', () => {
    for (const t of common) {
      const processed = processTemplate(t);
      const vm = (processed.objects as KubeObject[])[0];
      const os = COMMON_OS.find((o) => t.metadata.name?.startsWith(`${o.os}-`));
      expect(vm.metadata.name, t.metadata.name).toMatch(new RegExp(`^${os?.os}-[a-z0-9]{16}$`));
      expect(vm.metadata.labels?.['vm.kubevirt.io/template']).toBe(t.metadata.name);
      const sourceRef = at(vm, 'spec', 'dataVolumeTemplates', 0, 'spec', 'sourceRef') as JSONObject;
      expect(find('DataSource', String(sourceRef.name), String(sourceRef.namespace))).toBeDefined();
      if (os?.family === 'linux') {
        expect(
          str(vm, 'spec', 'template', 'spec', 'volumes', 1, 'cloudInitNoCloud', 'userData'),
        ).toMatch(/\npassword: [a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}\n/);
      }
      const result = validateAgainstTemplate(vm, t);
      expect(result.causes, t.metadata.name).toEqual([]);
      expect(result.allowed).toBe(true);
    }
  });

  it("reject a VM below the OS's minimum memory through the template validator", () => {
    const t = find('Template', 'windows11-desktop-medium', 'openshift') as KubeObject;
    const vm = (processTemplate(t).objects as KubeObject[])[0];
    (at(vm, 'spec', 'template', 'spec', 'domain', 'memory') as JSONObject).guest = '2Gi';
    const result = validateAgainstTemplate(vm, t);
    expect(result.allowed).toBe(false);
    expect(result.causes[0].message).toBe(
      'This VM requires more memory.: value 2147483648 is lower than minimum [4294967296]',
    );
    // A Windows guest on SATA passes with a warning only.
    expect(result.warnings[0]).toMatch(/^virtio disk bus type has better performance/);
  });

  it('include a deprecated customized template whose validations sit on the Template', () => {
    const legacy = ofKind('Template', 'demo-apps').filter(
      (t) => t.metadata.annotations?.['template.kubevirt.io/deprecated'] === 'true',
    );
    expect(legacy).toHaveLength(1);
    const t = legacy[0];
    expect(t.metadata.annotations?.validations).toBeTruthy();
    const vm = (processTemplate(t).objects as KubeObject[])[0];
    vm.metadata.labels = {
      ...vm.metadata.labels,
      'vm.kubevirt.io/template.namespace': 'demo-apps',
    };
    expect(validateAgainstTemplate(vm, t).allowed).toBe(true);
    const small = processTemplate({
      ...t,
      parameters: (t.parameters as JSONObject[]).map((p) =>
        p.name === 'MEMORY' ? { ...p, value: '1Gi' } : p,
      ),
    });
    const smallVm = (small.objects as KubeObject[])[0];
    smallVm.metadata.labels = {
      ...smallVm.metadata.labels,
      'vm.kubevirt.io/template.namespace': 'demo-apps',
    };
    expect(validateAgainstTemplate(smallVm, t).allowed).toBe(false);
  });
});

describe('demo virtual machines', () => {
  const vms = ofKind('VirtualMachine');
  const byName = (name: string) => vms.find((v) => v.metadata.name === name) as KubeObject;

  it('cover one interesting state each', () => {
    expect(str(byName('fedora-web-01'), 'spec', 'runStrategy')).toBe('Always');
    expect(str(byName('centos-stream9-ci'), 'spec', 'runStrategy')).toBe('Halted');
    expect(str(byName('win2k22-ad'), 'spec', 'runStrategy')).toBe('Halted');
    expect(str(byName('manual-vm'), 'spec', 'runStrategy')).toBe('Manual');
    expect(str(byName('paused-vm'), 'spec', 'template', 'spec', 'startStrategy')).toBe('Paused');
    expect(at(byName('bigmem-vm'), 'spec', 'template', 'spec', 'nodeSelector')).toBeDefined();
    expect(
      str(
        byName('broken-import'),
        'spec',
        'dataVolumeTemplates',
        0,
        'spec',
        'source',
        'http',
        'url',
      ),
    ).toBe('http://images.example.invalid/disk.qcow2');
    expect(
      at(
        byName('crashing-vm'),
        'spec',
        'template',
        'metadata',
        'annotations',
        'simulation.local-cluster.io/guest',
      ),
    ).toBe('crash');
    expect(
      at(
        byName('bridge-vm'),
        'spec',
        'template',
        'spec',
        'domain',
        'devices',
        'interfaces',
        0,
        'bridge',
      ),
    ).toEqual({});
    expect(
      at(
        byName('legacy-app-01'),
        'spec',
        'dataVolumeTemplates',
        0,
        'spec',
        'storage',
        'accessModes',
      ),
    ).toEqual(['ReadWriteOnce']);
    const windows = at(byName('win2k22-ad'), 'spec', 'template', 'spec', 'domain') as JSONObject;
    expect(at(windows, 'devices', 'tpm')).toEqual({ persistent: true });
    expect(at(windows, 'features', 'smm')).toEqual({});
    expect(at(windows, 'features', 'hyperv')).toBeDefined();
    expect(at(windows, 'firmware', 'bootloader', 'efi', 'secureBoot')).toBe(true);
    expect(ofKind('VirtualMachine', 'demo-dev')).toHaveLength(2);
    const vmi = find('VirtualMachineInstance', 'standalone-vmi', 'demo-apps');
    expect(vmi?.metadata.ownerReferences).toBeUndefined();
  });

  it('refer to instance types, preferences and boot sources that exist', () => {
    for (const vm of vms) {
      const spec = vm.spec as JSONObject;
      const itName = at(spec, 'instancetype', 'name');
      if (itName) {
        expect(
          find('VirtualMachineClusterInstancetype', String(itName)),
          vm.metadata.name,
        ).toBeDefined();
        // With an instance type the VM must leave CPU and memory alone.
        expect(at(spec, 'template', 'spec', 'domain', 'cpu')).toBeUndefined();
        expect(at(spec, 'template', 'spec', 'domain', 'memory')).toBeUndefined();
      }
      const prefName = at(spec, 'preference', 'name');
      if (prefName)
        expect(
          find('VirtualMachineClusterPreference', String(prefName)),
          vm.metadata.name,
        ).toBeDefined();
      if (itName && prefName)
        expect(meetsRequirements(String(itName), String(prefName)), vm.metadata.name).toBe(true);
      for (const dvt of (spec.dataVolumeTemplates as JSONObject[] | undefined) ?? []) {
        const ref = at(dvt, 'spec', 'sourceRef') as JSONObject | undefined;
        if (ref) expect(find('DataSource', String(ref.name), String(ref.namespace))).toBeDefined();
      }
    }
  });

  it('that came from a template still pass its validations', () => {
    for (const vm of vms.filter((v) => v.metadata.labels?.['vm.kubevirt.io/template'])) {
      const labels = vm.metadata.labels ?? {};
      const template = find(
        'Template',
        labels['vm.kubevirt.io/template'],
        labels['vm.kubevirt.io/template.namespace'],
      );
      expect(template, vm.metadata.name).toBeDefined();
      expect(validateAgainstTemplate(vm, template).allowed, vm.metadata.name).toBe(true);
    }
  });

  it('include a database the migration policy selects', () => {
    const policy = ofKind('MigrationPolicy')[0];
    const db = byName('rhel9-db-01');
    expect(
      matchesLabels(
        at(policy, 'spec', 'selectors', 'virtualMachineInstanceSelector') as Record<string, string>,
        at(db, 'spec', 'template', 'metadata', 'labels') as Record<string, string>,
      ),
    ).toBe(true);
    expect(
      matchesLabels(
        at(policy, 'spec', 'selectors', 'namespaceSelector') as Record<string, string>,
        { 'kubernetes.io/metadata.name': String(db.metadata.namespace) },
      ),
    ).toBe(true);
  });
});

describe('checkups', () => {
  it('name NADs, ConfigMaps and service accounts that exist', () => {
    const maps = ofKind('ConfigMap', 'demo-apps').filter(
      (c) => c.metadata.labels?.['kiagnose/checkup-type'],
    );
    expect(maps.map((m) => m.metadata.labels?.['kiagnose/checkup-type']).sort()).toEqual([
      'kubevirt-storage',
      'kubevirt-vm-latency',
    ]);
    for (const m of maps) {
      const data = m.data as Record<string, string>;
      expect(['true', 'false']).toContain(data['status.succeeded']);
      const nad = data['spec.param.networkAttachmentDefinitionName'];
      if (nad) expect(find('NetworkAttachmentDefinition', nad, 'demo-apps')).toBeDefined();
      const job = ofKind('Job', 'demo-apps').find((j) =>
        (at(j, 'spec', 'template', 'spec', 'containers', 0, 'env') as JSONObject[]).some(
          (e) => e.name === 'CONFIGMAP_NAME' && e.value === m.metadata.name,
        ),
      );
      expect(job, m.metadata.name).toBeDefined();
      const sa = str(job, 'spec', 'template', 'spec', 'serviceAccountName');
      expect(find('ServiceAccount', sa, 'demo-apps'), sa).toBeDefined();
      const jobConditions = at(job, 'status', 'conditions') as JSONObject[];
      const finished = data['status.succeeded'] === 'true' ? 'Complete' : 'Failed';
      expect(jobConditions.some((c) => c.type === finished && c.status === 'True')).toBe(true);
    }
  });

  it('report latencies in nanoseconds within the requested maximum', () => {
    const data = find('ConfigMap', 'vm-latency-checkup-bridge', 'demo-apps')?.data as Record<
      string,
      string
    >;
    expect(Number(data['status.result.maxLatencyNanoSec'])).toBeLessThan(
      Number(data['spec.param.maxDesiredLatencyMilliseconds']) * 1e6,
    );
    expect(parseQuantity(data['status.result.minLatencyNanoSec'])).toBeLessThan(
      parseQuantity(data['status.result.avgLatencyNanoSec']),
    );
  });
});
