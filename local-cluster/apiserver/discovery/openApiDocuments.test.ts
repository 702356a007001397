import { describe, it, expect } from 'vitest';
import { builtinKinds } from '../registry/builtinKinds';
import { crdCatalog } from '../registry/crdCatalog';
import { defineKind } from '../registry/defineKind';
import type { ResourceKind } from '../registry/resourceKind';
import {
  buildOpenApiV2,
  buildOpenApiV3GroupVersion,
  definitionName,
  openApiV3Index,
} from './openApiDocuments';

type Json = Record<string, unknown>;

const kinds: ResourceKind[] = [
  ...builtinKinds,
  ...crdCatalog.map((c) =>
    defineKind(`${c.group}/${c.version}`, c.kind, c.plural, {
      namespaced: c.namespaced,
      source: 'crd',
    }),
  ),
];

/** Every `$ref` in `node`, so tests can check they all resolve inside the document. */
const refs = (node: unknown, out: string[] = []): string[] => {
  if (Array.isArray(node)) node.forEach((n) => refs(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refs(v, out);
    }
  }
  return out;
};

const hasKey = (node: unknown, key: string): boolean => JSON.stringify(node).includes(`"${key}":`);

describe('definitionName', () => {
  it.each([
    [{ group: '', version: 'v1', kind: 'Pod' }, 'io.k8s.api.core.v1.Pod'],
    [{ group: 'apps', version: 'v1', kind: 'Deployment' }, 'io.k8s.api.apps.v1.Deployment'],
    [
      { group: 'rbac.authorization.k8s.io', version: 'v1', kind: 'Role' },
      'io.k8s.api.rbac.v1.Role',
    ],
    [
      { group: 'kubevirt.io', version: 'v1', kind: 'VirtualMachine' },
      'io.kubevirt.v1.VirtualMachine',
    ],
    [
      { group: 'cdi.kubevirt.io', version: 'v1beta1', kind: 'DataVolume' },
      'io.kubevirt.cdi.v1beta1.DataVolume',
    ],
    [
      { group: 'route.openshift.io', version: 'v1', kind: 'Route' },
      'com.github.openshift.api.route.v1.Route',
    ],
  ])('%j → %s', (gvk, name) => {
    expect(definitionName(gvk)).toBe(name);
  });
});

describe('buildOpenApiV2', () => {
  const doc = buildOpenApiV2(kinds) as {
    swagger: string;
    definitions: Record<string, Json>;
    paths: Record<string, Json>;
  };

  it('is a Swagger 2.0 document with GVK-tagged definitions', () => {
    expect(doc.swagger).toBe('2.0');
    expect(
      doc.definitions['io.kubevirt.v1.VirtualMachine']['x-kubernetes-group-version-kind'],
    ).toEqual([{ group: 'kubevirt.io', version: 'v1', kind: 'VirtualMachine' }]);
    expect(doc.definitions['io.k8s.api.core.v1.Pod']['x-kubernetes-group-version-kind']).toEqual([
      { group: '', version: 'v1', kind: 'Pod' },
    ]);
    expect(doc.definitions['io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta']).toBeDefined();
  });

  it('has paths per resource, and no OpenAPI 3 keywords', () => {
    const vmPath = doc.paths['/apis/kubevirt.io/v1/namespaces/{namespace}/virtualmachines/{name}'];
    expect(Object.keys(vmPath).sort()).toEqual(['delete', 'get', 'patch', 'put']);
    expect(doc.paths['/api/v1/nodes']).toBeDefined();
    expect(hasKey(doc, 'nullable')).toBe(false);
    expect(hasKey(doc, 'requestBody')).toBe(false);
  });

  it('resolves every $ref', () => {
    for (const ref of new Set(refs(doc))) {
      expect(doc.definitions[ref.replace('#/definitions/', '')], ref).toBeDefined();
    }
  });
});

describe('openApiV3Index', () => {
  it('lists each group-version with a content hash', () => {
    const index = openApiV3Index(kinds);
    expect(Object.keys(index.paths)).toEqual(
      expect.arrayContaining(['api/v1', 'apis/kubevirt.io/v1', 'apis/apps/v1']),
    );
    expect(index.paths['apis/kubevirt.io/v1'].serverRelativeURL).toMatch(
      /^\/openapi\/v3\/apis\/kubevirt\.io\/v1\?hash=[0-9A-F]{128}$/,
    );
    expect(openApiV3Index(kinds)).toEqual(index); // deterministic, so clients may cache by URL
  });
});

describe('buildOpenApiV3GroupVersion', () => {
  const doc = buildOpenApiV3GroupVersion(kinds, 'apis/kubevirt.io/v1') as {
    openapi: string;
    paths: Record<string, Record<string, Json>>;
    components: { schemas: Record<string, Json> };
  };

  it('answers undefined for a group-version nobody serves', () => {
    expect(buildOpenApiV3GroupVersion(kinds, 'apis/nope.io/v1')).toBeUndefined();
  });

  it('holds only the kinds of that group-version, metadata pointing at ObjectMeta', () => {
    expect(doc.openapi).toMatch(/^3\.0/);
    const names = Object.keys(doc.components.schemas);
    expect(names).toContain('io.kubevirt.v1.VirtualMachine');
    expect(names).toContain('io.kubevirt.v1.VirtualMachineList');
    expect(names.some((n) => n.includes('Pod'))).toBe(false);
    const vm = doc.components.schemas['io.kubevirt.v1.VirtualMachine'] as { properties: Json };
    expect(vm.properties.metadata).toMatchObject({
      allOf: [{ $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' }],
    });
    for (const ref of new Set(refs(doc))) {
      expect(doc.components.schemas[ref.replace('#/components/schemas/', '')], ref).toBeDefined();
    }
  });

  it('lets kubectl explain find the kind through a path operation GVK (as its template does)', () => {
    const gvk =
      doc.paths['/apis/kubevirt.io/v1/namespaces/{namespace}/virtualmachines'].get[
        'x-kubernetes-group-version-kind'
      ];
    expect(gvk).toEqual({ group: 'kubevirt.io', version: 'v1', kind: 'VirtualMachine' });
    const match = Object.values(doc.components.schemas).filter((s) =>
      ((s['x-kubernetes-group-version-kind'] as unknown[] | undefined) ?? []).some(
        (g) => JSON.stringify(g) === JSON.stringify(gvk),
      ),
    );
    expect(match).toHaveLength(1);
  });

  it('advertises fieldValidation on PATCH, so kubectl leaves validation to the server', () => {
    const core = buildOpenApiV3GroupVersion(kinds, 'api/v1') as {
      paths: Record<string, Record<string, Json>>;
    };
    const patch = core.paths['/api/v1/namespaces/{namespace}/pods/{name}'].patch;
    expect(patch['x-kubernetes-group-version-kind']).toEqual({
      group: '',
      version: 'v1',
      kind: 'Pod',
    });
    expect(patch.parameters).toContainEqual(
      expect.objectContaining({ name: 'fieldValidation', in: 'query', schema: { type: 'string' } }),
    );
  });

  it('gives every served group-version a document', () => {
    for (const key of Object.keys(openApiV3Index(kinds).paths)) {
      expect(buildOpenApiV3GroupVersion(kinds, key)).toBeDefined();
    }
  });
});
