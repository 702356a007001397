import { accessSync, constants, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { BuiltinGuest } from './builtin/builtinGuest';
import type { Guest, GuestSpec } from './guestTypes';
import { DEFAULT_IMAGE_DIR, guestImagePaths, guestImagePresent } from './image/guestImage';
import { QemuGuest } from './qemu/qemuGuest';
import { killStaleGuests } from './qemu/staleGuests';
import type { BitmapFont } from './screen/bitmapFont';
import { fallbackFont } from './screen/fallbackFont';
import { parsePsf } from './screen/psfFont';
import { SerialTranscript } from './serialTranscript';

export type { Guest, GuestExitReason, GuestSpec, GuestStats } from './guestTypes';

export interface GuestManagerOptions {
  /** Most QEMU guests at once; more VMIs get built-in guests. Default: env
   * LOCAL_CLUSTER_MAX_GUESTS, else 4. 0 turns real guests off. */
  maxRealGuests?: number;
  /** Where `npm run setup:guests` put the kernel and initramfs. Default `<repo>/.guest-image`. */
  imageDir?: string;
  /** Sockets, pid files and serial logs of QEMU guests; one manager per folder. */
  workDir: string;
  /** The QEMU binary; undefined = `qemu-system-x86_64` from PATH; null = never use QEMU. */
  qemuBinary?: string | null;
  /** How long a built-in guest takes to boot (pass it already scaled). Default 2000 ms. */
  bootDelayMs?: number;
  /** How long a QEMU guest gets to power off after the ACPI button. Default 10000 ms. */
  gracefulStopMs?: number;
  log?: (message: string) => void;
}

const DEFAULT_MAX_REAL_GUESTS = 4;
/** Serial transcripts kept at most (those of guests that ended go first). */
const MAX_TRANSCRIPTS = 256;
const QEMU_NAME = 'qemu-system-x86_64';

/** Finds an executable on PATH. */
export function findOnPath(name: string, path = process.env.PATH ?? ''): string | undefined {
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not here.
    }
  }
  return undefined;
}

/** The cap from the option, else LOCAL_CLUSTER_MAX_GUESTS, else 4. */
export function maxRealGuestsFrom(option: number | undefined, env = process.env): number {
  if (option !== undefined) return Math.max(0, Math.floor(option));
  const fromEnv = Number(env.LOCAL_CLUSTER_MAX_GUESTS);
  return env.LOCAL_CLUSTER_MAX_GUESTS !== undefined && Number.isFinite(fromEnv) && fromEnv >= 0
    ? Math.floor(fromEnv)
    : DEFAULT_MAX_REAL_GUESTS;
}

/**
 * Starts and tracks the guests behind running VMIs: a real QEMU guest when QEMU and the guest
 * image are there and fewer than `maxRealGuests` run, else a built-in guest. One guest per VMI
 * uid. At construction it kills the QEMU processes a crashed earlier run left in `workDir`.
 */
export class GuestManager {
  readonly realGuestsAvailable: boolean;
  readonly maxRealGuests: number;
  private readonly qemuBinary: string | undefined;
  private readonly imageDir: string;
  private readonly guests = new Map<string, Guest>();
  private readonly starting = new Map<string, Promise<Guest>>();
  private readonly transcripts = new Map<string, SerialTranscript>();
  private qemuCount = 0;
  private font: BitmapFont | undefined;
  private closed = false;

  constructor(private readonly options: GuestManagerOptions) {
    this.imageDir = options.imageDir ?? DEFAULT_IMAGE_DIR;
    this.maxRealGuests = maxRealGuestsFrom(options.maxRealGuests);
    this.qemuBinary =
      options.qemuBinary === null
        ? undefined
        : options.qemuBinary === undefined
          ? findOnPath(QEMU_NAME)
          : existsSync(options.qemuBinary)
            ? options.qemuBinary
            : undefined;
    this.realGuestsAvailable = !!this.qemuBinary && guestImagePresent(this.imageDir);
    mkdirSync(options.workDir, { recursive: true });
    const killed = killStaleGuests(options.workDir);
    if (killed.length) options.log?.(`killed stale QEMU guests: ${killed.join(', ')}`);
  }

