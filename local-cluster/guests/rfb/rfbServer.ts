import type { Duplex } from 'node:stream';
import type { PixelFormat } from './pixelFormat';
import { SERVER_PIXEL_FORMAT, convertPixels } from './pixelFormat';
import type { ClientMessage, Rect, UpdateRect } from './rfbMessages';
import {
  ENCODING_QEMU_EXTENDED_KEY_EVENT,
  ENCODING_RAW,
  encodeFramebufferUpdate,
  encodeServerInit,
  encodeSetColourMapEntries,
  intersectRect,
  parseClientMessage,
  unionRect,
} from './rfbMessages';

/** What an RFB server shows and where its input goes. */
export interface RfbDisplay {
  readonly width: number;
  readonly height: number;
  /** The desktop name sent in ServerInit. */
  readonly name: string;
  /** Colours offered to clients that ask for a colour-map pixel format. */
  readonly palette: readonly (readonly [number, number, number])[];
  /** Packed RGB (3 bytes per pixel) of a rectangle inside the screen, row by row. */
  readRgb(rect: Rect): Uint8Array;
  /** Calls `listener` with each changed area; returns an unsubscribe function. */
  onDamage(listener: (rect: Rect) => void): () => void;
  keyEvent(down: boolean, keysym: number): void;
  pointerEvent(buttonMask: number, x: number, y: number): void;
}

const SERVER_VERSION = 'RFB 003.008\n';
const SECURITY_NONE = 1;

type State = 'version' | 'security' | 'clientInit' | 'normal' | 'closed';

/**
 * One client of an RFB 3.8 server (RFC 6143) over a byte stream: version and security
 * handshake (security type None; 3.3 and 3.7 clients are served too), ServerInit, then
 * client messages. Updates use the Raw encoding. Incremental update requests are answered
 * only when something changed, as the protocol allows, so an idle screen costs nothing.
 */
