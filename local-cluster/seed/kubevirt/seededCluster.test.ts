import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KubeObject } from '../../apiserver/core/types';
import type { LocalCluster } from '../../apiserver/localCluster';
import { startLocalCluster } from '../../apiserver/localCluster';
import { validateAgainstTemplate } from '../../controllers/templates/templateValidator';
import { KUBEVIRT_SEED } from '.';

/** The KubeVirt seed against a real local cluster: seeding validates every object (it throws on
 * the first invalid one), and every common template goes through `processedtemplates` into a VM
 * the server accepts, as the console's create-from-template flow does it. */

type JSONObject = Record<string, unknown>;

let cluster: LocalCluster;

// Seeding validates a few hundred objects against large schemas; give a busy machine time.
const SLOW = 60_000;

beforeAll(async () => {
  cluster = await startLocalCluster({ inMemory: true, seedContributors: KUBEVIRT_SEED });
}, SLOW);
afterAll(async () => {
  await cluster?.close();
});

const call = async (
  user: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: JSONObject }> => {
  const res = await fetch(`${cluster.url}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${cluster.tokenOf(user)}`,
      ...(body ? { 'Content-Type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, json: (await res.json()) as JSONObject };
};

/** The REST path of an object, from its apiVersion and kind (plural = lowercase kind + s). */
const pathOf = (o: KubeObject): string => {
  const version = String(o.apiVersion);
  const base = version.includes('/') ? `/apis/${version}` : `/api/${version}`;
  const plural = String(o.kind).toLowerCase().replace(/y$/, 'ie') + 's';
  const ns = o.metadata.namespace ? `/namespaces/${o.metadata.namespace}` : '';
  return `${base}${ns}/${plural}/${o.metadata.name}`;
};

const seeded = KUBEVIRT_SEED.flatMap((c) => c());

describe('a local cluster seeded with the KubeVirt content', () => {
  it(
    'serves every seeded object with its status kept',
    async () => {
      for (const o of seeded) {
        const { status, json } = await call('admin', 'GET', pathOf(o));
        expect(status, pathOf(o)).toBe(200);
        expect(json.spec ?? json.objects ?? json.data, pathOf(o)).toEqual(
          o.spec ?? o.objects ?? o.data,
        );
        if (o.status) expect(json.status, pathOf(o)).toEqual(o.status);
      }
    },
    SLOW,
  );

  it(
    'turns every common template into a VM the server accepts',
    async () => {
      const { json: list } = await call(
        'admin',
        'GET',
        '/apis/template.openshift.io/v1/namespaces/openshift/templates?labelSelector=template.kubevirt.io%2Ftype%3Dbase',
      );
      const templates = list.items as KubeObject[];
      expect(templates.length).toBeGreaterThan(20);
      for (const template of templates) {
        const processed = await call(
          'admin',
          'POST',
          '/apis/template.openshift.io/v1/namespaces/openshift/processedtemplates',
          template,
        );
        expect(processed.status, template.metadata.name).toBe(201);
        const vm = (processed.json.objects as KubeObject[])[0];
        // What the console adds when it creates a VM from a template.
        vm.metadata.namespace = 'demo-apps';
        vm.metadata.labels = {
          ...vm.metadata.labels,
          'vm.kubevirt.io/template.namespace': 'openshift',
        };
        const created = await call(
          'admin',
          'POST',
          '/apis/kubevirt.io/v1/namespaces/demo-apps/virtualmachines',
          vm,
        );
        expect(
          created.status,
          `${template.metadata.name}: ${JSON.stringify(created.json.message)}`,
        ).toBe(201);
        expect(validateAgainstTemplate(created.json as KubeObject, template).allowed).toBe(true);
      }
    },
    SLOW,
  );

  it(
    'lets the developer create a VM from a shared template in their own project',
    async () => {
      const template = await call(
        'developer',
        'GET',
        '/apis/template.openshift.io/v1/namespaces/openshift/templates/rhel9-server-small',
      );
      expect(template.status).toBe(200);
      const processed = await call(
        'developer',
        'POST',
        '/apis/template.openshift.io/v1/namespaces/demo-dev/processedtemplates',
        {
          ...template.json,
          parameters: (template.json.parameters as JSONObject[]).map((p) =>
            p.name === 'NAME' ? { ...p, value: 'dev-rhel9' } : p,
          ),
        },
      );
      expect(processed.status).toBe(201);
      const vm = (processed.json.objects as KubeObject[])[0];
      expect(vm.metadata.name).toBe('dev-rhel9');
      const created = await call(
        'developer',
        'POST',
        '/apis/kubevirt.io/v1/namespaces/demo-dev/virtualmachines',
        vm,
      );
      expect(created.status).toBe(201);
    },
    SLOW,
  );

  it(
    'processes the deprecated custom template with its required parameter',
    async () => {
      const template = await call(
        'admin',
        'GET',
        '/apis/template.openshift.io/v1/namespaces/demo-apps/templates/rhel8-web-legacy',
      );
      const processed = await call(
        'admin',
        'POST',
        '/apis/template.openshift.io/v1/namespaces/demo-apps/processedtemplates',
        template.json,
      );
      expect(processed.status).toBe(201);
      const vm = (processed.json.objects as KubeObject[])[0];
      vm.metadata.namespace = 'demo-apps';
      const created = await call(
        'admin',
        'POST',
        '/apis/kubevirt.io/v1/namespaces/demo-apps/virtualmachines',
        vm,
      );
      expect(created.status, JSON.stringify(created.json.message)).toBe(201);
    },
    SLOW,
  );
});
