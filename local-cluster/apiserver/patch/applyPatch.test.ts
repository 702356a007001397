import { describe, expect, it } from 'vitest';
import { StatusError } from '../core/statusError';
import type { KubeObject, ManagedFieldsEntry } from '../core/types';
import { applyServerSide, fieldSetOf, recordUpdateManager } from './applyPatch';
import { mergeKeysFor } from './mergeKeyTables';

const T0 = '2024-01-01T00:00:00Z';
const T1 = '2024-01-02T00:00:00Z';
const T2 = '2024-01-03T00:00:00Z';
const podKeys = mergeKeysFor('Pod', '');

const cm = (
  data: Record<string, string>,
  extra: Partial<KubeObject['metadata']> = {},
): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'cm', namespace: 'default', ...extra },
  data,
});

const apply = (
  live: KubeObject | undefined,
  applied: KubeObject,
  fieldManager: string,
  extra: { force?: boolean; now?: string } = {},
): KubeObject =>
  applyServerSide(live, applied, {
    fieldManager,
    force: extra.force ?? false,
    apiVersion: 'v1',
    now: extra.now ?? T1,
    mergeKeys: podKeys,
  });

const entryOf = (obj: KubeObject, manager: string): ManagedFieldsEntry | undefined =>
  obj.metadata.managedFields?.find((e) => e.manager === manager);

const conflictOf = (fn: () => unknown): StatusError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof StatusError) return e;
    throw e;
  }
  throw new Error('expected a conflict');
};

/** A live object whose `data.a` was written by `kubectl-edit` through a plain update. */
const editedLive = (): KubeObject =>
  recordUpdateManager(
    undefined,
    cm({ a: '1' }, { uid: 'u1', resourceVersion: '5' }),
    'kubectl-edit',
    T0,
    'v1',
  );

describe('fieldSetOf', () => {
  const cases: [string, unknown, Record<string, unknown>][] = [
    [
      'skips identity and server-owned metadata',
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: {
          name: 'x',
          namespace: 'ns',
          uid: 'u',
          resourceVersion: '1',
          generation: 2,
          creationTimestamp: T0,
          managedFields: [],
          labels: { app: 'a' },
        },
        data: { k: 'v' },
      },
      { 'f:data': { 'f:k': {} }, 'f:metadata': { 'f:labels': { 'f:app': {} } } },
    ],
    [
      'keys containers by name and marks the item itself',
      { spec: { containers: [{ name: 'main', image: 'i', ports: [{ containerPort: 80 }] }] } },
      {
        'f:spec': {
          'f:containers': {
            'k:{"name":"main"}': {
              '.': {},
              'f:image': {},
              'f:name': {},
              'f:ports': { 'k:{"containerPort":80}': { '.': {}, 'f:containerPort': {} } },
            },
          },
        },
      },
    ],
    [
      'records set members by value',
      { metadata: { finalizers: ['a/b', 'c'] } },
      { 'f:metadata': { 'f:finalizers': { 'v:"a/b"': {}, 'v:"c"': {} } } },
    ],
    [
      'treats unknown lists, empty maps and nulls as leaves',
      { spec: { tolerations: [{ key: 'x' }], nodeSelector: {}, hostname: null } },
      { 'f:spec': { 'f:hostname': {}, 'f:nodeSelector': {}, 'f:tolerations': {} } },
    ],
    ['is empty for non-objects', 'x', {}],
  ];
  it.each(cases)('%s', (_name, obj, expected) => {
    expect(fieldSetOf(obj, podKeys)).toEqual(expected);
  });
});

