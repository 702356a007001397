import { describe, expect, it } from 'vitest';
import {
  defaultClusterRoleBindings,
  defaultClusterRoles,
  defaultRbacObjects,
} from './defaultClusterRoles';

describe('defaultRbacObjects', () => {
  it('returns well-formed, uniquely named RBAC objects', () => {
    const objects = defaultRbacObjects();
    for (const o of objects) {
      expect(o.apiVersion).toBe('rbac.authorization.k8s.io/v1');
      expect(['ClusterRole', 'ClusterRoleBinding']).toContain(o.kind);
      expect(o.metadata.name).toBeTruthy();
    }
    const keys = objects.map((o) => `${o.kind}/${o.metadata.name}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('binds only roles it ships', () => {
    const names = new Set(defaultClusterRoles().map((r) => r.metadata.name));
    for (const b of defaultClusterRoleBindings()) expect(names).toContain(b.roleRef.name);
  });

  it('hands out fresh copies', () => {
    const first = defaultClusterRoles();
    first[0].rules?.push({ verbs: ['get'] });
    first[0].metadata.labels = { changed: 'yes' };
    expect(defaultClusterRoles()[0]).not.toEqual(first[0]);
  });

  it('ships the roles the console depends on', () => {
    const names = defaultClusterRoles().map((r) => r.metadata.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'cluster-admin',
        'admin',
        'edit',
        'view',
        'system:aggregate-to-admin',
        'system:aggregate-to-edit',
        'system:aggregate-to-view',
        'system:basic-user',
        'system:discovery',
        'kubevirt.io:admin',
        'kubevirt.io:edit',
        'kubevirt.io:view',
      ]),
    );
  });
});
