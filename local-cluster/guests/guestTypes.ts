import type { Duplex } from 'node:stream';

/** What a guest is started for: one running VirtualMachineInstance. */
export interface GuestSpec {
  /** The VMI's metadata.uid: the guest's identity (one guest per uid). */
  uid: string;
  namespace: string;
  /** The VMI's name. */
  name: string;
  /** The guest's hostname (cloud-init `hostname`, else the VMI name). */
  hostname: string;
  /** Shown on screen and in /etc/os-release, e.g. "Fedora Linux 41". */
  osName: string;
  cpus: number;
  memoryMiB: number;
  /** A guest that will not live long (a simulated crash) takes no real-guest slot. */
  builtinOnly?: boolean;
  /** From cloud-init; shown in the login hint and accepted by the login prompt. */
  user?: string;
  password?: string;
}

/** Cumulative counters, in the units the `kubevirt_vmi_*` metrics use. */
export interface GuestStats {
  cpuSeconds: number;
  memoryUsedBytes: number;
  memoryAvailableBytes: number;
  netRxBytes: number;
  netTxBytes: number;
  diskReadBytes: number;
  diskWriteBytes: number;
  diskReadOps: number;
  diskWriteOps: number;
}

/**
 * Why a guest ended:
 * - `stopped`: `stop()` was called (graceful shutdown, then kill);
 * - `poweroff`: the guest powered itself off (`poweroff` typed in the guest);
 * - `crashed`: the guest process died on its own (the message says how).
 */
export type GuestExitReason = 'stopped' | 'poweroff' | `crashed: ${string}`;

/** A running guest, real (QEMU under TCG) or built-in. */
export interface Guest {
  readonly kind: 'qemu' | 'builtin';
  readonly spec: GuestSpec;
  /** True once the login prompt is up; false again while the guest reboots. */
  readonly booted: boolean;
  /** True between `pause()` and `unpause()`. */
  readonly paused: boolean;
  /** True once the guest has ended (see `onExit`). */
  readonly exited: boolean;
  /**
   * Called each time the login prompt comes up (after the first boot and after every reboot);
   * called once on the next tick when the guest is already booted. Returns an unsubscribe function.
   */
  onBooted(listener: () => void): () => void;
  /** Called once when the guest ends; called on the next tick when it already has. */
  onExit(listener: (reason: GuestExitReason) => void): () => void;
  /** A raw RFB (VNC) byte stream to the guest's display. */
  openVnc(): Promise<Duplex>;
  /** The raw bytes of the guest's first serial port (ttyS0). */
  openSerial(): Promise<Duplex>;
  /** PNG of the current screen. */
  screenshot(): Promise<Buffer>;
  /** Freezes the guest (QMP `stop`); input is held until `unpause()`. */
  pause(): Promise<void>;
  unpause(): Promise<void>;
  /** Ctrl+Alt+Del style reboot: the guest's init reboots it. */
  softReboot(): Promise<void>;
  /** Presses Ctrl+Alt+Del on the guest's keyboard (the guest reboots). */
  sendCtrlAltDel(): Promise<void>;
  /** QEMU: CPU time and RSS of the QEMU process; built-in: a plausible simulation. */
  stats(): GuestStats;
  /** Graceful shutdown (ACPI power button), then kill by PID; resolves once the guest is gone. */
  stop(): Promise<void>;
}
