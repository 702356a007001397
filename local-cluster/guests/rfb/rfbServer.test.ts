import type { Duplex } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { duplexPair } from '../duplexPair';
import type { PixelFormat } from './pixelFormat';
import { RfbClient } from './rfbClient';
import type { Rect } from './rfbMessages';
import { ENCODING_QEMU_EXTENDED_KEY_EVENT, ENCODING_RAW } from './rfbMessages';
import type { RfbDisplay } from './rfbServer';
import { RfbServerSession, subtractCovered } from './rfbServer';

/** A 4x2 display: pixel (x, y) has colour (x * 10, y * 100, 7); keys are recorded. */
class FakeDisplay implements RfbDisplay {
  readonly width = 4;
  readonly height = 2;
  readonly name = 'QEMU (default_vm1)';
  readonly palette: [number, number, number][] = [
    [0, 0, 0],
    [255, 255, 255],
  ];
  readonly keys: [boolean, number][] = [];
  private listener: ((rect: Rect) => void) | undefined;
  green = 100;

  readRgb(rect: Rect): Uint8Array {
    const out: number[] = [];
    for (let y = rect.y; y < rect.y + rect.height; y++) {
      for (let x = rect.x; x < rect.x + rect.width; x++) out.push(x * 10, y * this.green, 7);
    }
    return Uint8Array.from(out);
  }

  onDamage(listener: (rect: Rect) => void): () => void {
    this.listener = listener;
    return () => (this.listener = undefined);
  }

  damage(rect: Rect): void {
    this.listener?.(rect);
  }

  keyEvent(down: boolean, keysym: number): void {
    this.keys.push([down, keysym]);
    // Typing changes the screen, as a terminal echoing the key would.
    this.green = 50;
    this.damage({ x: 0, y: 1, width: 4, height: 1 });
  }

  pointerEvent(): void {}
}

function serve(display: RfbDisplay): { client: Duplex; session: RfbServerSession } {
  const [serverEnd, clientEnd] = duplexPair();
  return { client: clientEnd, session: new RfbServerSession(serverEnd, display) };
}

/** Collects raw bytes from a stream and waits for a given count. */
function reader(stream: Duplex): (count: number) => Promise<Buffer> {
  let buffered = Buffer.alloc(0);
  let wake: (() => void) | undefined;
  stream.on('data', (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    wake?.();
  });
  return async (count) => {
    while (buffered.length < count) await new Promise<void>((resolve) => (wake = resolve));
    const out = buffered.subarray(0, count);
    buffered = buffered.subarray(count);
    return out;
  };
}

