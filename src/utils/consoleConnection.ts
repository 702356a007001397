/**
 * Pure rules of a console connection (VNC or serial): the websocket URL, the reconnect schedule
 * and the connection state machine. The components only wire these to sockets and to text.
 */

/** The two KubeVirt console streams: `vnc` (raw RFB bytes) and `console` (the serial line). */
export type ConsoleStream = 'vnc' | 'console';

/** The subprotocol KubeVirt's console upgrader speaks (raw bytes in binary frames). */
export const KUBEVIRT_CONSOLE_SUBPROTOCOL = 'plain.kubevirt.io';

/** Where the page runs (window.location's fields the URL needs). */
export type PageLocation = { protocol: string; host: string };

/**
 * The websocket URL of a VMI's console through the console's Kubernetes proxy:
 * `ws(s)://<host>/api/kubernetes/apis/subresources.kubevirt.io/v1/namespaces/<ns>/virtualmachineinstances/<name>/<stream>`
 * (wss when the page is https). `preserveSession` asks the server to refuse instead of taking
 * over a session someone else holds (VNC only in KubeVirt).
 */
export const consoleSocketUrl = (
  location: PageLocation,
  namespace: string,
  name: string,
  stream: ConsoleStream,
  options: { preserveSession?: boolean } = {},
): string => {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const path =
    `/api/kubernetes/apis/subresources.kubevirt.io/v1/namespaces/${encodeURIComponent(namespace)}` +
    `/virtualmachineinstances/${encodeURIComponent(name)}/${stream}`;
  const query = options.preserveSession ? '?preserveSession=true' : '';
  return `${scheme}://${location.host}${path}${query}`;
};

/** Reconnect delays: 1 s, 2 s, 4 s, 8 s, 16 s, then every 30 s. */
export const RECONNECT_BASE_MS = 1000;
export const RECONNECT_MAX_MS = 30_000;
/** After this many failed attempts in a row the console stops and waits for Connect. */
export const MAX_RECONNECT_ATTEMPTS = 20;

/** The delay before reconnect attempt `attempt` (0-based): exponential, capped. */
export const reconnectDelayMs = (attempt: number): number =>
  Math.min(RECONNECT_MAX_MS, RECONNECT_BASE_MS * 2 ** Math.max(0, Math.floor(attempt)));

/** Why a console is not connected. */
export type DisconnectReason =
  /** The user pressed Disconnect (or never connected). */
  | { kind: 'user' }
  /** The socket closed or failed; `detail` is the close reason or error text, if any. */
  | { kind: 'dropped'; detail?: string }
  /** Someone else holds the session and we asked not to take it over. */
  | { kind: 'inUse'; detail?: string }
  /** Gave up after MAX_RECONNECT_ATTEMPTS. */
  | { kind: 'gaveUp'; detail?: string }
  /** The VMI is not running, so there is nothing to connect to. */
  | { kind: 'notRunning' };

export type ConsoleConnectionState =
  | { status: 'disconnected'; reason: DisconnectReason; attempt: number }
  | { status: 'connecting'; attempt: number }
  | { status: 'connected'; attempt: 0 }
  /** Waiting `delayMs` before attempt `attempt`. */
  | { status: 'reconnecting'; attempt: number; delayMs: number; detail?: string };

export type ConsoleConnectionEvent =
  /** Connect was asked (by the user, on opening, or when a reconnect delay ran out). */
  | { type: 'connect' }
  /** The session is up. */
  | { type: 'opened' }
  /** The socket closed without the user asking; `inUse` when the server refused a take-over. */
  | { type: 'closed'; detail?: string; inUse?: boolean }
  /** The user pressed Disconnect. */
  | { type: 'disconnect' }
  /** The VMI stopped running (or is gone). */
  | { type: 'vmiGone' };

export const initialConsoleState: ConsoleConnectionState = {
  status: 'disconnected',
  reason: { kind: 'user' },
  attempt: 0,
};

/** The connection state machine: drops lead to a scheduled reconnect until MAX attempts. */
export const consoleConnectionReducer = (
  state: ConsoleConnectionState,
  event: ConsoleConnectionEvent,
): ConsoleConnectionState => {
  switch (event.type) {
    case 'connect':
      if (state.status === 'connecting' || state.status === 'connected') return state;
      return {
        status: 'connecting',
        attempt: state.status === 'reconnecting' ? state.attempt : 0,
      };
    case 'opened':
      return state.status === 'connecting' ? { status: 'connected', attempt: 0 } : state;
    case 'closed': {
      if (state.status !== 'connecting' && state.status !== 'connected') return state;
      if (event.inUse) {
        return {
          status: 'disconnected',
          reason: { kind: 'inUse', detail: event.detail },
          attempt: 0,
        };
      }
      const attempt = state.status === 'connecting' ? state.attempt : 0;
      if (attempt >= MAX_RECONNECT_ATTEMPTS) {
        return {
          status: 'disconnected',
          reason: { kind: 'gaveUp', detail: event.detail },
          attempt,
        };
      }
      return {
        status: 'reconnecting',
        attempt: attempt + 1,
        delayMs: reconnectDelayMs(attempt),
        detail: event.detail,
      };
    }
    case 'disconnect':
      return { status: 'disconnected', reason: { kind: 'user' }, attempt: 0 };
    case 'vmiGone':
      return { status: 'disconnected', reason: { kind: 'notRunning' }, attempt: 0 };
    default:
      return state;
  }
};

/** True when the server's close text says the session is held by someone else. */
export const isSessionInUseMessage = (text: string | undefined): boolean =>
  !!text && /active (vnc|serial console) connection|already in use/i.test(text);
