import { describe, expect, it } from 'vitest';
import { SERVER_PIXEL_FORMAT, decodePixelFormat, encodePixelFormat } from './pixelFormat';
import { intersectRect, parseClientMessage, unionRect } from './rfbMessages';

describe('parseClientMessage', () => {
  it('waits for a whole message', () => {
    expect(parseClientMessage(Buffer.from([3, 0, 0]))).toEqual({ kind: 'incomplete' });
    expect(parseClientMessage(Buffer.from([2, 0, 0, 2, 0, 0, 0, 0]))).toEqual({
      kind: 'incomplete',
    });
  });

  it('reads SetEncodings with negative pseudo-encodings', () => {
    const buf = Buffer.alloc(12);
    buf.writeUInt8(2, 0);
    buf.writeUInt16BE(2, 2);
    buf.writeInt32BE(0, 4);
    buf.writeInt32BE(-258, 8);
    expect(parseClientMessage(buf)).toEqual({
      kind: 'message',
      message: { type: 'setEncodings', encodings: [0, -258] },
      length: 12,
    });
  });

  it('reads ClientCutText, also in the extended clipboard form (negative length)', () => {
    const text = Buffer.from('hi');
    const head = Buffer.alloc(8);
    head.writeUInt8(6, 0);
    head.writeInt32BE(-2, 4);
    const result = parseClientMessage(Buffer.concat([head, text, Buffer.from([4])]));
    expect(result).toEqual({
      kind: 'message',
      message: { type: 'clientCutText', text: 'hi' },
      length: 10,
    });
  });

  it('reads PointerEvent', () => {
    expect(parseClientMessage(Buffer.from([5, 1, 0, 10, 0, 20]))).toEqual({
      kind: 'message',
      message: { type: 'pointerEvent', buttonMask: 1, x: 10, y: 20 },
      length: 6,
    });
  });

  it('rejects unknown message types and bad pixel formats', () => {
    expect(parseClientMessage(Buffer.from([99]))).toMatchObject({ kind: 'error' });
    const setPixelFormat = Buffer.concat([
      Buffer.from([0, 0, 0, 0]),
      encodePixelFormat(SERVER_PIXEL_FORMAT),
    ]);
    setPixelFormat.writeUInt8(24, 4);
    expect(parseClientMessage(setPixelFormat)).toMatchObject({ kind: 'error' });
  });
});

describe('pixel formats and rectangles', () => {
  it('round-trips a pixel format', () => {
    expect(decodePixelFormat(encodePixelFormat(SERVER_PIXEL_FORMAT))).toEqual(SERVER_PIXEL_FORMAT);
  });

  it('intersects and unites rectangles', () => {
    const a = { x: 0, y: 0, width: 10, height: 10 };
    const b = { x: 5, y: 5, width: 10, height: 10 };
    expect(intersectRect(a, b)).toEqual({ x: 5, y: 5, width: 5, height: 5 });
    expect(intersectRect(a, { x: 10, y: 0, width: 1, height: 1 })).toBeUndefined();
    expect(unionRect(a, b)).toEqual({ x: 0, y: 0, width: 15, height: 15 });
    expect(unionRect(undefined, b)).toEqual(b);
  });
});
