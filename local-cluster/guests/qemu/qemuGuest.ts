import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
} from 'node:fs';
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { GuestLifecycle } from '../guestLifecycle';
import type { SerialTranscript } from '../serialTranscript';
import type { Guest, GuestExitReason, GuestSpec, GuestStats } from '../guestTypes';
import { BootStateDetector } from './bootStateDetector';
import { readProcessUsage } from './procStats';
import type { QemuGuestFiles, QemuImage } from './qemuArgs';
import { guestMemoryMiB, qemuArgs } from './qemuArgs';
import { QmpClient } from './qmpClient';
import { GUEST_DIR_PREFIX, PID_FILE } from './staleGuests';

const SETPRIV = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => existsSync(p));

export interface QemuGuestOptions {
  qemuBinary: string;
  image: QemuImage;
  workDir: string;
  /** How long `stop()` waits for the guest to power off after the ACPI power button. */
  gracefulStopMs: number;
  log?: (message: string) => void;
  /** Records everything the guest wrote to ttyS0 (read from QEMU's serial log file). */
  transcript?: SerialTranscript;
}

/** Unix socket paths are limited to 108 bytes (sun_path). */
const MAX_SOCKET_PATH = 107;
const SERIAL_POLL_MS = 100;
const STDERR_TAIL = 2000;

/** The files of the guest for a VMI uid: a short, stable folder name keeps socket paths short. */
export function qemuGuestFiles(workDir: string, uid: string): QemuGuestFiles {
  const dir = join(
    workDir,
    GUEST_DIR_PREFIX + createHash('sha256').update(uid).digest('hex').slice(0, 12),
  );
  return {
    dir,
    qmpSocket: join(dir, 'qmp.sock'),
    serialSocket: join(dir, 'serial.sock'),
    serialLog: join(dir, 'serial.log'),
    pidFile: join(dir, PID_FILE),
  };
}

/**
 * A real guest: QEMU under TCG booting the Debian cloud kernel with our busybox initramfs.
 * VNC is QEMU's own server on a loopback port; ttyS0 is a unix socket (its log file tells when
 * the login prompt is up); pause, reboot, screenshots and power-off go through QMP; the process
 * is killed by PID when it does not power off in time.
 */
export class QemuGuest implements Guest {
  readonly kind = 'qemu';
  private readonly lifecycle = new GuestLifecycle();
  private readonly files: QemuGuestFiles;
  private process: ChildProcess | undefined;
  private qmp: QmpClient | undefined;
  private vncPort = 0;
  private pausedNow = false;
  private stopping = false;
  private stderrTail = '';
  private serialPoll: NodeJS.Timeout | undefined;
  private drainSerialLog: () => void = () => undefined;
  private exitPromise: Promise<void> | undefined;

  private constructor(
    readonly spec: GuestSpec,
    private readonly options: QemuGuestOptions,
  ) {
    this.files = qemuGuestFiles(options.workDir, spec.uid);
  }

  /** Launches QEMU and resolves once QMP and VNC answer (the guest is then still booting). */
  static async launch(spec: GuestSpec, options: QemuGuestOptions): Promise<QemuGuest> {
    const guest = new QemuGuest(spec, options);
    try {
      await guest.launch();
    } catch (error) {
      await guest.kill();
      throw error;
    }
    return guest;
  }

  get booted(): boolean {
    return this.lifecycle.booted;
  }

  get paused(): boolean {
    return this.pausedNow;
  }

  get exited(): boolean {
    return this.lifecycle.exited;
  }

  /** The QEMU process id (for logs and tests). */
  get pid(): number | undefined {
    return this.process?.pid;
  }

  onBooted(listener: () => void): () => void {
    return this.lifecycle.onBooted(listener);
  }

  onExit(listener: (reason: GuestExitReason) => void): () => void {
    return this.lifecycle.onExit(listener);
  }

