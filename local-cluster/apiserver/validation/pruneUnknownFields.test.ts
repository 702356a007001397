import { describe, it, expect } from 'vitest';
import { pruneUnknownFields } from './pruneUnknownFields';
import type { JSONSchemaProps } from './schemaStore';
import { schemaFor } from './schemaStore';

const schema: JSONSchemaProps = {
  type: 'object',
  properties: {
    apiVersion: { type: 'string' },
    kind: { type: 'string' },
    metadata: { type: 'object' },
    spec: {
      type: 'object',
      properties: {
        replicas: { type: 'integer' },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
        items: {
          type: 'array',
          items: { type: 'object', properties: { name: { type: 'string' } } },
        },
        config: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
        partlyOpen: {
          type: 'object',
          'x-kubernetes-preserve-unknown-fields': true,
          properties: { known: { type: 'object', properties: { a: { type: 'string' } } } },
        },
        port: { 'x-kubernetes-int-or-string': true },
        embedded: {
          type: 'object',
          'x-kubernetes-embedded-resource': true,
          properties: { spec: { type: 'object', properties: { x: { type: 'string' } } } },
        },
        when: { type: 'string' },
        maybe: { type: 'string', nullable: true },
      },
    },
  },
};

describe('pruneUnknownFields', () => {
  it('drops undeclared fields and reports their paths', () => {
    const input = {
      apiVersion: 'example.com/v1',
      kind: 'Thing',
      metadata: { name: 'a', whatever: { kept: true } },
      spec: {
        replicas: 1,
        bogus: true,
        items: [{ name: 'x' }, { name: 'y', extra: 1 }],
        labels: { a: 'b' },
      },
      status: { phase: 'Running' },
    };
    const { value, unknownFields } = pruneUnknownFields(schema, input);
    expect(value).toEqual({
      apiVersion: 'example.com/v1',
      kind: 'Thing',
      metadata: { name: 'a', whatever: { kept: true } },
      spec: { replicas: 1, items: [{ name: 'x' }, { name: 'y' }], labels: { a: 'b' } },
    });
    expect(unknownFields).toEqual(['spec.bogus', 'spec.items[1].extra', 'status']);
    expect(input.spec.bogus).toBe(true); // the input is left alone
  });

  it('keeps what preserve-unknown-fields nodes hold, pruning their declared children', () => {
    const { value, unknownFields } = pruneUnknownFields(schema, {
      metadata: {},
      spec: {
        config: { anything: { deep: [1, 2] } },
        partlyOpen: { free: 1, known: { a: 'x', b: 'pruned' } },
      },
    });
    expect(value).toEqual({
      metadata: {},
      spec: { config: { anything: { deep: [1, 2] } }, partlyOpen: { free: 1, known: { a: 'x' } } },
    });
    expect(unknownFields).toEqual(['spec.partlyOpen.known.b']);
  });

  it('keeps apiVersion/kind/metadata of embedded resources and int-or-string values', () => {
    const embedded = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: { x: 'y', z: 1 },
    };
    const { value, unknownFields } = pruneUnknownFields(schema, {
      metadata: {},
      spec: { embedded, port: 'http' },
    });
    expect(value).toEqual({
      metadata: {},
      spec: { embedded: { ...embedded, spec: { x: 'y' } }, port: 'http' },
    });
    expect(unknownFields).toEqual(['spec.embedded.spec.z']);
  });

  it('drops nulls of non-nullable fields silently, as kube does', () => {
    const { value, unknownFields } = pruneUnknownFields(schema, {
      metadata: {},
      spec: { when: null, maybe: null },
    });
    expect(value).toEqual({ metadata: {}, spec: { maybe: null } });
    expect(unknownFields).toEqual([]);
  });

  it('prunes deep inside a VirtualMachine', () => {
    const vmSchema = schemaFor('kubevirt.io', 'v1', 'VirtualMachine');
    expect(vmSchema).toBeDefined();
    const vm = {
      apiVersion: 'kubevirt.io/v1',
      kind: 'VirtualMachine',
      metadata: { name: 'vm', namespace: 'default' },
      spec: {
        foo: 1,
        runStrategy: 'Halted',
        template: {
          metadata: { labels: { a: 'b' }, creationTimestamp: null },
          spec: { domain: { bogus: 'x', devices: { disks: [{ name: 'd', typo: 1 }] } } },
        },
      },
    };
    const { value, unknownFields } = pruneUnknownFields(vmSchema as JSONSchemaProps, vm);
    expect(unknownFields).toEqual([
      'spec.foo',
      'spec.template.spec.domain.bogus',
      'spec.template.spec.domain.devices.disks[0].typo',
    ]);
    expect(value).toMatchObject({
      spec: { template: { metadata: { labels: { a: 'b' }, creationTimestamp: null } } },
    });
  });

  it('leaves non-objects untouched', () => {
    expect(pruneUnknownFields(schema, 'x')).toEqual({ value: 'x', unknownFields: [] });
  });
});