  /** Starts the guest of a VMI, or returns the one already running for its uid. */
  start(spec: GuestSpec): Promise<Guest> {
    if (this.closed) return Promise.reject(new Error('guest manager is closed'));
    const running = this.guests.get(spec.uid);
    if (running && !running.exited) return Promise.resolve(running);
    const pending = this.starting.get(spec.uid);
    if (pending) return pending;
    const started = this.launch(spec).finally(() => this.starting.delete(spec.uid));
    this.starting.set(spec.uid, started);
    return started;
  }

  get(uid: string): Guest | undefined {
    const guest = this.guests.get(uid);
    return guest && !guest.exited ? guest : undefined;
  }

  /**
   * The serial output of the guest of VMI `uid`, from its power-on; kept after the guest ends
   * (like a terminated container's log) until newer transcripts push it out.
   */
  serialTranscript(uid: string): SerialTranscript | undefined {
    return this.transcripts.get(uid);
  }

  /** The transcript a guest of `uid` writes to; created when first asked for. */
  transcriptFor(uid: string): SerialTranscript {
    let transcript = this.transcripts.get(uid);
    if (!transcript) {
      transcript = new SerialTranscript();
      this.transcripts.set(uid, transcript);
      this.pruneTranscripts();
    }
    return transcript;
  }

  private pruneTranscripts(): void {
    for (const [uid, transcript] of this.transcripts) {
      if (this.transcripts.size <= MAX_TRANSCRIPTS) return;
      if (transcript.ended) this.transcripts.delete(uid);
    }
  }

  /** All live guests. */
  list(): Guest[] {
    return [...this.guests.values()].filter((guest) => !guest.exited);
  }

  async stop(uid: string): Promise<void> {
    const pending = this.starting.get(uid);
    if (pending) await pending.catch(() => undefined);
    await this.guests.get(uid)?.stop();
  }

  /** Stops every guest (QEMU ones are killed if they do not power off in time). */
  async closeAll(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.starting.values()]);
    await Promise.allSettled([...this.guests.values()].map((guest) => guest.stop()));
  }

  private async launch(spec: GuestSpec): Promise<Guest> {
    let guest: Guest | undefined;
    const transcript = this.transcriptFor(spec.uid);
    if (
      !spec.builtinOnly &&
      this.realGuestsAvailable &&
      this.qemuBinary &&
      this.qemuCount < this.maxRealGuests
    ) {
      this.qemuCount++;
      try {
        const paths = guestImagePaths(this.imageDir);
        const qemu = await QemuGuest.launch(spec, {
          qemuBinary: this.qemuBinary,
          image: { kernel: paths.kernel, initramfs: paths.initramfs },
          workDir: this.options.workDir,
          gracefulStopMs: this.options.gracefulStopMs ?? 10_000,
          log: this.options.log,
          transcript,
        });
        qemu.onExit(() => this.qemuCount--);
        guest = qemu;
      } catch (error) {
        this.qemuCount--;
        this.options.log?.(
          `QEMU guest for ${spec.namespace}/${spec.name} failed, using a built-in guest: ${(error as Error).message}`,
        );
      }
    }
    guest ??= new BuiltinGuest(spec, {
      bootDelayMs: this.options.bootDelayMs ?? 2000,
      font: this.consoleFont(),
      transcript,
    });
    this.guests.set(spec.uid, guest);
    const started = guest;
    guest.onExit(() => {
      if (this.guests.get(spec.uid) === started) this.guests.delete(spec.uid);
      transcript.end();
    });
    if (this.closed) await guest.stop();
    return guest;
  }

  /** The VGA font from the guest image when setup extracted one, else the built-in font. */
  private consoleFont(): BitmapFont {
    if (!this.font) {
      const file = guestImagePaths(this.imageDir).font;
      try {
        this.font = existsSync(file) ? parsePsf(readFileSync(file)) : fallbackFont();
      } catch {
        this.font = fallbackFont();
      }
    }
    return this.font;
  }
}