describe('applyServerSide', () => {
  it('creates an object and records the applier', () => {
    const out = apply(undefined, cm({ a: '1' }, { labels: { app: 'x' } }), 'kubectl');
    expect(out).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: 'cm',
        namespace: 'default',
        labels: { app: 'x' },
        managedFields: [
          {
            manager: 'kubectl',
            operation: 'Apply',
            apiVersion: 'v1',
            time: T1,
            fieldsType: 'FieldsV1',
            fieldsV1: { 'f:data': { 'f:a': {} }, 'f:metadata': { 'f:labels': { 'f:app': {} } } },
          },
        ],
      },
      data: { a: '1' },
    });
  });

  it('does not modify its arguments', () => {
    const live = editedLive();
    const liveCopy = structuredClone(live);
    const applied = cm({ b: '2' });
    const appliedCopy = structuredClone(applied);
    apply(live, applied, 'kubectl');
    expect(live).toEqual(liveCopy);
    expect(applied).toEqual(appliedCopy);
  });

  it('merges into fields others own and keeps server metadata', () => {
    const out = apply(
      editedLive(),
      cm({ b: '2' }, { resourceVersion: '1', uid: 'other' }),
      'kubectl',
    );
    expect(out.data).toEqual({ a: '1', b: '2' });
    expect(out.metadata.uid).toBe('u1');
    expect(out.metadata.resourceVersion).toBe('5');
    expect(entryOf(out, 'kubectl-edit')?.fieldsV1).toEqual({ 'f:data': { 'f:a': {} } });
    expect(entryOf(out, 'kubectl')?.fieldsV1).toEqual({ 'f:data': { 'f:b': {} } });
    // Apply entries sort before Update entries.
    expect(out.metadata.managedFields?.map((e) => e.operation)).toEqual(['Apply', 'Update']);
  });

  it('reports a conflict on a field another manager owns', () => {
    const err = conflictOf(() => apply(editedLive(), cm({ a: '2' }), 'kubectl'));
    expect(err.code).toBe(409);
    expect(err.reason).toBe('Conflict');
    expect(err.message).toBe(
      `Apply failed with 1 conflict: conflict with "kubectl-edit" using v1 at ${T0}: .data.a`,
    );
    expect(err.details?.causes).toEqual([
      {
        reason: 'FieldManagerConflict',
        message: `conflict with "kubectl-edit" using v1 at ${T0}`,
        field: '.data.a',
      },
    ]);
  });

  it('lists several conflicts grouped by manager', () => {
    const live = apply(undefined, cm({ a: '1', b: '1' }), 'alpha');
    const err = conflictOf(() => apply(live, cm({ a: '2', b: '2' }), 'beta'));
    expect(err.message).toBe(
      'Apply failed with 2 conflicts: conflicts with "alpha":\n- .data.a\n- .data.b',
    );
    expect(err.details?.causes).toHaveLength(2);
  });

  it('shares ownership when the applied value is the same', () => {
    const out = apply(editedLive(), cm({ a: '1' }), 'kubectl');
    expect(entryOf(out, 'kubectl-edit')?.fieldsV1).toEqual({ 'f:data': { 'f:a': {} } });
    expect(entryOf(out, 'kubectl')?.fieldsV1).toEqual({ 'f:data': { 'f:a': {} } });
  });

  it('takes ownership with force', () => {
    const out = apply(editedLive(), cm({ a: '2' }), 'kubectl', { force: true });
    expect(out.data).toEqual({ a: '2' });
    expect(entryOf(out, 'kubectl-edit')).toBeUndefined();
    expect(entryOf(out, 'kubectl')?.fieldsV1).toEqual({ 'f:data': { 'f:a': {} } });
  });

  it('never conflicts with the same manager’s own updates', () => {
    const live = recordUpdateManager(undefined, cm({ a: '1' }), 'kubectl', T0, 'v1');
    const out = apply(live, cm({ a: '2' }), 'kubectl');
    expect(out.data).toEqual({ a: '2' });
    expect(out.metadata.managedFields?.map((e) => e.operation)).toEqual(['Apply']);
  });

  it('removes fields the applier owned and no longer applies', () => {
    const first = apply(undefined, cm({ a: '1', b: '2' }, { labels: { app: 'x' } }), 'kubectl', {
      now: T0,
    });
    const out = apply(first, cm({ a: '1' }), 'kubectl', { now: T2 });
    expect(out.data).toEqual({ a: '1' });
    expect(out.metadata.labels).toBeUndefined();
    expect(entryOf(out, 'kubectl')).toMatchObject({
      time: T2,
      fieldsV1: { 'f:data': { 'f:a': {} } },
    });
  });

  it('keeps dropped fields another manager also owns', () => {
    let live = apply(undefined, cm({ a: '1', b: '2' }), 'kubectl');
    live = apply(live, cm({ b: '2' }), 'helm');
    const out = apply(live, cm({ a: '1' }), 'kubectl');
    expect(out.data).toEqual({ a: '1', b: '2' });
    expect(entryOf(out, 'helm')?.fieldsV1).toEqual({ 'f:data': { 'f:b': {} } });
  });

  it('does not remove fields it never owned', () => {
    const out = apply(editedLive(), cm({}), 'kubectl');
    expect(out.data).toEqual({ a: '1' });
  });

  it('unsets a field applied as null', () => {
    const live = apply(undefined, cm({ a: '1', b: '2' }), 'kubectl');
    const applied: KubeObject = { ...cm({ a: '1' }), data: { a: '1', b: null } };
    expect(apply(live, applied, 'kubectl').data).toEqual({ a: '1' });
  });

  const pod = (containers: Record<string, unknown>[], finalizers?: string[]): KubeObject => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', ...(finalizers ? { finalizers } : {}) },
    spec: { containers },
  });

  it('merges keyed list items from different managers', () => {
    const live = apply(undefined, pod([{ name: 'main', image: 'nginx' }]), 'kubectl');
    const out = apply(live, pod([{ name: 'sidecar', image: 'envoy' }]), 'istio');
    expect((out.spec as { containers: unknown[] }).containers).toEqual([
      { name: 'main', image: 'nginx' },
      { name: 'sidecar', image: 'envoy' },
    ]);
    expect(entryOf(out, 'istio')?.fieldsV1).toEqual({
      'f:spec': {
        'f:containers': { 'k:{"name":"sidecar"}': { '.': {}, 'f:image': {}, 'f:name': {} } },
      },
    });
    const dropped = apply(out, pod([]), 'kubectl');
    expect((dropped.spec as { containers: unknown[] }).containers).toEqual([
      { name: 'sidecar', image: 'envoy' },
    ]);
  });

  it('keeps a dropped item another manager still has fields in, minus the dropped fields', () => {
    let live = apply(undefined, pod([{ name: 'main', image: 'nginx' }]), 'kubectl');
    live = apply(live, pod([{ name: 'main', env: [{ name: 'A', value: '1' }] }]), 'injector');
    const out = apply(live, pod([]), 'kubectl');
    expect((out.spec as { containers: unknown[] }).containers).toEqual([
      { name: 'main', env: [{ name: 'A', value: '1' }] },
    ]);
  });

  it('reports keyed list conflicts with kube path notation', () => {
    const live = apply(undefined, pod([{ name: 'main', image: 'nginx:1' }]), 'kubectl');
    const err = conflictOf(() => apply(live, pod([{ name: 'main', image: 'nginx:2' }]), 'ci'));
    expect(err.details?.causes?.[0].field).toBe('.spec.containers[name="main"].image');
  });

  it('merges finalizers as a set and removes only its own', () => {
    let live = apply(undefined, pod([{ name: 'main' }], ['a']), 'one');
    live = apply(live, pod([{ name: 'main' }], ['b']), 'two');
    expect(live.metadata.finalizers).toEqual(['a', 'b']);
    const out = apply(live, pod([{ name: 'main' }], []), 'two');
    expect(out.metadata.finalizers).toEqual(['a']);
  });

  it('replaces atomic lists', () => {
    const withTolerations = (keys: string[]): KubeObject => ({
      ...pod([{ name: 'main' }]),
      spec: { containers: [{ name: 'main' }], tolerations: keys.map((key) => ({ key })) },
    });
    const live = apply(undefined, withTolerations(['a', 'b']), 'kubectl');
    const out = apply(live, withTolerations(['c']), 'kubectl');
    expect((out.spec as { tolerations: unknown }).tolerations).toEqual([{ key: 'c' }]);
  });

  it('ignores managedFields sent in the configuration', () => {
    const applied = cm(
      { a: '1' },
      {
        managedFields: [
          {
            manager: 'evil',
            operation: 'Apply',
            apiVersion: 'v1',
            time: T0,
            fieldsType: 'FieldsV1',
            fieldsV1: {},
          },
        ],
      },
    );
    const out = apply(undefined, applied, 'kubectl');
    expect(out.metadata.managedFields?.map((e) => e.manager)).toEqual(['kubectl']);
  });
});

