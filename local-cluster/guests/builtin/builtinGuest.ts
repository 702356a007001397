import type { Duplex } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { duplexPair } from '../duplexPair';
import { GuestLifecycle } from '../guestLifecycle';
import { loginHint } from '../loginHint';
import type { SerialTranscript } from '../serialTranscript';
import type { Guest, GuestExitReason, GuestSpec, GuestStats } from '../guestTypes';
import type { OsIdentity } from '../osIdentity';
import { osIdentity } from '../osIdentity';
import type { RfbDisplay } from '../rfb/rfbServer';
import { RfbServerSession } from '../rfb/rfbServer';
import type { BitmapFont } from '../screen/bitmapFont';
import { encodePng } from '../screen/png';
import { ScreenFramebuffer } from '../screen/screenFramebuffer';
import { TextScreen, VGA_PALETTE } from '../screen/textScreen';
import { bootSequence, shutdownLines } from './bootSequence';
import type { ShellMachine } from './guestShell';
import { GuestShell } from './guestShell';
import { KeyboardState } from './keyboard';
import { PausableTimeline } from './pausableTimeline';
import { simulatedStats } from './simulatedStats';

export interface BuiltinGuestOptions {
  /** How long a boot takes, from power-on to the login prompt. */
  bootDelayMs: number;
  font: BitmapFont;
  /** Records everything written to ttyS0, console open or not. */
  transcript?: SerialTranscript;
}

type Power = 'booting' | 'up' | 'down';

/**
 * The guest used when QEMU is absent or the real-guest cap is reached. It behaves like a small
 * Linux VM: a VGA text console served over a real RFB 3.8 server, a serial line (ttyS0), each
 * with a login prompt and a small shell, boot and shutdown messages, pause, Ctrl+Alt+Del
 * reboot and plausible statistics.
 */
export class BuiltinGuest implements Guest {
  readonly kind = 'builtin';
  private readonly lifecycle = new GuestLifecycle();
  private readonly identity: OsIdentity;
  private readonly screen = new TextScreen(80, 25);
  private readonly framebuffer: ScreenFramebuffer;
  private readonly keyboard = new KeyboardState();
  private readonly vgaShell: GuestShell;
  private readonly serialShell: GuestShell;
  private readonly serialEnds = new Set<Duplex>();
  private readonly vncSessions = new Set<RfbServerSession>();
  private readonly timeline = new PausableTimeline();
  private power: Power = 'booting';
  private pausedNow = false;
  private heldInput: (() => void)[] = [];
  private runMs = 0;
  private runningSince = Date.now();
  private bootedAt = Date.now();

