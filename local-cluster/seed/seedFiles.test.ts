import { defaultRbacObjects } from '../apiserver/auth/defaultClusterRoles';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadAll } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../apiserver/core/types';
import { builtinKinds } from '../apiserver/registry/builtinKinds';
import { crdCatalog } from '../apiserver/registry/crdCatalog';
import { apiVersionOf } from '../apiserver/registry/resourceKind';
import { pruneUnknownFields } from '../apiserver/validation/pruneUnknownFields';
import { schemaFor } from '../apiserver/validation/schemaStore';
import { validateAgainstSchema } from '../apiserver/validation/validateAgainstSchema';
import { KUBEVIRT_SEED } from './kubevirt';

/** Checks the seed the server applies to an empty data dir: every YAML file in this folder and
 * every object the KubeVirt seed contributors generate, so content added later (templates,
 * instance types, boot sources, VMs) is held to the same rules. */

interface SeedObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

interface SeedDoc {
  file: string;
  index: number;
  object: SeedObject;
}

interface RoleRef {
  apiGroup: string;
  kind: string;
  name: string;
}

const seedDir = fileURLToPath(new URL('.', import.meta.url));
const seedFiles = readdirSync(seedDir)
  .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
  .sort();

const yamlDocs: SeedDoc[] = seedFiles.flatMap((file) =>
  loadAll(readFileSync(join(seedDir, file), 'utf8'))
    .filter((d) => d !== null && d !== undefined)
    .map((object, index) => ({ file, index, object: object as SeedObject })),
);

/** Generated content is named after its contributor, e.g. `kubevirt/commonTemplates#3`. */
const contributedDocs: SeedDoc[] = KUBEVIRT_SEED.flatMap((contribute) =>
  contribute().map((object, index) => ({
    file: `kubevirt/${contribute.name}`,
    index,
    object: object as SeedObject,
  })),
);

const docs: SeedDoc[] = [...yamlDocs, ...contributedDocs];

const where = (d: SeedDoc): string =>
  `${d.file}#${d.index} ${d.object?.kind}/${d.object?.metadata?.name}`;

/** Scope of every kind the server serves, keyed by apiVersion and kind. */
const scopeByKind = new Map<string, { namespaced: boolean; virtual: boolean }>([
  ...builtinKinds.map(
    (k) =>
      [
        `${apiVersionOf(k)} ${k.kind}`,
        { namespaced: k.namespaced, virtual: k.virtual === true },
      ] as const,
  ),
  ...crdCatalog.map(
    (c) =>
      [`${c.group}/${c.version} ${c.kind}`, { namespaced: c.namespaced, virtual: false }] as const,
  ),
]);
const scopeOf = (o: SeedObject) => scopeByKind.get(`${o.apiVersion} ${o.kind}`);

const ofKind = (kind: string): SeedObject[] =>
  docs.map((d) => d.object).filter((o) => o.kind === kind);

const seededNamespaces = new Set(
  docs
    .filter((d) => d.file === '00-namespaces.yaml' && d.object.kind === 'Namespace')
    .map((d) => d.object.metadata.name),
);

/** ClusterRoles the server creates itself; bindings may name them without seeding them. */
/** The ClusterRoles the server ships itself (kube's and OpenShift's defaults, KubeVirt's, CDI's). */
const serverDefaultClusterRoles = defaultRbacObjects()
  .filter((o) => o.kind === 'ClusterRole')
  .map((o) => o.metadata.name);

describe('seed files', () => {
  it('are named with a two-digit order prefix and hold at least one object', () => {
    expect(seedFiles.length).toBeGreaterThan(0);
    for (const file of seedFiles) {
      expect(file, file).toMatch(/^\d{2}-[a-z0-9-]+\.yaml$/);
      expect(
        yamlDocs.some((d) => d.file === file),
        file,
      ).toBe(true);
    }
  });

  it('seed the namespaces the console and the demo rely on', () => {
    for (const ns of [
      'default',
      'kube-system',
      'kube-public',
      'openshift',
      'openshift-cnv',
      'openshift-virtualization-os-images',
      'openshift-console-user-settings',
      'demo-apps',
      'demo-dev',
    ]) {
      expect(seededNamespaces.has(ns), ns).toBe(true);
    }
  });
});

