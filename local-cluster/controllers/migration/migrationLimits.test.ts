import { describe, expect, it } from 'vitest';
import { admitByLimits } from './migrationLimits';

const vmi = { namespace: 'ns', name: 'vm', nodeName: 'worker-0' };
const limits = { parallelMigrationsPerCluster: 3, parallelOutboundMigrationsPerNode: 2 };

describe('admitByLimits', () => {
  it.each([
    ['nothing in flight', [], true, undefined],
    [
      'in flight on other nodes',
      [
        { key: 'a', sourceNode: 'worker-1' },
        { key: 'b', sourceNode: 'worker-2' },
      ],
      true,
      undefined,
    ],
    ['one leaving the same node', [{ key: 'a', sourceNode: 'worker-0' }], true, undefined],
    [
      'the per-node limit reached',
      [
        { key: 'a', sourceNode: 'worker-0' },
        { key: 'b', sourceNode: 'worker-0' },
      ],
      false,
      'outbound migrations per node limit',
    ],
    [
      'the cluster limit reached',
      [{ key: 'a', sourceNode: 'worker-1' }, { key: 'b', sourceNode: 'worker-2' }, { key: 'c' }],
      false,
      'global cluster limit',
    ],
  ])('%s', (_what, inFlight, admitted, message) => {
    const d = admitByLimits(vmi, inFlight, limits);
    expect(d.admitted).toBe(admitted);
    if (!d.admitted) expect(d.message).toContain(message);
  });

  it('words the message as virt-controller logs it', () => {
    const d = admitByLimits(vmi, [{ key: 'a' }, { key: 'b' }, { key: 'c' }], limits);
    expect(d).toEqual({
      admitted: false,
      message:
        'Waiting to schedule target pod for vmi [ns/vm] migration because total running parallel migration count [3] is currently at the global cluster limit.',
    });
  });
});