  constructor(
    readonly spec: GuestSpec,
    private readonly options: BuiltinGuestOptions,
  ) {
    this.identity = osIdentity(spec.osName);
    this.framebuffer = new ScreenFramebuffer(this.screen, options.font);
    const machine: ShellMachine = {
      hostname: spec.hostname,
      identity: this.identity,
      cpus: spec.cpus,
      memoryMiB: spec.memoryMiB,
      user: spec.user ?? 'root',
      password: spec.password ?? '',
      loginHint: loginHint(spec.user, spec.password),
      uptimeSeconds: () => (Date.now() - this.bootedAt) / 1000,
      now: () => new Date(),
      reboot: () => this.goDown(true),
      poweroff: () => this.goDown(false),
    };
    this.vgaShell = new GuestShell(machine, 'tty1', (text) => this.screen.write(text));
    this.serialShell = new GuestShell(machine, 'ttyS0', (text) => this.writeSerial(text));
    this.boot();
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

  onBooted(listener: () => void): () => void {
    return this.lifecycle.onBooted(listener);
  }

  onExit(listener: (reason: GuestExitReason) => void): () => void {
    return this.lifecycle.onExit(listener);
  }

  /** The VGA console's text, for tests and logs. */
  screenLines(): string[] {
    return this.screen.lines();
  }

  async openVnc(): Promise<Duplex> {
    this.assertRunning();
    const [guestEnd, clientEnd] = duplexPair();
    const session = new RfbServerSession(guestEnd, this.display());
    this.vncSessions.add(session);
    guestEnd.on('close', () => this.vncSessions.delete(session));
    return clientEnd;
  }

  async openSerial(): Promise<Duplex> {
    this.assertRunning();
    const [guestEnd, clientEnd] = duplexPair();
    const decoder = new StringDecoder('utf8');
    this.serialEnds.add(guestEnd);
    guestEnd.on('data', (chunk: Buffer) => {
      const text = decoder.write(chunk);
      if (text) this.input(() => this.serialShell.receive(text));
    });
    guestEnd.on('close', () => this.serialEnds.delete(guestEnd));
    return clientEnd;
  }

  async screenshot(): Promise<Buffer> {
    return encodePng(this.framebuffer.width, this.framebuffer.height, this.framebuffer.rgb);
  }

  async pause(): Promise<void> {
    this.assertRunning();
    if (this.pausedNow) return;
    this.pausedNow = true;
    this.runMs += Date.now() - this.runningSince;
    this.timeline.pause();
  }

  async unpause(): Promise<void> {
    this.assertRunning();
    if (!this.pausedNow) return;
    this.pausedNow = false;
    this.runningSince = Date.now();
    this.timeline.resume();
    const held = this.heldInput;
    this.heldInput = [];
    for (const deliver of held) deliver();
  }

  async softReboot(): Promise<void> {
    this.assertRunning();
    this.input(() => this.goDown(true));
  }

  async sendCtrlAltDel(): Promise<void> {
    await this.softReboot();
  }

  stats(): GuestStats {
    const runMs = this.runMs + (this.pausedNow || this.exited ? 0 : Date.now() - this.runningSince);
    return simulatedStats(runMs / 1000, this.spec.cpus, this.spec.memoryMiB);
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    if (!this.pausedNow) this.printBoth(shutdownLines(false));
    this.exit('stopped');
  }

  private display(): RfbDisplay {
    const fb = this.framebuffer;
    return {
      width: fb.width,
      height: fb.height,
      name: `QEMU (${this.spec.namespace}_${this.spec.name})`,
      palette: VGA_PALETTE,
      readRgb: (rect) => fb.readRgb(rect),
      onDamage: (listener) => fb.onDamage(listener),
      keyEvent: (down, keysym) => {
        const action = this.keyboard.key(down, keysym);
        if (action.kind === 'ctrlAltDel') this.input(() => this.goDown(true));
        else if (action.kind === 'input') this.input(() => this.vgaShell.receive(action.bytes));
      },
      pointerEvent: () => undefined,
    };
  }

  /** Delivers input now, or when unpaused; input before the login prompt is dropped. */
  private input(deliver: () => void): void {
    if (this.exited) return;
    if (this.pausedNow) {
      this.heldInput.push(() => this.input(deliver));
      return;
    }
    if (this.power === 'up') deliver();
  }

  private boot(): void {
    this.power = 'booting';
    this.lifecycle.markBooting();
    this.bootedAt = Date.now();
    this.screen.reset();
    const steps = bootSequence(this.spec, this.identity).map((line) => ({
      atMs: line.at * this.options.bootDelayMs,
      run: () => this.printBoth([line.text]),
    }));
    steps.push({
      atMs: this.options.bootDelayMs,
      run: () => {
        this.power = 'up';
        this.vgaShell.start();
        this.serialShell.start();
        this.lifecycle.markBooted();
      },
    });
    this.timeline.start(steps, this.pausedNow);
  }

  /** Shuts down for a reboot (boots again) or a power-off (the guest ends). */
  private goDown(reboot: boolean): void {
    if (this.exited || this.power === 'down') return;
    this.power = 'down';
    this.lifecycle.markBooting();
    this.timeline.cancel();
    this.printBoth(shutdownLines(reboot));
    if (reboot) {
      // A short pause between the old system's last words and the firmware, as on real hardware.
      this.timeline.start([
        { atMs: Math.min(200, this.options.bootDelayMs / 4), run: () => this.boot() },
      ]);
    } else {
      setImmediate(() => this.exit('poweroff'));
    }
  }

  private exit(reason: GuestExitReason): void {
    if (this.exited) return;
    if (!this.pausedNow) this.runMs += Date.now() - this.runningSince;
    this.power = 'down';
    this.timeline.cancel();
    this.heldInput = [];
    for (const end of this.serialEnds) end.destroy();
    for (const session of this.vncSessions) session.close();
    this.lifecycle.markExited(reason);
  }

  private printBoth(lines: string[]): void {
    const text = lines.map((line) => `${line}\r\n`).join('');
    this.screen.write(text);
    this.writeSerial(text);
  }

  private writeSerial(text: string): void {
    this.options.transcript?.write(text);
    const bytes = Buffer.from(text, 'utf8');
    for (const end of this.serialEnds) if (!end.destroyed) end.write(bytes);
  }

  private assertRunning(): void {
    if (this.exited) throw new Error(`guest ${this.spec.namespace}/${this.spec.name} has stopped`);
  }
}