export class RfbServerSession {
  private state: State = 'version';
  private minorVersion = 8;
  private pending: Buffer = Buffer.alloc(0);
  private format: PixelFormat = SERVER_PIXEL_FORMAT;
  private dirty: Rect | undefined;
  private waitingRequest: Rect | undefined;
  private extendedKeysWanted = false;
  private extendedKeysAcknowledged = false;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly stream: Duplex,
    private readonly display: RfbDisplay,
  ) {
    this.unsubscribe = display.onDamage((rect) => this.damage(rect));
    stream.on('data', (chunk: Buffer) => this.receive(chunk));
    stream.on('close', () => this.close());
    stream.on('error', () => this.close());
    this.send(Buffer.from(SERVER_VERSION, 'latin1'));
  }

  /** Stops serving; the stream is destroyed. */
  close(): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.unsubscribe();
    this.stream.destroy();
  }

  /** A method, so checks after calls that may close are not narrowed away by the compiler. */
  private isClosed(): boolean {
    return this.state === 'closed';
  }

  private receive(chunk: Buffer): void {
    if (this.state === 'closed') return;
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    for (;;) {
      const consumed = this.step();
      if (consumed === 0 || this.isClosed()) break;
      this.pending = this.pending.subarray(consumed);
    }
  }

  /** Handles the next unit of input; returns the bytes it used (0 = wait for more). */
  private step(): number {
    const buf = this.pending;
    switch (this.state) {
      case 'version': {
        if (buf.length < 12) return 0;
        const match = /^RFB (\d{3})\.(\d{3})\n$/.exec(buf.subarray(0, 12).toString('latin1'));
        if (!match || Number(match[1]) !== 3) {
          this.close();
          return 0;
        }
        // RFC 6143 §7.1.1: anything between 3.3 and 3.8 that is not 3.7 or 3.8 means 3.3.
        const minor = Number(match[2]);
        this.minorVersion = minor >= 8 ? 8 : minor === 7 ? 7 : 3;
        if (this.minorVersion === 3) {
          const type = Buffer.alloc(4);
          type.writeUInt32BE(SECURITY_NONE, 0);
          this.send(type);
          this.state = 'clientInit';
        } else {
          this.send(Buffer.from([1, SECURITY_NONE]));
          this.state = 'security';
        }
        return 12;
      }
      case 'security': {
        if (buf.length < 1) return 0;
        const chosen = buf.readUInt8(0);
        if (chosen !== SECURITY_NONE) {
          if (this.minorVersion === 8) this.send(securityFailure('security type not offered'));
          this.close();
          return 0;
        }
        // 3.8 always sends SecurityResult; 3.7 sends none for type None.
        if (this.minorVersion === 8) this.send(Buffer.alloc(4));
        this.state = 'clientInit';
        return 1;
      }
      case 'clientInit': {
        if (buf.length < 1) return 0;
        // The shared flag is accepted either way: exclusivity is the console session's job.
        this.send(
          encodeServerInit(
            this.display.width,
            this.display.height,
            SERVER_PIXEL_FORMAT,
            this.display.name,
          ),
        );
        this.state = 'normal';
        return 1;
      }
      case 'normal': {
        const result = parseClientMessage(buf);
        if (result.kind === 'incomplete') return 0;
        if (result.kind === 'error') {
          this.close();
          return 0;
        }
        this.handle(result.message);
        return result.length;
      }
      case 'closed':
        return 0;
    }
  }

  private handle(message: ClientMessage): void {
    switch (message.type) {
      case 'setPixelFormat':
        this.format = message.format;
        if (!message.format.trueColour) {
          this.send(encodeSetColourMapEntries(this.display.palette));
        }
        break;
      case 'setEncodings':
        this.extendedKeysWanted = message.encodings.includes(ENCODING_QEMU_EXTENDED_KEY_EVENT);
        break;
      case 'framebufferUpdateRequest':
        this.updateRequested(message.incremental, message.rect);
        break;
      case 'keyEvent':
      case 'qemuExtendedKeyEvent':
        this.display.keyEvent(message.down, message.keysym);
        break;
      case 'pointerEvent':
        this.display.pointerEvent(message.buttonMask, message.x, message.y);
        break;
      case 'clientCutText':
        break;
    }
  }

  private updateRequested(incremental: boolean, requested: Rect): void {
    const screen = { x: 0, y: 0, width: this.display.width, height: this.display.height };
    const area = intersectRect(requested, screen);
    if (!incremental) {
      this.sendUpdate(area);
      return;
    }
    const changed = this.dirty && area ? intersectRect(this.dirty, area) : undefined;
    if (changed || this.extendedKeysToAcknowledge()) {
      this.sendUpdate(changed);
    } else {
      this.waitingRequest = area;
    }
  }

  private damage(rect: Rect): void {
    this.dirty = unionRect(this.dirty, rect);
    const waiting = this.waitingRequest;
    if (!waiting || this.state !== 'normal') return;
    const changed = intersectRect(this.dirty, waiting);
    if (!changed) return;
    this.waitingRequest = undefined;
    // Coalesce a burst of changes (a line of text is many writes) into one update.
    setImmediate(() => {
      if (this.state === 'normal')
        this.sendUpdate(this.dirty && intersectRect(this.dirty, waiting));
    });
  }

  private extendedKeysToAcknowledge(): boolean {
    return this.extendedKeysWanted && !this.extendedKeysAcknowledged;
  }

  private sendUpdate(area: Rect | undefined): void {
    const rects: UpdateRect[] = [];
    if (this.extendedKeysToAcknowledge()) {
      this.extendedKeysAcknowledged = true;
      rects.push({
        rect: { x: 0, y: 0, width: 0, height: 0 },
        encoding: ENCODING_QEMU_EXTENDED_KEY_EVENT,
        payload: Buffer.alloc(0),
      });
    }
    if (area && area.width > 0 && area.height > 0) {
      const rgb = this.display.readRgb(area);
      rects.push({
        rect: area,
        encoding: ENCODING_RAW,
        payload: convertPixels(rgb, this.format, this.display.palette),
      });
      this.dirty = this.dirty && subtractCovered(this.dirty, area);
    }
    this.waitingRequest = undefined;
    this.send(encodeFramebufferUpdate(rects));
  }

  private send(data: Buffer): void {
    if (!this.stream.destroyed && this.stream.writable) this.stream.write(data);
  }
}

/**
 * What stays dirty after `sent` went out, as a bounding box: nothing when `sent` covered it, the
 * bands above/below (or left/right of) `sent` when it spanned the dirty area's full width
 * (or height), else the whole dirty area.
 */
export function subtractCovered(dirty: Rect, sent: Rect): Rect | undefined {
  if (!intersectRect(dirty, sent)) return dirty;
  const dRight = dirty.x + dirty.width;
  const dBottom = dirty.y + dirty.height;
  const sRight = sent.x + sent.width;
  const sBottom = sent.y + sent.height;
  const spansWidth = sent.x <= dirty.x && sRight >= dRight;
  const spansHeight = sent.y <= dirty.y && sBottom >= dBottom;
  if (spansWidth && spansHeight) return undefined;
  let remaining: Rect | undefined;
  if (spansWidth) {
    if (sent.y > dirty.y) remaining = unionRect(remaining, { ...dirty, height: sent.y - dirty.y });
    if (sBottom < dBottom) {
      remaining = unionRect(remaining, { ...dirty, y: sBottom, height: dBottom - sBottom });
    }
    return remaining;
  }
  if (spansHeight) {
    if (sent.x > dirty.x) remaining = unionRect(remaining, { ...dirty, width: sent.x - dirty.x });
    if (sRight < dRight) {
      remaining = unionRect(remaining, { ...dirty, x: sRight, width: dRight - sRight });
    }
    return remaining;
  }
  return dirty;
}

function securityFailure(reason: string): Buffer {
  const text = Buffer.from(reason, 'utf8');
  const buf = Buffer.alloc(8);
  buf.writeUInt32BE(1, 0);
  buf.writeUInt32BE(text.length, 4);
  return Buffer.concat([buf, text]);
}
