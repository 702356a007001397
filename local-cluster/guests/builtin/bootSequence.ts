import type { GuestSpec } from '../guestTypes';
import type { OsIdentity } from '../osIdentity';

/** One line the built-in guest prints while booting, and when (as a fraction of the boot time). */
export interface BootLine {
  at: number;
  text: string;
}

const OK = '[  \x1b[32mOK\x1b[0m  ]';

/** The console output of a boot, ending just before the login prompt. */
export function bootSequence(spec: GuestSpec, identity: OsIdentity): BootLine[] {
  const stamp = (seconds: number): string => `[${seconds.toFixed(6).padStart(12)}]`;
  const lines: [number, string][] = [
    [0, `Virtual machine ${spec.namespace}/${spec.name} (built-in guest)`],
    [0, `Booting ${identity.prettyName}`],
    [
      0.05,
      `${stamp(0)} Linux version ${identity.kernelRelease} (builder@localhost) #1 SMP PREEMPT_DYNAMIC`,
    ],
    [0.1, `${stamp(0)} Command line: root=/dev/vda1 ro console=tty0 console=ttyS0,115200n8`],
    [0.15, `${stamp(0.02)} Memory: ${spec.memoryMiB * 1024}K available`],
    [0.2, `${stamp(0.05)} smpboot: Allowing ${spec.cpus} CPUs`],
    [0.3, `${stamp(0.81)} Serial: 8250/16550 driver, 4 ports, IRQ sharing enabled`],
    [0.4, `${OK} Reached target Local File Systems.`],
    [0.5, `${OK} Started Initial cloud-init job (pre-networking).`],
    [0.6, `${OK} Set hostname to <${spec.hostname}>.`],
    [0.7, `${OK} Reached target Network is Online.`],
    [0.8, `${OK} Started OpenSSH server daemon.`],
    [0.9, `${OK} Finished Cloud-init: Final Stage.`],
    [1, `${OK} Reached target Multi-User System.`],
  ];
  return lines.map(([at, text]) => ({ at, text }));
}

/** What the console shows when the guest goes down. */
export function shutdownLines(reboot: boolean): string[] {
  return [
    `${OK} Stopped target Multi-User System.`,
    `${OK} Finished System ${reboot ? 'Reboot' : 'Power-Off'}.`,
    reboot ? 'reboot: Restarting system' : 'reboot: Power down',
  ];
}
