import type { PixelFormat } from './pixelFormat';
import { decodePixelFormat, encodePixelFormat } from './pixelFormat';

/** Encodings and pseudo-encodings this server knows (RFC 6143 §7.7, plus QEMU's key event). */
export const ENCODING_RAW = 0;
/** Pseudo-encoding: the client can send QEMU Extended Key Events (message 255/0). */
export const ENCODING_QEMU_EXTENDED_KEY_EVENT = -258;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A message from the client, after the handshake (RFC 6143 §7.5). */
export type ClientMessage =
  | { type: 'setPixelFormat'; format: PixelFormat }
  | { type: 'setEncodings'; encodings: number[] }
  | { type: 'framebufferUpdateRequest'; incremental: boolean; rect: Rect }
  | { type: 'keyEvent'; down: boolean; keysym: number }
  | { type: 'pointerEvent'; buttonMask: number; x: number; y: number }
  | { type: 'clientCutText'; text: string }
  | { type: 'qemuExtendedKeyEvent'; down: boolean; keysym: number; keycode: number };

export type ParseResult =
  | { kind: 'message'; message: ClientMessage; length: number }
  | { kind: 'incomplete' }
  | { kind: 'error'; reason: string };

const INCOMPLETE: ParseResult = { kind: 'incomplete' };

/** Parses one client message at the start of `buf`, or says how it cannot yet. */
export function parseClientMessage(buf: Buffer): ParseResult {
  if (buf.length < 1) return INCOMPLETE;
  const type = buf.readUInt8(0);
  switch (type) {
    case 0: {
      if (buf.length < 20) return INCOMPLETE;
      try {
        return message({ type: 'setPixelFormat', format: decodePixelFormat(buf, 4) }, 20);
      } catch (error) {
        return { kind: 'error', reason: (error as Error).message };
      }
    }
    case 2: {
      if (buf.length < 4) return INCOMPLETE;
      const count = buf.readUInt16BE(2);
      const length = 4 + count * 4;
      if (buf.length < length) return INCOMPLETE;
      const encodings: number[] = [];
      for (let i = 0; i < count; i++) encodings.push(buf.readInt32BE(4 + i * 4));
      return message({ type: 'setEncodings', encodings }, length);
    }
    case 3: {
      if (buf.length < 10) return INCOMPLETE;
      return message(
        {
          type: 'framebufferUpdateRequest',
          incremental: buf.readUInt8(1) !== 0,
          rect: {
            x: buf.readUInt16BE(2),
            y: buf.readUInt16BE(4),
            width: buf.readUInt16BE(6),
            height: buf.readUInt16BE(8),
          },
        },
        10,
      );
    }
    case 4: {
      if (buf.length < 8) return INCOMPLETE;
      return message(
        { type: 'keyEvent', down: buf.readUInt8(1) !== 0, keysym: buf.readUInt32BE(4) },
        8,
      );
    }
    case 5: {
      if (buf.length < 6) return INCOMPLETE;
      return message(
        {
          type: 'pointerEvent',
          buttonMask: buf.readUInt8(1),
          x: buf.readUInt16BE(2),
          y: buf.readUInt16BE(4),
        },
        6,
      );
    }
    case 6: {
      if (buf.length < 8) return INCOMPLETE;
      // A negative length is the Extended Clipboard pseudo-encoding's format; its size is |length|.
      const textLength = Math.abs(buf.readInt32BE(4));
      if (buf.length < 8 + textLength) return INCOMPLETE;
      return message(
        { type: 'clientCutText', text: buf.subarray(8, 8 + textLength).toString('latin1') },
        8 + textLength,
      );
    }
    case 255: {
      if (buf.length < 2) return INCOMPLETE;
      if (buf.readUInt8(1) !== 0) return { kind: 'error', reason: 'unsupported QEMU message' };
      if (buf.length < 12) return INCOMPLETE;
      return message(
        {
          type: 'qemuExtendedKeyEvent',
          down: buf.readUInt16BE(2) !== 0,
          keysym: buf.readUInt32BE(4),
          keycode: buf.readUInt32BE(8),
        },
        12,
      );
    }
    default:
      return { kind: 'error', reason: `unknown client message type ${type}` };
  }
}

function message(msg: ClientMessage, length: number): ParseResult {
  return { kind: 'message', message: msg, length };
}

/** ServerInit (RFC 6143 §7.3.2). */
export function encodeServerInit(
  width: number,
  height: number,
  format: PixelFormat,
  name: string,
): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  const header = Buffer.alloc(4);
  header.writeUInt16BE(width, 0);
  header.writeUInt16BE(height, 2);
  const nameLength = Buffer.alloc(4);
  nameLength.writeUInt32BE(nameBytes.length, 0);
  return Buffer.concat([header, encodePixelFormat(format), nameLength, nameBytes]);
}

/** One rectangle of a FramebufferUpdate: its header and its (already encoded) payload. */
export interface UpdateRect {
  rect: Rect;
  encoding: number;
  payload: Buffer;
}

/** FramebufferUpdate (RFC 6143 §7.6.1). */
export function encodeFramebufferUpdate(rects: readonly UpdateRect[]): Buffer {
  const header = Buffer.alloc(4);
  header.writeUInt8(0, 0);
  header.writeUInt16BE(rects.length, 2);
  const parts: Buffer[] = [header];
  for (const { rect, encoding, payload } of rects) {
    const rectHeader = Buffer.alloc(12);
    rectHeader.writeUInt16BE(rect.x, 0);
    rectHeader.writeUInt16BE(rect.y, 2);
    rectHeader.writeUInt16BE(rect.width, 4);
    rectHeader.writeUInt16BE(rect.height, 6);
    rectHeader.writeInt32BE(encoding, 8);
    parts.push(rectHeader, payload);
  }
  return Buffer.concat(parts);
}

/** SetColourMapEntries (RFC 6143 §7.6.2), colours given as 8-bit RGB. */
export function encodeSetColourMapEntries(
  colours: readonly (readonly [number, number, number])[],
): Buffer {
  const buf = Buffer.alloc(6 + colours.length * 6);
  buf.writeUInt8(1, 0);
  buf.writeUInt16BE(0, 2);
  buf.writeUInt16BE(colours.length, 4);
  colours.forEach(([r, g, b], i) => {
    buf.writeUInt16BE(r * 257, 6 + i * 6);
    buf.writeUInt16BE(g * 257, 8 + i * 6);
    buf.writeUInt16BE(b * 257, 10 + i * 6);
  });
  return buf;
}

/** Bell (RFC 6143 §7.6.3). */
export function encodeBell(): Buffer {
  return Buffer.from([2]);
}

/** The intersection of two rectangles, or undefined when they do not overlap. */
export function intersectRect(a: Rect, b: Rect): Rect | undefined {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  if (right <= x || bottom <= y) return undefined;
  return { x, y, width: right - x, height: bottom - y };
}

/** The smallest rectangle holding both. */
export function unionRect(a: Rect | undefined, b: Rect): Rect {
  if (!a) return { ...b };
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return {
    x,
    y,
    width: Math.max(a.x + a.width, b.x + b.width) - x,
    height: Math.max(a.y + a.height, b.y + b.height) - y,
  };
}