describe('every seeded object', () => {
  it('has apiVersion, kind and metadata.name', () => {
    for (const d of docs) {
      expect(typeof d.object, where(d)).toBe('object');
      expect(typeof d.object.apiVersion, where(d)).toBe('string');
      expect(typeof d.object.kind, where(d)).toBe('string');
      expect(typeof d.object.metadata?.name, where(d)).toBe('string');
      expect(d.object.metadata.name.length, where(d)).toBeGreaterThan(0);
    }
  });

  it('leaves uid, resourceVersion and creationTimestamp to the server', () => {
    for (const d of docs) {
      for (const field of ['uid', 'resourceVersion', 'creationTimestamp', 'generation']) {
        expect(d.object.metadata, where(d)).not.toHaveProperty(field);
      }
    }
  });

  it('is of a stored kind the server serves', () => {
    for (const d of docs) {
      const scope = scopeOf(d.object);
      expect(
        scope,
        `${where(d)}: ${d.object.apiVersion} ${d.object.kind} is not served`,
      ).toBeDefined();
      expect(scope?.virtual, `${where(d)} is a virtual kind`).toBe(false);
    }
  });

  it('has a seeded namespace when namespaced and none when cluster-scoped', () => {
    for (const d of docs) {
      const scope = scopeOf(d.object);
      const ns = d.object.metadata.namespace;
      if (scope?.namespaced) {
        expect(ns, `${where(d)} needs a namespace`).toBeTypeOf('string');
        expect(seededNamespaces.has(ns ?? ''), `${where(d)}: namespace ${ns} is not seeded`).toBe(
          true,
        );
      } else {
        expect(ns, `${where(d)} is cluster-scoped`).toBeUndefined();
      }
    }
  });

  it('declares only fields its schema knows and passes schema validation', () => {
    for (const d of docs) {
      const [group, version] = d.object.apiVersion.includes('/')
        ? d.object.apiVersion.split('/')
        : ['', d.object.apiVersion];
      const schema = schemaFor(group, version, d.object.kind);
      if (!schema) continue;
      // The server would silently drop these, so a typo in the seed would go unnoticed.
      expect(pruneUnknownFields(schema, d.object).unknownFields, where(d)).toEqual([]);
      const builtin = builtinKinds.some(
        (k) => apiVersionOf(k) === d.object.apiVersion && k.kind === d.object.kind,
      );
      // As in admitObject: kube's Go structs let controllers leave required status fields out.
      const causes = validateAgainstSchema(schema, d.object as KubeObject).filter(
        (c) => !(builtin && c.reason === 'FieldValueRequired' && c.field?.startsWith('status.')),
      );
      expect(causes, where(d)).toEqual([]);
    }
    // Compiling the large KubeVirt schemas takes seconds on a busy machine.
  }, 60_000);

  it('is unique by kind, namespace and name', () => {
    const seen = new Map<string, string>();
    for (const d of docs) {
      const group = d.object.apiVersion.includes('/') ? d.object.apiVersion.split('/')[0] : '';
      const key = `${group}/${d.object.kind}/${d.object.metadata.namespace ?? ''}/${d.object.metadata.name}`;
      expect(seen.get(key), `${where(d)} duplicates ${seen.get(key)}`).toBeUndefined();
      seen.set(key, where(d));
    }
  });
});

describe('namespaces', () => {
  it('carry the kubernetes.io/metadata.name label and are Active', () => {
    for (const ns of ofKind('Namespace')) {
      expect(ns.metadata.labels?.['kubernetes.io/metadata.name'], ns.metadata.name).toBe(
        ns.metadata.name,
      );
      expect((ns.status as { phase?: string } | undefined)?.phase, ns.metadata.name).toBe('Active');
    }
  });

  it('name the requester of each demo project', () => {
    const requester = (name: string) =>
      ofKind('Namespace').find((n) => n.metadata.name === name)?.metadata.annotations?.[
        'openshift.io/requester'
      ];
    expect(requester('demo-apps')).toBe('admin');
    expect(requester('demo-dev')).toBe('developer');
  });
});

