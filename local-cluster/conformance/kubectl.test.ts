import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClusterUnderTest } from './clusterUnderTest';
import {
  clusterUnderTest,
  createTestNamespace,
  deleteTestNamespaces,
  DEVELOPER_USER,
  eventually,
  raw,
} from './clusterUnderTest';

const KUBECTL = process.env.KUBECTL ?? '/usr/bin/kubectl';
const hasKubectl = existsSync(KUBECTL);

let cluster: ClusterUnderTest;
let ns: string;
let workDir: string;

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

const kubectl = (args: string[], input?: string): Promise<Result> =>
  new Promise((resolve) => {
    const child = execFile(
      KUBECTL,
      ['--kubeconfig', cluster.kubeconfigPath, ...args],
      {
        env: { ...process.env, KUBECACHEDIR: join(workDir, 'cache'), HOME: workDir },
        timeout: 20000,
      },
      (err, stdout, stderr) => {
        const code = err
          ? typeof (err as { code?: unknown }).code === 'number'
            ? (err as { code: number }).code
            : 1
          : 0;
        resolve({ code, stdout, stderr });
      },
    );
    if (input !== undefined) child.stdin?.end(input);
  });

/** Runs kubectl and fails the test with its output when it does not succeed. */
const ok = async (args: string[], input?: string): Promise<string> => {
  const r = await kubectl(args, input);
  expect(r.code, `kubectl ${args.join(' ')}\n${r.stderr}`).toBe(0);
  return r.stdout;
};

const file = (name: string, content: string): string => {
  const path = join(workDir, name);
  writeFileSync(path, content);
  return path;
};

/** `kubectl create -f -` of a ConfigMap: kubectl sends it as JSON through its unstructured client. */
const createCm = (name: string, data: Record<string, string> = {}): Promise<string> =>
  ok(
    ['create', '-f', '-'],
    JSON.stringify({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name, namespace: ns },
      data,
    }),
  );

