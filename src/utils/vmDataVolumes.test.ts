import { describe, expect, it } from 'vitest';
import type { VirtualMachine } from '../models/types';
import { dataVolumeRow, vmDataVolumeNames } from './vmDataVolumes';

describe('vmDataVolumeNames', () => {
  it('takes template and volume names once each', () => {
    const vm = {
      spec: {
        dataVolumeTemplates: [{ metadata: { name: 'root' } }, { metadata: { name: 'data' } }],
        template: {
          spec: {
            domain: { devices: {} },
            volumes: [
              { name: 'rootdisk', dataVolume: { name: 'root' } },
              { name: 'extra', dataVolume: { name: 'shared-iso' } },
              { name: 'ci', cloudInitNoCloud: { userData: '' } },
            ],
          },
        },
      },
    } as unknown as VirtualMachine;
    expect(vmDataVolumeNames(vm)).toEqual(['root', 'data', 'shared-iso']);
    expect(vmDataVolumeNames({ spec: {} } as VirtualMachine)).toEqual([]);
  });
});

describe('dataVolumeRow', () => {
  it.each<[object | undefined, object]>([
    [undefined, { phase: undefined, progress: undefined, message: undefined, restarts: 0 }],
    [
      { status: { phase: 'ImportInProgress', progress: '45.10%', restartCount: 2 } },
      { phase: 'ImportInProgress', progress: 45.1, restarts: 2 },
    ],
    [
      {
        status: {
          phase: 'Succeeded',
          progress: 'N/A',
          conditions: [
            { type: 'Running', status: 'False', reason: 'Completed', message: 'Import Complete' },
          ],
        },
      },
      { phase: 'Succeeded', progress: 100, message: undefined },
    ],
    [{ status: { phase: 'Pending', progress: 'N/A' } }, { progress: undefined }],
    [
      {
        status: {
          phase: 'PendingPopulation',
          conditions: [
            {
              type: 'Bound',
              status: 'False',
              reason: 'Pending',
              message: 'PVC data waits for first consumer',
            },
            { type: 'Ready', status: 'False' },
          ],
        },
      },
      { message: 'PVC data waits for first consumer' },
    ],
    [
      { status: { conditions: [{ type: 'Running', status: 'False', reason: 'Error' }] } },
      { message: 'Error' },
    ],
    [
      { status: { conditions: [{ type: 'Ready', status: 'True', message: 'fine' }] } },
      { message: undefined },
    ],
  ])('%j', (dv, want) => expect(dataVolumeRow('d', dv)).toMatchObject({ name: 'd', ...want }));
});
