import type { IncomingMessage } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import {
  KUBEVIRT_CONSOLE_SUBPROTOCOL,
  VNC_IN_USE_MESSAGE,
  attachConsoleSession,
  closeConsoleSessions,
  consoleSessionInUse,
  consoleSessionKey,
  selectConsoleSubprotocol,
  sessionInUseStatus,
} from './consoleSession';
import { duplexPair } from './duplexPair';

/** A guest end that answers every write with the same bytes upper-cased. */
function echoGuest(streams: Duplex[]): () => Promise<Duplex> {
  return async () => {
    const [guestEnd, clientEnd] = duplexPair();
    guestEnd.on('data', (chunk: Buffer) =>
      guestEnd.write(Buffer.from(chunk.toString().toUpperCase())),
    );
    streams.push(guestEnd);
    return clientEnd;
  };
}

interface Harness {
  url: string;
  guestStreams: Duplex[];
  close: () => Promise<void>;
}

/** A virt-api-like endpoint: /<uid>/<vnc|console>[?preserveSession=true]. */
async function startEndpoint(): Promise<Harness> {
  const guestStreams: Duplex[] = [];
  const wss = new WebSocketServer({
    noServer: true,
    handleProtocols: (protocols) => selectConsoleSubprotocol(protocols),
  });
  const server = createServer();
  server.on('upgrade', (req: IncomingMessage, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const [, uid, kind] = url.pathname.split('/');
    const key = consoleSessionKey(uid, kind === 'vnc' ? 'vnc' : 'console');
    const preserveSession = url.searchParams.get('preserveSession') === 'true';
    if (preserveSession && consoleSessionInUse(key)) {
      const body = JSON.stringify(sessionInUseStatus('vnc'));
      socket.end(
        `HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) =>
      attachConsoleSession(ws, key, echoGuest(guestStreams), { preserveSession }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}`,
    guestStreams,
    close: async () => {
      closeConsoleSessions();
      wss.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

function connect(url: string, protocols: string[] = []): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, protocols);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

function nextMessage(ws: WebSocket): Promise<{ data: Buffer; binary: boolean }> {
  return new Promise((resolve) =>
    ws.once('message', (data: Buffer, binary) => resolve({ data, binary })),
  );
}

function closed(ws: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
}

let endpoint: Harness;

beforeEach(async () => {
  endpoint = await startEndpoint();
});

afterEach(async () => {
  await endpoint.close();
});

describe('attachConsoleSession', () => {
  it('carries binary frames both ways and takes text frames as bytes', async () => {
    const ws = await connect(`${endpoint.url}/uid-1/console`, [KUBEVIRT_CONSOLE_SUBPROTOCOL]);
    expect(ws.protocol).toBe('plain.kubevirt.io');
    ws.send(Buffer.from('echo hi'));
    const reply = await nextMessage(ws);
    expect(reply.binary).toBe(true);
    expect(reply.data.toString()).toBe('ECHO HI');
    ws.send('text frame');
    expect((await nextMessage(ws)).data.toString()).toBe('TEXT FRAME');
    ws.close();
  });

  it('needs no subprotocol for VNC (noVNC asks for none)', async () => {
    const ws = await connect(`${endpoint.url}/uid-1/vnc`);
    expect(ws.protocol).toBe('');
    ws.send(Buffer.from('rfb'));
    expect((await nextMessage(ws)).data.toString()).toBe('RFB');
    ws.close();
  });

  it('hands the session to a new connection and drops the old one abruptly (1006), as KubeVirt does', async () => {
    const first = await connect(`${endpoint.url}/uid-2/vnc`);
    const firstClosed = closed(first);
    const second = await connect(`${endpoint.url}/uid-2/vnc`);
    expect(await firstClosed).toEqual({ code: 1006, reason: '' });
    expect(endpoint.guestStreams[0].destroyed).toBe(true);
    second.send(Buffer.from('still here'));
    expect((await nextMessage(second)).data.toString()).toBe('STILL HERE');
    second.close();
  });

  it('refuses a preserveSession=true connection while the session is in use, before the upgrade', async () => {
    const first = await connect(`${endpoint.url}/uid-3/vnc`);
    await new Promise((resolve) => setTimeout(resolve, 10));
    const refused = new WebSocket(`${endpoint.url}/uid-3/vnc?preserveSession=true`);
    const response = await new Promise<{ status: number; body: string }>((resolve) => {
      refused.on('unexpected-response', (_req, res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      refused.on('error', () => undefined);
    });
    expect(response.status).toBe(500);
    const status = JSON.parse(response.body) as { reason: string; message: string; code: number };
    expect(status).toMatchObject({ kind: 'Status', reason: 'InternalError', code: 500 });
    expect(status.message).toContain(VNC_IN_USE_MESSAGE);
    first.send(Buffer.from('unaffected'));
    expect((await nextMessage(first)).data.toString()).toBe('UNAFFECTED');
    first.close();
  });

  it('lets a preserveSession=true connection in when nobody holds the session', async () => {
    const ws = await connect(`${endpoint.url}/uid-4/vnc?preserveSession=true`);
    ws.send(Buffer.from('x'));
    expect((await nextMessage(ws)).data.toString()).toBe('X');
    ws.close();
  });

  it('frees the session when the client goes away', async () => {
    const ws = await connect(`${endpoint.url}/uid-5/console`);
    const key = consoleSessionKey('uid-5', 'console');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(consoleSessionInUse(key)).toBe(true);
    ws.close();
    await closed(ws);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(consoleSessionInUse(key)).toBe(false);
    expect(endpoint.guestStreams[0].destroyed).toBe(true);
  });

  it('closes the websocket when the guest stream ends (the VMI stopped)', async () => {
    const ws = await connect(`${endpoint.url}/uid-6/console`);
    await new Promise((resolve) => setTimeout(resolve, 10));
    const done = closed(ws);
    endpoint.guestStreams[0].destroy();
    expect((await done).code).toBe(1006);
  });

  it('closes only the sessions under a prefix', async () => {
    const a = await connect(`${endpoint.url}/uid-7/vnc`);
    const b = await connect(`${endpoint.url}/uid-7/console`);
    const c = await connect(`${endpoint.url}/uid-8/vnc`);
    await new Promise((resolve) => setTimeout(resolve, 10));
    const aClosed = closed(a);
    const bClosed = closed(b);
    closeConsoleSessions('uid-7/');
    await Promise.all([aClosed, bClosed]);
    expect(consoleSessionInUse(consoleSessionKey('uid-8', 'vnc'))).toBe(true);
    c.close();
  });
});

describe('attachConsoleSession without the HTTP check', () => {
  let wss: WebSocketServer;
  let url: string;
  const opens: { open: () => Promise<Duplex>; preserveSession: boolean }[] = [];

  beforeEach(async () => {
    wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise((resolve) => wss.once('listening', resolve));
    url = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`;
    wss.on('connection', (ws, req) => {
      const next = opens.shift();
      if (!next) return;
      attachConsoleSession(
        ws,
        consoleSessionKey('race', req.url?.includes('vnc') ? 'vnc' : 'console'),
        next.open,
        {
          preserveSession: next.preserveSession,
        },
      );
    });
  });

  afterEach(async () => {
    closeConsoleSessions();
    await new Promise((resolve) => wss.close(resolve));
  });

  it('closes a refused preserveSession connection with 1013 and the KubeVirt message', async () => {
    const streams: Duplex[] = [];
    opens.push({ open: echoGuest(streams), preserveSession: false });
    const first = await connect(`${url}/vnc`);
    await new Promise((resolve) => setTimeout(resolve, 10));
    opens.push({ open: echoGuest(streams), preserveSession: true });
    const second = new WebSocket(`${url}/vnc`);
    expect(await closed(second)).toEqual({ code: 1013, reason: VNC_IN_USE_MESSAGE });
    first.close();
  });

  it('closes with 1011 when the guest cannot be reached', async () => {
    opens.push({
      open: () => Promise.reject(new Error('guest is not running')),
      preserveSession: false,
    });
    const ws = new WebSocket(`${url}/console`);
    expect(await closed(ws)).toEqual({ code: 1011, reason: 'guest is not running' });
    expect(consoleSessionInUse(consoleSessionKey('race', 'console'))).toBe(false);
  });
});