describe('RBAC bindings', () => {
  const bindings = docs.filter(
    (d) => d.object.kind === 'RoleBinding' || d.object.kind === 'ClusterRoleBinding',
  );
  const clusterRoles = new Set([
    ...serverDefaultClusterRoles,
    ...ofKind('ClusterRole').map((r) => r.metadata.name),
  ]);
  const roles = new Set(ofKind('Role').map((r) => `${r.metadata.namespace}/${r.metadata.name}`));

  it('reference a role that is seeded or provided by the server', () => {
    expect(bindings.length).toBeGreaterThan(0);
    for (const d of bindings) {
      const ref = d.object.roleRef as RoleRef;
      expect(ref.apiGroup, where(d)).toBe('rbac.authorization.k8s.io');
      if (ref.kind === 'ClusterRole') {
        expect(clusterRoles.has(ref.name), `${where(d)}: ClusterRole ${ref.name} missing`).toBe(
          true,
        );
      } else {
        expect(d.object.kind, `${where(d)}: a ClusterRoleBinding may only name a ClusterRole`).toBe(
          'RoleBinding',
        );
        expect(ref.kind, where(d)).toBe('Role');
        const key = `${d.object.metadata.namespace}/${ref.name}`;
        expect(roles.has(key), `${where(d)}: Role ${key} missing`).toBe(true);
      }
    }
  });

  it('have at least one well-formed subject', () => {
    for (const d of bindings) {
      const subjects = d.object.subjects as { kind: string; name: string; namespace?: string }[];
      expect(subjects?.length, where(d)).toBeGreaterThan(0);
      for (const s of subjects) {
        expect(['User', 'Group', 'ServiceAccount'], where(d)).toContain(s.kind);
        expect(s.name, where(d)).toBeTruthy();
        if (s.kind === 'ServiceAccount') expect(s.namespace, where(d)).toBeTruthy();
      }
    }
  });

  it('never let non-admin users list nodes', () => {
    const grantsNodes = [...ofKind('ClusterRole'), ...ofKind('Role')].filter((r) =>
      ((r.rules ?? []) as { resources?: string[] }[]).some((rule) =>
        (rule.resources ?? []).some((res) => res === 'nodes' || res === '*'),
      ),
    );
    expect(grantsNodes.map((r) => r.metadata.name)).toEqual([]);
  });
});

describe('storage', () => {
  const classes = ofKind('StorageClass');

  it('has exactly one default storage class', () => {
    const defaults = classes.filter(
      (c) => c.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true',
    );
    expect(defaults.map((c) => c.metadata.name)).toEqual(['standard-csi']);
  });

  it('has a StorageProfile matching each storage class', () => {
    const profiles = ofKind('StorageProfile');
    expect(profiles.map((p) => p.metadata.name).sort()).toEqual(
      classes.map((c) => c.metadata.name).sort(),
    );
    for (const p of profiles) {
      const sc = classes.find((c) => c.metadata.name === p.metadata.name);
      const status = p.status as {
        storageClass?: string;
        provisioner?: string;
        claimPropertySets?: { accessModes: string[]; volumeMode: string }[];
      };
      expect(status.storageClass, p.metadata.name).toBe(sc?.metadata.name);
      expect(status.provisioner, p.metadata.name).toBe(sc?.provisioner);
      expect(status.claimPropertySets?.length, p.metadata.name).toBeGreaterThan(0);
    }
  });

  it('has snapshot classes only for drivers that a storage class uses', () => {
    const provisioners = new Set(classes.map((c) => c.provisioner));
    for (const vsc of ofKind('VolumeSnapshotClass')) {
      expect(provisioners.has(vsc.driver), vsc.metadata.name).toBe(true);
    }
  });
});
