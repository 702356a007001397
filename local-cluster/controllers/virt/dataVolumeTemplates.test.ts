import { describe, expect, it } from 'vitest';
import { dataVolumeFromTemplate } from './dataVolumeTemplates';
import { vmFixture } from './testFixtures';
import type { DataSource } from './types';

const rhel9: DataSource = {
  metadata: { name: 'rhel9', namespace: 'openshift-virtualization-os-images' },
  spec: {
    source: {
      pvc: { name: 'rhel9-1a2b3c4d5e6f', namespace: 'openshift-virtualization-os-images' },
    },
  },
};
const win11: DataSource = {
  metadata: { name: 'win11', namespace: 'openshift-virtualization-os-images' },
  spec: {},
};
const lookup = (ns: string, name: string) =>
  [rhel9, win11].find((d) => d.metadata.name === name && d.metadata.namespace === ns);

const template = (sourceRef: { name: string; namespace?: string }) => ({
  metadata: { name: 'vm1-root', labels: { a: 'b' } },
  spec: {
    sourceRef: { kind: 'DataSource', ...sourceRef },
    storage: { resources: { requests: { storage: '30Gi' } } },
  },
});

describe('dataVolumeFromTemplate', () => {
  it('resolves a DataSource into its PVC and makes the VM the owner', () => {
    const r = dataVolumeFromTemplate(
      vmFixture(),
      template({ name: 'rhel9', namespace: 'openshift-virtualization-os-images' }),
      lookup,
    );
    expect(r).toEqual({
      dataVolume: {
        apiVersion: 'cdi.kubevirt.io/v1beta1',
        kind: 'DataVolume',
        metadata: {
          name: 'vm1-root',
          namespace: 'ns',
          labels: { a: 'b' },
          annotations: { 'cdi.kubevirt.io/allowClaimAdoption': 'true' },
          ownerReferences: [
            {
              apiVersion: 'kubevirt.io/v1',
              kind: 'VirtualMachine',
              name: 'vm1',
              uid: 'vm-uid',
              controller: true,
              blockOwnerDeletion: true,
            },
          ],
        },
        spec: {
          source: {
            pvc: { name: 'rhel9-1a2b3c4d5e6f', namespace: 'openshift-virtualization-os-images' },
          },
          storage: { resources: { requests: { storage: '30Gi' } } },
        },
      },
    });
  });

  it('keeps the sourceRef of a DataSource without a source yet', () => {
    const r = dataVolumeFromTemplate(
      vmFixture(),
      template({ name: 'win11', namespace: 'openshift-virtualization-os-images' }),
      lookup,
    );
    expect('dataVolume' in r && r.dataVolume.spec?.sourceRef?.name).toBe('win11');
  });

  it('fails on a missing DataSource', () => {
    expect(dataVolumeFromTemplate(vmFixture(), template({ name: 'nope' }), lookup)).toEqual({
      error: 'datasources.cdi.kubevirt.io "nope" not found',
    });
  });
});
