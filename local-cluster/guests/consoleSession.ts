import type { Duplex } from 'node:stream';
import type { RawData, WebSocket } from 'ws';

/** The subprotocol KubeVirt's websocket upgrader offers (virt-api and virt-handler). */
export const KUBEVIRT_CONSOLE_SUBPROTOCOL = 'plain.kubevirt.io';

/** virt-handler's answer to a second VNC connection that asked `preserveSession=true`. */
export const VNC_IN_USE_MESSAGE = 'Active VNC connection. Request denied.';

/** The same refusal for the serial console (KubeVirt itself offers preserveSession on VNC only). */
export const CONSOLE_IN_USE_MESSAGE = 'Active serial console connection. Request denied.';

export type ConsoleKind = 'vnc' | 'console';

/** The session key of a VMI's VNC or serial console. */
export function consoleSessionKey(vmiUid: string, kind: ConsoleKind): string {
  return `${vmiUid}/${kind}`;
}

/**
 * Picks the subprotocol for a console upgrade the way gorilla's upgrader does with KubeVirt's
 * list: `plain.kubevirt.io` when the client offers it, else none (raw bytes still flow; noVNC
 * asks for no subprotocol).
 */
export function selectConsoleSubprotocol(offered: ReadonlySet<string>): string | false {
  return offered.has(KUBEVIRT_CONSOLE_SUBPROTOCOL) ? KUBEVIRT_CONSOLE_SUBPROTOCOL : false;
}

/** A Kubernetes Status, as virt-api writes it before the upgrade. */
export interface ConsoleRefusalStatus {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure';
  message: string;
  reason: 'InternalError';
  details: { causes: { message: string }[] };
  code: 500;
}

/**
 * The refusal of a `preserveSession=true` connection while the session is in use, as virt-api
 * answers it: HTTP 500 with a Status (reason InternalError) wrapping virt-handler's 503 text.
 * Send it as the HTTP response instead of upgrading (see docs/guests.md).
 */
export function sessionInUseStatus(kind: ConsoleKind = 'vnc'): ConsoleRefusalStatus {
  const handlerMessage = kind === 'vnc' ? VNC_IN_USE_MESSAGE : CONSOLE_IN_USE_MESSAGE;
  const cause = `dialing virt-handler: Can't connect to websocket (503): ${handlerMessage}`;
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: `Internal error occurred: ${cause}`,
    reason: 'InternalError',
    details: { causes: [{ message: cause }] },
    code: 500,
  };
}

interface Session {
  ws: WebSocket;
  stream: Duplex | undefined;
  ended: boolean;
}

const sessions = new Map<string, Session>();

/** Pauses the guest stream while this much is queued for a slow websocket client. */
const HIGH_WATER_BYTES = 4 * 1024 * 1024;

/** Ends a session abruptly, as virt-handler does: the socket is closed without a close frame. */
function endSession(key: string, session: Session): void {
  if (session.ended) return;
  session.ended = true;
  if (sessions.get(key) === session) sessions.delete(key);
  session.stream?.destroy();
  if (session.ws.readyState !== session.ws.CLOSED) session.ws.terminate();
}

/** True while a console session holds `key`. */
export function consoleSessionInUse(key: string): boolean {
  const session = sessions.get(key);
  return !!session && !session.ended;
}

/** Ends every session whose key starts with `prefix` (all when omitted), e.g. when a VMI stops. */
export function closeConsoleSessions(prefix = ''): void {
  for (const [key, session] of [...sessions]) if (key.startsWith(prefix)) endSession(key, session);
}

function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}

/**
 * Bridges one accepted websocket to a guest stream; enforces one session per (vmi uid,
 * 'vnc'|'console'): a new connection closes the old one unless the new one asked
 * `preserveSession=true`, in which case the new one is refused with "already in use" (as
 * KubeVirt does). Callers should check `consoleSessionInUse` before upgrading and answer
 * `sessionInUseStatus()` over HTTP, as virt-api does; a refusal that still reaches this function
 * (a race) closes the websocket with 1013 (try again later) and that message.
 * Frames are binary both ways; text frames from the client are taken as bytes too.
 */
export function attachConsoleSession(
  ws: WebSocket,
  key: string,
  open: () => Promise<Duplex>,
  opts: { preserveSession: boolean },
): void {
  const existing = sessions.get(key);
  if (existing && !existing.ended) {
    if (opts.preserveSession) {
      ws.close(1013, key.endsWith('/console') ? CONSOLE_IN_USE_MESSAGE : VNC_IN_USE_MESSAGE);
      return;
    }
    endSession(key, existing);
  }
  const session: Session = { ws, stream: undefined, ended: false };
  sessions.set(key, session);
  const early: Buffer[] = [];
  ws.on('message', (data: RawData) => {
    const bytes = toBuffer(data);
    if (session.stream) session.stream.write(bytes);
    else early.push(bytes);
  });
  ws.on('close', () => endSession(key, session));
  ws.on('error', () => endSession(key, session));
  open().then(
    (stream) => {
      if (session.ended) {
        stream.destroy();
        return;
      }
      session.stream = stream;
      for (const bytes of early.splice(0)) stream.write(bytes);
      stream.on('data', (chunk: Buffer) => {
        if (session.ended) return;
        ws.send(chunk, { binary: true }, () => {
          if (stream.isPaused() && ws.bufferedAmount < HIGH_WATER_BYTES / 2) stream.resume();
        });
        if (ws.bufferedAmount > HIGH_WATER_BYTES) stream.pause();
      });
      stream.on('end', () => endSession(key, session));
      stream.on('close', () => endSession(key, session));
      stream.on('error', () => endSession(key, session));
    },
    (error: unknown) => {
      if (sessions.get(key) === session) sessions.delete(key);
      session.ended = true;
      if (ws.readyState === ws.OPEN) {
        ws.close(1011, String((error as Error).message ?? error).slice(0, 120));
      }
    },
  );
}
