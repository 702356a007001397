/**
 * What a guest wrote to its first serial port, from power-on, kept whether or not anyone has the
 * serial console open: the local cluster's stand-in for the `virt-serial0-log` file KubeVirt has
 * libvirt write and the `guest-console-log` container (`virt-tail`) prints. Bounded: the oldest
 * lines go once it holds more than `maxBytes` or `maxLines`.
 */

/** One line as a container runtime records it: when it was written and its text, no newline. */
export interface TranscriptLine {
  /** Epoch milliseconds. */
  time: number;
  text: string;
}

export interface TranscriptOptions {
  maxBytes?: number;
  maxLines?: number;
  now?: () => number;
}

/** Default bounds: the last 1 MiB, at most 10,000 lines. */
export const TRANSCRIPT_MAX_BYTES = 1024 * 1024;
export const TRANSCRIPT_MAX_LINES = 10_000;

type LineListener = (line: TranscriptLine) => void;

export class SerialTranscript {
  private readonly lines: TranscriptLine[] = [];
  private bytes = 0;
  private partial = '';
  private partialTime = 0;
  private endedNow = false;
  private readonly lineListeners = new Set<LineListener>();
  private readonly endListeners = new Set<() => void>();
  private readonly maxBytes: number;
  private readonly maxLines: number;
  private readonly now: () => number;

  constructor(options: TranscriptOptions = {}) {
    this.maxBytes = options.maxBytes ?? TRANSCRIPT_MAX_BYTES;
    this.maxLines = options.maxLines ?? TRANSCRIPT_MAX_LINES;
    this.now = options.now ?? Date.now;
  }

  /** True once the guest is gone: nothing more will be written. */
  get ended(): boolean {
    return this.endedNow;
  }

  /** Records serial output; lines end at `\n`, a trailing `\r` is dropped. */
  write(chunk: string): void {
    if (this.endedNow || !chunk) return;
    const time = this.now();
    if (!this.partial) this.partialTime = time;
    const parts = (this.partial + chunk).split('\n');
    this.partial = parts.pop() ?? '';
    for (const raw of parts) {
      this.push({ time: this.partialTime || time, text: raw.replace(/\r$/, '') });
      this.partialTime = time;
    }
    if (!this.partial) this.partialTime = 0;
  }

  /** The guest ended: a pending partial line is kept as the last line. */
  end(): void {
    if (this.endedNow) return;
    if (this.partial) {
      this.push({ time: this.partialTime || this.now(), text: this.partial.replace(/\r$/, '') });
      this.partial = '';
    }
    this.endedNow = true;
    this.lineListeners.clear();
    for (const listener of [...this.endListeners]) listener();
    this.endListeners.clear();
  }

  /**
   * The lines kept so far; with `includePartial`, the line the guest is still writing (a login
   * prompt) comes last.
   */
  snapshot(includePartial = false): TranscriptLine[] {
    const out = [...this.lines];
    if (includePartial && this.partial)
      out.push({ time: this.partialTime, text: this.partial.replace(/\r$/, '') });
    return out;
  }

  /** Calls `onLine` for every line completed from now on and `onEnd` once the guest is gone. */
  subscribe(onLine: LineListener, onEnd: () => void): () => void {
    if (this.endedNow) {
      queueMicrotask(onEnd);
      return () => undefined;
    }
    this.lineListeners.add(onLine);
    this.endListeners.add(onEnd);
    return () => {
      this.lineListeners.delete(onLine);
      this.endListeners.delete(onEnd);
    };
  }

  private push(line: TranscriptLine): void {
    this.lines.push(line);
    this.bytes += Buffer.byteLength(line.text) + 1;
    while (this.lines.length > this.maxLines || (this.bytes > this.maxBytes && this.lines.length)) {
      const dropped = this.lines.shift();
      if (dropped) this.bytes -= Buffer.byteLength(dropped.text) + 1;
    }
    for (const listener of [...this.lineListeners]) listener(line);
  }
}