describe.skipIf(!hasKubectl)('kubectl', () => {
  beforeAll(async () => {
    cluster = await clusterUnderTest();
    ns = await createTestNamespace(cluster.kc);
    await raw(
      cluster.kc,
      'POST',
      `/apis/rbac.authorization.k8s.io/v1/namespaces/${ns}/rolebindings`,
      {
        body: {
          apiVersion: 'rbac.authorization.k8s.io/v1',
          kind: 'RoleBinding',
          metadata: { name: 'developer-admin' },
          subjects: [{ kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: DEVELOPER_USER }],
          roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'admin' },
        },
      },
    );
    workDir = mkdtempSync(join(tmpdir(), 'conformance-kubectl-'));
  });

  afterAll(async () => {
    if (workDir) rmSync(workDir, { recursive: true, force: true });
    if (!cluster) return;
    await deleteTestNamespaces(cluster.kc, [ns]);
    await cluster.close();
  });

  it('create configmap (typed client, protobuf request body) works', async () => {
    // kubectl's generators use the typed clientset, which sends protobuf to a server that
    // advertises it and must otherwise fall back to JSON.
    const out = await ok(['create', 'configmap', 'typed-cm', '-n', ns, '--from-literal=k=v']);
    expect(out).toContain('configmap/typed-cm created');
    const got = await raw(cluster.kc, 'GET', `/api/v1/namespaces/${ns}/configmaps/typed-cm`);
    expect(got.json.data).toEqual({ k: 'v' });
  });

  it('get nodes prints a table', async () => {
    const out = await ok(['get', 'nodes']);
    const [header, ...rows] = out.trim().split('\n');
    expect(header).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION/);
    expect(rows.length).toBeGreaterThan(0);
  });

  it('get -o yaml prints the object', async () => {
    await createCm('yaml-cm', { k: 'v' });
    const out = await ok(['get', 'configmap', 'yaml-cm', '-n', ns, '-o', 'yaml']);
    expect(out).toMatch(/^apiVersion: v1$/m);
    expect(out).toMatch(/^kind: ConfigMap$/m);
    expect(out).toMatch(/^ {2}k: v$/m);
    expect(out).toMatch(/^ {2}resourceVersion: "\d+"$/m);
    const json = JSON.parse(await ok(['get', 'configmap', 'yaml-cm', '-n', ns, '-o', 'json']));
    expect(json.data).toEqual({ k: 'v' });
  });

  it('apply -f twice: created, then unchanged, then configured', async () => {
    const manifest = (value: string) =>
      file(
        'apply.yaml',
        `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: applied\n  namespace: ${ns}\ndata:\n  key: "${value}"\n`,
      );
    expect(await ok(['apply', '-f', manifest('1')])).toContain('configmap/applied created');
    expect(await ok(['apply', '-f', manifest('1')])).toContain('configmap/applied unchanged');
    expect(await ok(['apply', '-f', manifest('2')])).toContain('configmap/applied configured');
    const got = JSON.parse(await ok(['get', 'configmap', 'applied', '-n', ns, '-o', 'json']));
    expect(got.data).toEqual({ key: '2' });
    expect(got.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration']).toContain(
      '"key":"2"',
    );
  });

  it('apply --server-side creates and records the kubectl manager', async () => {
    const path = file(
      'ssa.yaml',
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ssa\n  namespace: ${ns}\ndata:\n  a: "1"\n`,
    );
    expect(await ok(['apply', '--server-side', '-f', path])).toContain(
      'configmap/ssa serverside-applied',
    );
    const got = JSON.parse(
      await ok(['get', 'configmap', 'ssa', '-n', ns, '-o', 'json', '--show-managed-fields']),
    );
    expect(got.metadata.managedFields).toEqual(
      expect.arrayContaining([expect.objectContaining({ manager: 'kubectl', operation: 'Apply' })]),
    );
    // A different manager changing the field conflicts, and kubectl explains it.
    const other = file(
      'ssa2.yaml',
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ssa\n  namespace: ${ns}\ndata:\n  a: "2"\n`,
    );
    const clash = await kubectl([
      'apply',
      '--server-side',
      '--field-manager',
      'someone-else',
      '-f',
      other,
    ]);
    expect(clash.code).not.toBe(0);
    expect(clash.stderr).toMatch(/conflict/i);
    expect(
      await ok([
        'apply',
        '--server-side',
        '--field-manager',
        'someone-else',
        '--force-conflicts',
        '-f',
        other,
      ]),
    ).toContain('serverside-applied');
  });

  it('patch with --type json, merge and strategic', async () => {
    await createCm('patched', { a: '1', b: '2' });
    expect(
      await ok([
        'patch',
        'configmap',
        'patched',
        '-n',
        ns,
        '--type=json',
        '-p',
        '[{"op":"replace","path":"/data/a","value":"10"}]',
      ]),
    ).toContain('patched');
    await ok([
      'patch',
      'configmap',
      'patched',
      '-n',
      ns,
      '--type=merge',
      '-p',
      '{"data":{"b":null,"c":"3"}}',
    ]);
    await ok([
      'patch',
      'configmap',
      'patched',
      '-n',
      ns,
      '--type=strategic',
      '-p',
      '{"metadata":{"labels":{"s":"yes"}}}',
    ]);
    const got = JSON.parse(await ok(['get', 'configmap', 'patched', '-n', ns, '-o', 'json']));
    expect(got.data).toEqual({ a: '10', c: '3' });
    expect(got.metadata.labels).toEqual({ s: 'yes' });
    // A no-op patch is reported as such.
    expect(
      await ok([
        'patch',
        'configmap',
        'patched',
        '-n',
        ns,
        '--type=merge',
        '-p',
        '{"data":{"a":"10"}}',
      ]),
    ).toContain('no change');
  });

  it('delete with --cascade orphan, background and foreground', async () => {
    const ownerUid = async (name: string) =>
      (await ok(['get', 'configmap', name, '-n', ns, '-o', 'jsonpath={.metadata.uid}'])).trim();
    const makePair = async (prefix: string) => {
      await createCm(`${prefix}-owner`);
      const uid = await ownerUid(`${prefix}-owner`);
      const dep = file(
        `${prefix}.yaml`,
        [
          'apiVersion: v1',
          'kind: ConfigMap',
          'metadata:',
          `  name: ${prefix}-dep`,
          `  namespace: ${ns}`,
          '  ownerReferences:',
          '  - apiVersion: v1',
          '    kind: ConfigMap',
          `    name: ${prefix}-owner`,
          `    uid: ${uid}`,
          '    blockOwnerDeletion: true',
          '',
        ].join('\n'),
      );
      await ok(['create', '-f', dep]);
    };
    const exists = async (name: string) =>
      (await kubectl(['get', 'configmap', name, '-n', ns])).code === 0;

    await makePair('orph');
    expect(await ok(['delete', 'configmap', 'orph-owner', '-n', ns, '--cascade=orphan'])).toContain(
      'deleted',
    );
    expect(await eventually(async () => !(await exists('orph-owner')), 5000)).toBe(true);
    const orphan = JSON.parse(await ok(['get', 'configmap', 'orph-dep', '-n', ns, '-o', 'json']));
    expect(orphan.metadata.ownerReferences ?? []).toEqual([]);

    await makePair('bg');
    await ok(['delete', 'configmap', 'bg-owner', '-n', ns, '--cascade=background']);
    expect(await eventually(async () => !(await exists('bg-dep')), 5000)).toBe(true);

    await makePair('fg');
    // --wait (the default) returns once the owner is gone, which foreground makes wait for the dependent.
    await ok(['delete', 'configmap', 'fg-owner', '-n', ns, '--cascade=foreground']);
    expect(await exists('fg-owner')).toBe(false);
    expect(await eventually(async () => !(await exists('fg-dep')), 5000)).toBe(true);
  });

  it('get -w prints a line per change', async () => {
    await createCm('watched', { a: '1' });
    const child = spawn(
      KUBECTL,
      [
        '--kubeconfig',
        cluster.kubeconfigPath,
        'get',
        'configmap',
        'watched',
        '-n',
        ns,
        '-w',
        '--output-watch-events',
      ],
      {
        env: { ...process.env, KUBECACHEDIR: join(workDir, 'cache'), HOME: workDir },
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    try {
      expect(await eventually(() => /ADDED\s+watched/.test(out), 10000), err).toBe(true);
      await ok(['label', 'configmap', 'watched', '-n', ns, 'changed=yes']);
      expect(await eventually(() => /MODIFIED\s+watched/.test(out), 10000), `${out}\n${err}`).toBe(
        true,
      );
    } finally {
      child.kill();
    }
  });

  it('auth can-i as the developer', async () => {
    const createConfigMapsIn = (namespace: string, ...extra: string[]) =>
      kubectl([...extra, 'auth', 'can-i', 'create', 'configmaps', '-n', namespace]);
    // The admin impersonating the developer, as `kubectl auth can-i --as` does.
    const impersonated = await createConfigMapsIn('default', '--as', DEVELOPER_USER);
    expect(impersonated.stdout.trim()).toBe('no');
    const impersonatedYes = await createConfigMapsIn(ns, '--as', DEVELOPER_USER);
    expect(impersonatedYes.stdout.trim()).toBe('yes');
    // The developer's own context.
    const own = await createConfigMapsIn('default', '--context', 'developer');
    expect(own.stdout.trim()).toBe('no');
    expect(own.code).toBe(1);
    const admin = await createConfigMapsIn('default');
    expect(admin.stdout.trim()).toBe('yes');
  });

  it('explain virtualmachine.spec.runStrategy prints the field documentation', async () => {
    const out = await ok(['explain', 'virtualmachine.spec.runStrategy']);
    expect(out).toMatch(/GROUP:\s+kubevirt\.io/);
    expect(out).toMatch(/KIND:\s+VirtualMachine/);
    expect(out).toMatch(/FIELD:\s+runStrategy <string>/);
    expect(out).toMatch(/DESCRIPTION:\s+\S+/);
  });

  it('api-resources lists virtualmachines with the short name vm', async () => {
    const out = await ok(['api-resources', '--api-group=kubevirt.io']);
    const line = out.split('\n').find((l) => /^virtualmachines\s/.test(l));
    expect(line).toBeDefined();
    expect(line).toMatch(/^virtualmachines\s+vm,vms\s+kubevirt\.io\/v1\s+true\s+VirtualMachine/);
    const core = await ok(['api-resources', '--api-group=', '-o', 'name']);
    expect(core.split('\n')).toEqual(expect.arrayContaining(['configmaps', 'namespaces', 'pods']));
  });

  it('create -f of an invalid object shows the server 422 message', async () => {
    const path = file(
      'invalid.yaml',
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Bad_Name\n  namespace: ${ns}\n`,
    );
    const r = await kubectl(['create', '-f', path]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('The ConfigMap "Bad_Name" is invalid');
    expect(r.stderr).toContain('metadata.name: Invalid value: "Bad_Name"');
    const list = await raw(cluster.kc, 'GET', `/api/v1/namespaces/${ns}/configmaps/Bad_Name`);
    expect(list.status).toBe(404);
  });
});
