import type { Duplex } from 'node:stream';
import { createWebSocketStream, WebSocket } from 'ws';
import { RfbClient } from '../../guests/rfb/rfbClient';
import type { TestCluster } from '../runtime/testCluster';
import { subresourcePath } from './testVirtStack';

/** Test helpers for the vnc/console websockets (no test of its own). */

export interface ConsoleSocketOptions {
  user?: string;
  protocols?: string[];
  query?: string;
}

const socketUrl = (t: TestCluster, name: string, stream: 'vnc' | 'console', query = ''): string =>
  `${t.cluster.url.replace(/^http/, 'ws')}${subresourcePath('virtualmachineinstances', name, stream)}${query}`;

export interface ConsoleSocket {
  ws: WebSocket;
  /** Raw bytes over the socket, as virtctl's and noVNC's clients see them; attached before the
   * upgrade completes so the server's first bytes (the RFB version) are not missed. */
  stream: Duplex;
}

/** Opens the websocket as `user` (token in the Authorization header); resolves once upgraded. */
export const openConsoleSocket = (
  t: TestCluster,
  name: string,
  stream: 'vnc' | 'console',
  options: ConsoleSocketOptions = {},
): Promise<ConsoleSocket> =>
  new Promise((resolve, reject) => {
    const ws = new WebSocket(socketUrl(t, name, stream, options.query), options.protocols ?? [], {
      headers: { Authorization: `Bearer ${t.cluster.tokenOf(options.user ?? 'admin')}` },
    });
    const bytes = createWebSocketStream(ws);
    bytes.on('error', () => undefined);
    ws.once('open', () => resolve({ ws, stream: bytes }));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) =>
      reject(new Error(`unexpected response ${res.statusCode ?? 0}`)),
    );
  });

/** The HTTP answer to an upgrade the server refuses: status code and Status body. */
export const refusedUpgrade = (
  t: TestCluster,
  name: string,
  stream: 'vnc' | 'console',
  options: ConsoleSocketOptions = {},
): Promise<{ status: number; body: Record<string, unknown> }> =>
  new Promise((resolve, reject) => {
    const ws = new WebSocket(socketUrl(t, name, stream, options.query), options.protocols ?? [], {
      headers: { Authorization: `Bearer ${t.cluster.tokenOf(options.user ?? 'admin')}` },
    });
    ws.once('open', () => {
      ws.terminate();
      reject(new Error('the upgrade was accepted'));
    });
    ws.once('error', () => undefined);
    ws.once('unexpected-response', (_req, res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => {
        try {
          resolve({
            status: res.statusCode ?? 0,
            body: JSON.parse(text) as Record<string, unknown>,
          });
        } catch (e) {
          reject(e as Error);
        }
        ws.terminate();
      });
    });
  });

/** RFB 3.8 from ProtocolVersion to the first FramebufferUpdate; returns the update's rectangles. */
export const readFirstFramebufferUpdate = async (
  stream: Duplex,
  timeoutMs = 10_000,
): Promise<{ client: RfbClient; rects: number }> => {
  const client = await RfbClient.connect(stream, { timeoutMs });
  client.setEncodings([0]);
  client.requestUpdate(false);
  for (;;) {
    const message = await client.nextMessage();
    if (message.type === 'framebufferUpdate') return { client, rects: message.rects.length };
  }
};

/** Reads a byte stream as text and waits for patterns in it. */
export const terminal = (stream: Duplex) => {
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
  return {
    send: (s: string) => stream.write(s),
    text: () => text,
    waitFor: async (pattern: RegExp, ms = 10_000): Promise<void> => {
      const deadline = Date.now() + ms;
      while (!pattern.test(text)) {
        if (Date.now() > deadline)
          throw new Error(`timed out waiting for ${pattern}; got ${JSON.stringify(text)}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
  };
};

/** Logs in on the serial console and runs `echo hello`. */
export const loginAndEcho = async (
  stream: Duplex,
  user: string,
  password: string,
  ms = 10_000,
): Promise<string> => {
  const term = terminal(stream);
  term.send('\r');
  await term.waitFor(/login: $/m, ms);
  term.send(`${user}\r`);
  await term.waitFor(/Password: ?$/m, ms);
  term.send(`${password}\r`);
  // busybox ash follows its prompt with a cursor position query (ESC [6n).
  await term.waitFor(new RegExp(`[$#] (${String.fromCharCode(27)}\\[6n)?$`), ms);
  term.send('echo hello\r');
  await term.waitFor(/\r?\nhello\r?\n/, ms);
  return term.text();
};