  async openVnc(): Promise<Duplex> {
    this.assertRunning();
    return openSocket(() => connect({ host: '127.0.0.1', port: this.vncPort }));
  }

  async openSerial(): Promise<Duplex> {
    this.assertRunning();
    return openSocket(() => connect(this.files.serialSocket));
  }

  async screenshot(): Promise<Buffer> {
    const file = join(this.files.dir, `screen-${Date.now()}.png`);
    await this.command('screendump', { filename: file, format: 'png' });
    try {
      return readFileSync(file);
    } finally {
      rmSync(file, { force: true });
    }
  }

  async pause(): Promise<void> {
    await this.command('stop');
    this.pausedNow = true;
  }

  async unpause(): Promise<void> {
    await this.command('cont');
    this.pausedNow = false;
  }

  async softReboot(): Promise<void> {
    await this.sendCtrlAltDel();
  }

  async sendCtrlAltDel(): Promise<void> {
    await this.command('send-key', {
      keys: ['ctrl', 'alt', 'delete'].map((key) => ({ type: 'qcode', data: key })),
    });
  }

  stats(): GuestStats {
    const usage = this.process?.pid ? readProcessUsage(this.process.pid) : undefined;
    const memoryBytes = guestMemoryMiB(this.spec) * 1024 * 1024;
    const used = Math.min(memoryBytes, usage?.rssBytes ?? 0);
    // The guest has no network card or disk: those counters stay at zero.
    return {
      cpuSeconds: usage?.cpuSeconds ?? 0,
      memoryUsedBytes: used,
      memoryAvailableBytes: memoryBytes - used,
      netRxBytes: 0,
      netTxBytes: 0,
      diskReadBytes: 0,
      diskWriteBytes: 0,
      diskReadOps: 0,
      diskWriteOps: 0,
    };
  }

  /**
   * Presses the ACPI power button (the guest's acpid powers off cleanly, as KubeVirt's graceful
   * shutdown does), waits `gracefulStopMs`, then asks QEMU to quit, then kills it by PID.
   */
  async stop(): Promise<void> {
    if (this.exited) return;
    this.stopping = true;
    if (!this.pausedNow && this.booted) {
      await this.command('system_powerdown').catch(() => undefined);
      if (await this.waitForExit(this.options.gracefulStopMs)) return;
    }
    await this.command('quit').catch(() => undefined);
    if (await this.waitForExit(2000)) return;
    await this.kill();
  }

