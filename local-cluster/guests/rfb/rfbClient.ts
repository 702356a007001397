import type { Duplex } from 'node:stream';
import type { PixelFormat } from './pixelFormat';
import { decodePixelFormat, encodePixelFormat } from './pixelFormat';
import type { Rect } from './rfbMessages';
import { ENCODING_RAW } from './rfbMessages';

/** Reads exact byte counts from a stream, in order. */
class ByteReader {
  private buffered = Buffer.alloc(0);
  private waiter: (() => void) | undefined;
  private ended = false;

  constructor(stream: Duplex) {
    stream.on('data', (chunk: Buffer) => {
      this.buffered = Buffer.concat([this.buffered, chunk]);
      this.wake();
    });
    const end = (): void => {
      this.ended = true;
      this.wake();
    };
    stream.on('end', end);
    stream.on('close', end);
    stream.on('error', end);
  }

  async read(length: number, timeoutMs: number): Promise<Buffer> {
    const deadline = Date.now() + timeoutMs;
    while (this.buffered.length < length) {
      if (this.ended) throw new Error('RFB stream closed');
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${length} RFB bytes`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiter = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    const out = this.buffered.subarray(0, length);
    this.buffered = this.buffered.subarray(length);
    return out;
  }

  private wake(): void {
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.();
  }
}

export interface ReceivedRect {
  rect: Rect;
  encoding: number;
  /** The pixel bytes as sent (Raw), in the client's pixel format. */
  data: Buffer;
}

/** A server message, as far as this client understands them. */
export type ServerMessage =
  | { type: 'framebufferUpdate'; rects: ReceivedRect[] }
  | { type: 'setColourMapEntries'; first: number; colours: [number, number, number][] }
  | { type: 'bell' }
  | { type: 'serverCutText'; text: string };

/**
 * A small RFB 3.8 client (security None, Raw encoding): enough to prove a VNC server speaks the
 * protocol and to read its screen. Used by the tests against both guest kinds.
 */
export class RfbClient {
  width = 0;
  height = 0;
  name = '';
  serverFormat: PixelFormat | undefined;
  /** The format updates arrive in (the server's until `setPixelFormat`). */
  format: PixelFormat | undefined;
  serverVersion = '';
  private readonly reader: ByteReader;

  private constructor(
    private readonly stream: Duplex,
    private readonly timeoutMs: number,
  ) {
    this.reader = new ByteReader(stream);
  }

  /** Runs the handshake up to ServerInit. */
  static async connect(stream: Duplex, options: { timeoutMs?: number } = {}): Promise<RfbClient> {
    const client = new RfbClient(stream, options.timeoutMs ?? 10_000);
    await client.handshake();
    return client;
  }

  private async handshake(): Promise<void> {
    this.serverVersion = (await this.read(12)).toString('latin1');
    if (!/^RFB 003\.00[378]\n$/.test(this.serverVersion)) {
      throw new Error(`unexpected server version ${JSON.stringify(this.serverVersion)}`);
    }
    this.stream.write('RFB 003.008\n');
    const count = (await this.read(1)).readUInt8(0);
    if (count === 0) {
      const reasonLength = (await this.read(4)).readUInt32BE(0);
      throw new Error(`server refused: ${(await this.read(reasonLength)).toString()}`);
    }
    const types = [...(await this.read(count))];
    if (!types.includes(1)) throw new Error(`security type None not offered: ${types.join(',')}`);
    this.stream.write(Buffer.from([1]));
    const result = (await this.read(4)).readUInt32BE(0);
    if (result !== 0) throw new Error(`security handshake failed (${result})`);
    this.stream.write(Buffer.from([1])); // ClientInit, shared
    const init = await this.read(24);
    this.width = init.readUInt16BE(0);
    this.height = init.readUInt16BE(2);
    this.serverFormat = decodePixelFormat(init, 4);
    this.format = this.serverFormat;
    const nameLength = init.readUInt32BE(20);
    this.name = (await this.read(nameLength)).toString('utf8');
  }

  setPixelFormat(format: PixelFormat): void {
    this.format = format;
    this.stream.write(Buffer.concat([Buffer.from([0, 0, 0, 0]), encodePixelFormat(format)]));
  }

  setEncodings(encodings: number[]): void {
    const buf = Buffer.alloc(4 + encodings.length * 4);
    buf.writeUInt8(2, 0);
    buf.writeUInt16BE(encodings.length, 2);
    encodings.forEach((encoding, i) => buf.writeInt32BE(encoding, 4 + i * 4));
    this.stream.write(buf);
  }

  requestUpdate(incremental: boolean, rect?: Rect): void {
    const area = rect ?? { x: 0, y: 0, width: this.width, height: this.height };
    const buf = Buffer.alloc(10);
    buf.writeUInt8(3, 0);
    buf.writeUInt8(incremental ? 1 : 0, 1);
    buf.writeUInt16BE(area.x, 2);
    buf.writeUInt16BE(area.y, 4);
    buf.writeUInt16BE(area.width, 6);
    buf.writeUInt16BE(area.height, 8);
    this.stream.write(buf);
  }

  keyEvent(down: boolean, keysym: number): void {
    const buf = Buffer.alloc(8);
    buf.writeUInt8(4, 0);
    buf.writeUInt8(down ? 1 : 0, 1);
    buf.writeUInt32BE(keysym, 4);
    this.stream.write(buf);
  }

  /** Presses and releases one key per character (Latin-1 keysyms; "\r" is Return). */
  typeText(text: string): void {
    for (const ch of text) {
      const keysym = ch === '\r' || ch === '\n' ? 0xff0d : ch.charCodeAt(0);
      this.keyEvent(true, keysym);
      this.keyEvent(false, keysym);
    }
  }

  /** Reads the next server message. */
  async nextMessage(): Promise<ServerMessage> {
    const type = (await this.read(1)).readUInt8(0);
    switch (type) {
      case 0: {
        const header = await this.read(3);
        const count = header.readUInt16BE(1);
        const rects: ReceivedRect[] = [];
        for (let i = 0; i < count; i++) {
          const rh = await this.read(12);
          const rect = {
            x: rh.readUInt16BE(0),
            y: rh.readUInt16BE(2),
            width: rh.readUInt16BE(4),
            height: rh.readUInt16BE(6),
          };
          const encoding = rh.readInt32BE(8);
          if (encoding !== ENCODING_RAW) {
            // Pseudo-encodings this client may see carry no payload.
            rects.push({ rect, encoding, data: Buffer.alloc(0) });
            continue;
          }
          const bytes = rect.width * rect.height * ((this.format?.bitsPerPixel ?? 32) / 8);
          rects.push({ rect, encoding, data: await this.read(bytes) });
        }
        return { type: 'framebufferUpdate', rects };
      }
      case 1: {
        const header = await this.read(5);
        const first = header.readUInt16BE(1);
        const count = header.readUInt16BE(3);
        const raw = await this.read(count * 6);
        const colours: [number, number, number][] = [];
        for (let i = 0; i < count; i++) {
          colours.push([
            raw.readUInt16BE(i * 6) >> 8,
            raw.readUInt16BE(i * 6 + 2) >> 8,
            raw.readUInt16BE(i * 6 + 4) >> 8,
          ]);
        }
        return { type: 'setColourMapEntries', first, colours };
      }
      case 2:
        return { type: 'bell' };
      case 3: {
        const header = await this.read(7);
        const length = header.readUInt32BE(3);
        return { type: 'serverCutText', text: (await this.read(length)).toString('latin1') };
      }
      default:
        throw new Error(`unknown server message type ${type}`);
    }
  }

  /** Reads messages until a FramebufferUpdate arrives. */
  async nextUpdate(): Promise<ReceivedRect[]> {
    for (;;) {
      const message = await this.nextMessage();
      if (message.type === 'framebufferUpdate') return message.rects;
    }
  }

  close(): void {
    this.stream.destroy();
  }

  private read(length: number): Promise<Buffer> {
    return this.reader.read(length, this.timeoutMs);
  }
}
