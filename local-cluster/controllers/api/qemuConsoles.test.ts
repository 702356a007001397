import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOnPath } from '../../guests/guestManager';
import { DEFAULT_IMAGE_DIR, guestImagePresent } from '../../guests/image/guestImage';
import { createScheduledVmi, getVmi, waitForVmi } from '../handler/testVmis';
import type { TestCluster } from '../runtime/testCluster';
import { loginAndEcho, openConsoleSocket, readFirstFramebufferUpdate } from './testConsoles';
import type { VirtStack } from './testVirtStack';
import { startVirtStack } from './testVirtStack';

/**
 * The consoles end to end against a real guest: QEMU under TCG behind virt-handler, reached
 * through virt-api's websockets. Skipped without QEMU or the guest image (`npm run setup:guests`)
 * unless REQUIRE_REAL_GUESTS=1. TCG on a busy host boots slowly, hence the long timeouts.
 */
const qemu = findOnPath('qemu-system-x86_64');
const available = !!qemu && guestImagePresent(DEFAULT_IMAGE_DIR);
const required = process.env.REQUIRE_REAL_GUESTS === '1';
const BOOT_MS = 180_000;

describe.runIf(!available && required)('real guests behind the consoles (required)', () => {
  it('has qemu-system-x86_64 and the guest image', () => {
    expect(qemu, 'qemu-system-x86_64 on PATH').toBeDefined();
    expect(guestImagePresent(DEFAULT_IMAGE_DIR), 'guest image (npm run setup:guests)').toBe(true);
  });
});

describe.skipIf(!available)('virt-api consoles with a QEMU guest', () => {
  let stack: VirtStack;
  let t: TestCluster;

  beforeAll(async () => {
    stack = await startVirtStack({ qemuBinary: qemu, maxRealGuests: 1 });
    t = stack.t;
    await createScheduledVmi(t.admin, 'real');
    await waitForVmi(t.admin, 'real', (v) => v.status?.phase === 'Running', 'Running', 60_000);
  }, 90_000);

  afterAll(() => stack?.close(), 60_000);

  it('runs the VMI in QEMU', async () => {
    const vmi = await getVmi(t.admin, 'real');
    expect(stack.guests.get(vmi.metadata.uid ?? '')?.kind).toBe('qemu');
  });

  it('serves the QEMU VNC server over the vnc websocket', async () => {
    const { ws, stream } = await openConsoleSocket(t, 'real', 'vnc');
    try {
      const { rects } = await readFirstFramebufferUpdate(stream, 30_000);
      expect(rects).toBeGreaterThan(0);
    } finally {
      ws.terminate();
    }
  }, 60_000);

  it(
    'logs in on the serial console with the cloud-init credentials',
    async () => {
      const { ws, stream } = await openConsoleSocket(t, 'real', 'console', {
        protocols: ['plain.kubevirt.io'],
      });
      try {
        const transcript = await loginAndEcho(stream, 'fedora', 's3cret-pass', BOOT_MS);
        expect(transcript).toContain('hello');
      } finally {
        ws.terminate();
      }
    },
    BOOT_MS + 30_000,
  );
});