  private async launch(): Promise<void> {
    const { files } = this;
    rmSync(files.dir, { recursive: true, force: true });
    mkdirSync(files.dir, { recursive: true });
    if (files.serialSocket.length > MAX_SOCKET_PATH || files.qmpSocket.length > MAX_SOCKET_PATH) {
      throw new Error(`work dir too deep for unix sockets: ${files.dir}`);
    }
    const args = qemuArgs(this.spec, this.options.image, files);
    // setpriv (util-linux) execs QEMU with a parent-death signal: a cluster killed with -9 takes
    // its guests with it instead of leaving them for the next start to reap.
    const [command, commandArgs] = SETPRIV
      ? [SETPRIV, ['--pdeathsig', 'KILL', '--', this.options.qemuBinary, ...args]]
      : [this.options.qemuBinary, args];
    const child = spawn(command, commandArgs, { stdio: ['ignore', 'ignore', 'pipe'] });
    this.process = child;
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      this.stderrTail = (this.stderrTail + chunk).slice(-STDERR_TAIL);
    });
    this.exitPromise = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.onProcessExit(code, signal);
        resolve();
      });
      child.once('error', (error) => {
        this.stderrTail += String(error);
        this.onProcessExit(null, null);
        resolve();
      });
    });
    this.watchSerialLog();
    const connecting = QmpClient.connect(files.qmpSocket, 15_000);
    const died = this.exitPromise.then(() => {
      throw new Error(`QEMU exited during start: ${this.stderrTail.trim()}`);
    });
    // Whichever loses the race must not end up as an unhandled rejection.
    connecting.catch(() => undefined);
    died.catch(() => undefined);
    const qmp = await Promise.race([connecting, died]);
    this.qmp = qmp;
    qmp.onEvent((event) => {
      if (event.event === 'RESET') this.lifecycle.markBooting();
      else if (event.event === 'STOP') this.pausedNow = true;
      else if (event.event === 'RESUME') this.pausedNow = false;
    });
    const vnc = await qmp.execute<{ service?: string }>('query-vnc');
    this.vncPort = Number(vnc.service);
    if (!this.vncPort) throw new Error('QEMU did not report a VNC port');
    this.options.log?.(
      `guest ${this.spec.namespace}/${this.spec.name}: QEMU pid ${child.pid}, VNC 127.0.0.1:${this.vncPort}`,
    );
  }

  /** Follows serial.log (written by QEMU whether or not a console is attached). */
  private watchSerialLog(): void {
    const detector = new BootStateDetector();
    const decoder = new StringDecoder('utf8');
    let offset = 0;
    const buffer = Buffer.alloc(64 * 1024);
    this.drainSerialLog = () => {
      let fd: number | undefined;
      try {
        fd = openSync(this.files.serialLog, 'r');
        for (;;) {
          const read = readSync(fd, buffer, 0, buffer.length, offset);
          if (read <= 0) break;
          offset += read;
          this.options.transcript?.write(decoder.write(buffer.subarray(0, read)));
          for (const signal of detector.feed(buffer.subarray(0, read).toString('latin1'))) {
            if (signal === 'booted') this.lifecycle.markBooted();
            else this.lifecycle.markBooting();
          }
        }
      } catch {
        // Not created yet.
      } finally {
        if (fd !== undefined) closeSync(fd);
      }
    };
    this.serialPoll = setInterval(() => this.drainSerialLog(), SERIAL_POLL_MS);
  }

  private onProcessExit(code: number | null, signal: NodeJS.Signals | null): void {
    if (this.serialPoll) clearInterval(this.serialPoll);
    // The guest's last words (shutdown messages) before its folder goes.
    this.drainSerialLog();
    this.qmp?.close();
    rmSync(this.files.dir, { recursive: true, force: true });
    let reason: GuestExitReason;
    if (this.stopping) reason = 'stopped';
    else if (code === 0) reason = 'poweroff';
    else {
      const detail = this.stderrTail.trim().split('\n').pop() ?? '';
      reason = `crashed: QEMU exited with ${signal ?? `code ${code}`}${detail ? ` (${detail})` : ''}`;
    }
    this.lifecycle.markExited(reason);
  }

  private async waitForExit(ms: number): Promise<boolean> {
    if (!this.exitPromise) return true;
    let timer: NodeJS.Timeout | undefined;
    const exited = await Promise.race([
      this.exitPromise.then(() => true),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), ms);
      }),
    ]);
    clearTimeout(timer);
    return exited;
  }

  private async kill(): Promise<void> {
    const pid = this.process?.pid;
    if (pid && this.process?.exitCode === null && this.process.signalCode === null) {
      this.stopping = true;
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
      await this.waitForExit(5000);
    }
    if (this.serialPoll) clearInterval(this.serialPoll);
    this.qmp?.close();
  }

  private async command<T = unknown>(command: string, args?: Record<string, unknown>): Promise<T> {
    this.assertRunning();
    if (!this.qmp) throw new Error('QMP not connected');
    return this.qmp.execute<T>(command, args);
  }

  private assertRunning(): void {
    if (this.exited) throw new Error(`guest ${this.spec.namespace}/${this.spec.name} has stopped`);
  }
}

/** Resolves with the socket once connected. */
function openSocket(make: () => Socket): Promise<Duplex> {
  return new Promise((resolve, reject) => {
    const socket = make();
    socket.once('connect', () => resolve(socket));
    socket.once('error', reject);
  });
}