describe('RfbServerSession', () => {
  it('does the RFB 3.8 handshake byte for byte', async () => {
    const { client } = serve(new FakeDisplay());
    const read = reader(client);
    expect((await read(12)).toString('latin1')).toBe('RFB 003.008\n');
    client.write('RFB 003.008\n');
    expect([...(await read(2))]).toEqual([1, 1]); // one security type: None
    client.write(Buffer.from([1]));
    expect((await read(4)).readUInt32BE(0)).toBe(0); // SecurityResult OK
    client.write(Buffer.from([1])); // ClientInit, shared
    const init = await read(24);
    expect(init.readUInt16BE(0)).toBe(4);
    expect(init.readUInt16BE(2)).toBe(2);
    expect(init.readUInt8(4)).toBe(32); // bits per pixel
    expect(init.readUInt8(7)).toBe(1); // true colour
    const name = await read(init.readUInt32BE(20));
    expect(name.toString()).toBe('QEMU (default_vm1)');
  });

  it('serves RFB 3.3 clients with the security type chosen by the server', async () => {
    const { client } = serve(new FakeDisplay());
    const read = reader(client);
    await read(12);
    client.write('RFB 003.003\n');
    expect((await read(4)).readUInt32BE(0)).toBe(1);
    client.write(Buffer.from([0]));
    expect((await read(24)).readUInt16BE(0)).toBe(4);
  });

  it('refuses a security type it did not offer, with a reason', async () => {
    const { client } = serve(new FakeDisplay());
    const read = reader(client);
    await read(12);
    client.write('RFB 003.008\n');
    await read(2);
    client.write(Buffer.from([2]));
    const result = await read(8);
    expect(result.readUInt32BE(0)).toBe(1);
    expect((await read(result.readUInt32BE(4))).toString()).toMatch(/not offered/);
  });

  it('closes the connection on a version that is not RFB 3.x', async () => {
    const { client } = serve(new FakeDisplay());
    await reader(client)(12);
    const closed = new Promise((resolve) => client.on('close', resolve));
    client.write('HTTP/1.1 200');
    await closed;
  });

  it('answers a full FramebufferUpdateRequest with one Raw rectangle in the server format', async () => {
    const { client } = serve(new FakeDisplay());
    const rfb = await RfbClient.connect(client);
    expect(rfb.name).toBe('QEMU (default_vm1)');
    rfb.requestUpdate(false);
    const [rect] = await rfb.nextUpdate();
    expect(rect.encoding).toBe(ENCODING_RAW);
    expect(rect.rect).toEqual({ x: 0, y: 0, width: 4, height: 2 });
    expect(rect.data.length).toBe(4 * 2 * 4);
    // Pixel (3, 1): x*10 = 30 red, 100 green, 7 blue, as little-endian xRGB.
    expect(rect.data.readUInt32LE((1 * 4 + 3) * 4)).toBe((30 << 16) | (100 << 8) | 7);
    rfb.close();
  });

  it('converts to the pixel format the client sets (16-bit big-endian RGB565)', async () => {
    const { client } = serve(new FakeDisplay());
    const rfb = await RfbClient.connect(client);
    const rgb565: PixelFormat = {
      bitsPerPixel: 16,
      depth: 16,
      bigEndian: true,
      trueColour: true,
      redMax: 31,
      greenMax: 63,
      blueMax: 31,
      redShift: 11,
      greenShift: 5,
      blueShift: 0,
    };
    rfb.setPixelFormat(rgb565);
    rfb.requestUpdate(false, { x: 2, y: 1, width: 1, height: 1 });
    const [rect] = await rfb.nextUpdate();
    expect(rect.data.length).toBe(2);
    const expected =
      (Math.round((20 * 31) / 255) << 11) |
      (Math.round((100 * 63) / 255) << 5) |
      Math.round((7 * 31) / 255);
    expect(rect.data.readUInt16BE(0)).toBe(expected);
    rfb.close();
  });

  it('sends a colour map to clients that ask for an 8-bit colour-map format', async () => {
    const { client } = serve(new FakeDisplay());
    const rfb = await RfbClient.connect(client);
    rfb.setPixelFormat({
      bitsPerPixel: 8,
      depth: 8,
      bigEndian: false,
      trueColour: false,
      redMax: 0,
      greenMax: 0,
      blueMax: 0,
      redShift: 0,
      greenShift: 0,
      blueShift: 0,
    });
    const message = await rfb.nextMessage();
    expect(message).toEqual({
      type: 'setColourMapEntries',
      first: 0,
      colours: [
        [0, 0, 0],
        [255, 255, 255],
      ],
    });
    rfb.requestUpdate(false, { x: 0, y: 0, width: 1, height: 1 });
    const [rect] = await rfb.nextUpdate();
    expect([...rect.data]).toEqual([0]);
    rfb.close();
  });

  it('holds an incremental request until the screen changes, then sends only the change', async () => {
    const display = new FakeDisplay();
    const { client } = serve(display);
    const rfb = await RfbClient.connect(client);
    rfb.requestUpdate(false);
    await rfb.nextUpdate();
    rfb.requestUpdate(true);
    let answered = false;
    const next = rfb.nextUpdate().then((rects) => {
      answered = true;
      return rects;
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(answered).toBe(false);
    rfb.keyEvent(true, 0x61); // 'a': the display echoes it on row 1
    const rects = await next;
    expect(display.keys).toEqual([[true, 0x61]]);
    expect(rects).toHaveLength(1);
    expect(rects[0].rect).toEqual({ x: 0, y: 1, width: 4, height: 1 });
    expect(rects[0].data.readUInt32LE(0) & 0xff00).toBe(50 << 8);
    rfb.close();
  });

  it('acknowledges the QEMU extended key event pseudo-encoding and takes those key events', async () => {
    const display = new FakeDisplay();
    const { client } = serve(display);
    const rfb = await RfbClient.connect(client);
    rfb.setEncodings([ENCODING_RAW, ENCODING_QEMU_EXTENDED_KEY_EVENT]);
    rfb.requestUpdate(true);
    const rects = await rfb.nextUpdate();
    expect(rects.map((r) => r.encoding)).toEqual([ENCODING_QEMU_EXTENDED_KEY_EVENT]);
    const event = Buffer.alloc(12);
    event.writeUInt8(255, 0);
    event.writeUInt8(0, 1);
    event.writeUInt16BE(1, 2);
    event.writeUInt32BE(0x62, 4);
    event.writeUInt32BE(0x30, 8);
    client.write(event);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(display.keys).toEqual([[true, 0x62]]);
    rfb.close();
  });

  it('stops listening to the display when the client goes away', async () => {
    const display = new FakeDisplay();
    const { client } = serve(display);
    const rfb = await RfbClient.connect(client);
    rfb.close();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(() => display.damage({ x: 0, y: 0, width: 1, height: 1 })).not.toThrow();
  });
});

describe('subtractCovered', () => {
  const dirty = { x: 0, y: 0, width: 10, height: 10 };
  it('clears what was fully sent', () => {
    expect(subtractCovered(dirty, { x: 0, y: 0, width: 10, height: 10 })).toBeUndefined();
  });
  it('keeps the band below a full-width update', () => {
    expect(subtractCovered(dirty, { x: 0, y: 0, width: 10, height: 4 })).toEqual({
      x: 0,
      y: 4,
      width: 10,
      height: 6,
    });
  });
  it('keeps the band right of a full-height update', () => {
    expect(subtractCovered(dirty, { x: 0, y: 0, width: 3, height: 10 })).toEqual({
      x: 3,
      y: 0,
      width: 7,
      height: 10,
    });
  });
  it('keeps everything when the update missed it', () => {
    expect(subtractCovered(dirty, { x: 20, y: 0, width: 10, height: 10 })).toEqual(dirty);
  });
});