describe('recordUpdateManager', () => {
  it('owns every field of a created object', () => {
    const out = recordUpdateManager(
      undefined,
      cm({ a: '1' }, { labels: { x: 'y' } }),
      'kubectl-create',
      T0,
      'v1',
    );
    expect(out.metadata.managedFields).toEqual([
      {
        manager: 'kubectl-create',
        operation: 'Update',
        apiVersion: 'v1',
        time: T0,
        fieldsType: 'FieldsV1',
        fieldsV1: { 'f:data': { 'f:a': {} }, 'f:metadata': { 'f:labels': { 'f:x': {} } } },
      },
    ]);
  });

  it('moves changed fields to the updater, even from an applier', () => {
    const live = apply(undefined, cm({ a: '1', b: '1' }), 'kubectl');
    const out = recordUpdateManager(
      live,
      { ...live, data: { a: '2', b: '1' } },
      'kubectl-edit',
      T2,
      'v1',
    );
    expect(entryOf(out, 'kubectl')?.fieldsV1).toEqual({ 'f:data': { 'f:b': {} } });
    expect(entryOf(out, 'kubectl-edit')).toMatchObject({
      time: T2,
      fieldsV1: { 'f:data': { 'f:a': {} } },
    });
  });

  it('drops removed fields from every manager and empty entries', () => {
    const live = apply(undefined, cm({ a: '1' }), 'kubectl');
    const out = recordUpdateManager(live, { ...live, data: {} }, 'kubectl-edit', T2, 'v1');
    expect(out.metadata.managedFields?.map((e) => e.manager)).toEqual(['kubectl-edit']);
    expect(entryOf(out, 'kubectl-edit')?.fieldsV1).toEqual({ 'f:data': {} });
  });

  it('leaves managedFields alone when nothing changed', () => {
    const live = editedLive();
    const out = recordUpdateManager(live, structuredClone(live), 'other', T2, 'v1');
    expect(out.metadata.managedFields).toEqual(live.metadata.managedFields);
  });

  it('keeps the previous entries when the new object omits managedFields', () => {
    const live = editedLive();
    const { managedFields: _omitted, ...metadata } = live.metadata;
    const out = recordUpdateManager(
      live,
      { ...live, metadata, data: { a: '1', b: '2' } },
      'other',
      T2,
      'v1',
    );
    expect(out.metadata.managedFields?.map((e) => e.manager)).toEqual(['kubectl-edit', 'other']);
  });

  it('resets tracking when the new object sends an empty list', () => {
    const live = editedLive();
    const out = recordUpdateManager(
      live,
      { ...live, metadata: { ...live.metadata, managedFields: [] } },
      'x',
      T2,
      'v1',
    );
    expect(out.metadata.managedFields).toBeUndefined();
  });

  it('keeps separate entries per apiVersion and subresource', () => {
    const live = editedLive();
    const out = recordUpdateManager(
      live,
      { ...live, status: { phase: 'Ready' } },
      'kubectl-edit',
      T2,
      'v1',
      {},
      'status',
    );
    const entries = out.metadata.managedFields ?? [];
    expect(entries).toHaveLength(2);
    expect(entries[1]).toMatchObject({
      subresource: 'status',
      fieldsV1: { 'f:status': { 'f:phase': {} } },
    });
  });
});
