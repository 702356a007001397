import { describe, it, expect } from 'vitest';
import type { KubeObject, StatusCause } from '../core/types';
import { builtinKinds } from '../registry/builtinKinds';
import { crdCatalog } from '../registry/crdCatalog';
import { defineKind } from '../registry/defineKind';
import type { ResourceKind } from '../registry/resourceKind';
import { malformedObjects, validObjects } from './fixtures/malformedObjects';
import type { KindFixture } from './fixtures/malformedObjects';
import { pruneUnknownFields } from './pruneUnknownFields';
import { schemaFor } from './schemaStore';
import { semanticCauses } from './semanticRules';
import { validateAgainstSchema } from './validateAgainstSchema';

const kindOf = ({ group, version, kind }: KindFixture): ResourceKind => {
  const builtin = builtinKinds.find(
    (k) => k.group === group && k.version === version && k.kind === kind,
  );
  if (builtin) return builtin;
  const crd = crdCatalog.find((k) => k.group === group && k.version === version && k.kind === kind);
  if (!crd) throw new Error(`unknown kind ${group}/${version}/${kind}`);
  return defineKind(`${group}/${version}`, kind, crd.plural, {
    namespaced: crd.namespaced,
    source: 'crd',
  });
};

/** The create path of the server: prune, validate against the schema, then the semantic rules. */
const admit = (f: KindFixture): StatusCause[] => {
  const schema = schemaFor(f.group, f.version, f.kind);
  if (!schema) throw new Error(`no schema for ${f.kind}`);
  const { value } = pruneUnknownFields(schema, f.object);
  return [
    ...validateAgainstSchema(schema, value),
    ...semanticCauses(kindOf(f), value as KubeObject, true),
  ];
};

describe('valid bases', () => {
  it.each(validObjects.map((f) => [f.title, f] as const))('%s is accepted', (_title, f) => {
    const schema = schemaFor(f.group, f.version, f.kind);
    expect(schema && pruneUnknownFields(schema, f.object).unknownFields).toEqual([]);
    expect(admit(f)).toEqual([]);
  });
});

describe('malformed objects', () => {
  it('covers at least 30 cases', () => {
    expect(malformedObjects.length).toBeGreaterThanOrEqual(30);
  });

  it.each(malformedObjects.map((f) => [f.title, f] as const))('%s', (_title, f) => {
    const causes = admit(f);
    expect(causes.map((c) => c.field)).toContain(f.field);
    for (const c of causes) {
      expect(c.reason).toMatch(
        /^FieldValue(Invalid|Required|Duplicate|NotSupported|TypeInvalid|TooLong)$/,
      );
      expect(c.message).not.toBe('');
    }
  });

  it('namespaced fixtures live in default, cluster-scoped ones carry no namespace', () => {
    for (const f of [...validObjects, ...malformedObjects]) {
      expect(f.object.metadata.namespace).toBe(kindOf(f).namespaced ? 'default' : undefined);
    }
  });
});
