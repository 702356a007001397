import { useCallback, useEffect, useLayoutEffect, useReducer, useRef } from 'react';
import type { ConsoleConnectionState } from '../../utils/consoleConnection';
import { consoleConnectionReducer, initialConsoleState } from '../../utils/consoleConnection';

/** What a console tells the session about its socket. */
export type SessionCallbacks = {
  /** The session is up (RFB handshake done, or the serial socket open). */
  onOpen: () => void;
  /** The socket ended; `detail` is the close reason, `inUse` when the server refused a take-over. */
  onClose: (detail?: string, inUse?: boolean) => void;
};

/** A running socket the session can end. */
export type SessionHandle = { close: () => void };

/** How long a connection attempt may take before it counts as failed. */
export const CONNECT_TIMEOUT_MS = 20_000;

export type ConsoleSession = {
  state: ConsoleConnectionState;
  connect: () => void;
  disconnect: () => void;
};

/**
 * Runs a console's connection state machine (utils/consoleConnection): opens the socket through
 * `start` when connecting, schedules reconnects with backoff, times out slow attempts, and ends
 * the session when the VMI stops. Callbacks of an old socket are ignored once it is replaced.
 */
export const useConsoleSession = (
  /** Opens the socket; `attempt` is 0 for a connection asked for, >0 for an automatic reconnect. */
  start: (callbacks: SessionCallbacks, attempt: number) => SessionHandle,
  {
    running,
    autoConnect,
    timeoutDetail,
  }: {
    /** The VMI is running (there is something to connect to). */
    running: boolean;
    /** Connect as soon as the VMI runs (and again when it starts after a stop). */
    autoConnect: boolean;
    /** The close detail used when an attempt times out. */
    timeoutDetail: string;
  },
): ConsoleSession => {
  const [state, dispatch] = useReducer(consoleConnectionReducer, initialConsoleState);
  const startRef = useRef(start);
  const timeoutDetailRef = useRef(timeoutDetail);
  useLayoutEffect(() => {
    startRef.current = start;
    timeoutDetailRef.current = timeoutDetail;
  }, [start, timeoutDetail]);
  const handle = useRef<SessionHandle | undefined>(undefined);
  const token = useRef(0);

  const closeSocket = useCallback(() => {
    token.current++;
    const current = handle.current;
    handle.current = undefined;
    current?.close();
  }, []);

  const delayMs = state.status === 'reconnecting' ? state.delayMs : 0;
  useEffect(() => {
    if (state.status === 'connecting' && !handle.current) {
      const mine = ++token.current;
      const isMine = () => token.current === mine;
      handle.current = startRef.current(
        {
          onOpen: () => {
            if (isMine()) dispatch({ type: 'opened' });
          },
          onClose: (detail, inUse) => {
            if (!isMine()) return;
            handle.current = undefined;
            dispatch({ type: 'closed', detail, inUse });
          },
        },
        state.attempt,
      );
      const timer = setTimeout(() => {
        if (!isMine()) return;
        closeSocket();
        dispatch({ type: 'closed', detail: timeoutDetailRef.current });
      }, CONNECT_TIMEOUT_MS);
      return () => clearTimeout(timer);
    }
    if (state.status === 'connected') return undefined;
    if (state.status === 'reconnecting') {
      const timer = setTimeout(() => dispatch({ type: 'connect' }), delayMs);
      return () => clearTimeout(timer);
    }
    if (state.status === 'disconnected') closeSocket();
    return undefined;
    // The attempt number restarts the effect for each new attempt.
  }, [state.status, state.attempt, delayMs, closeSocket]);

  // Auto-connect once when first allowed, and again each time the VMI starts running.
  const wasRunning = useRef<boolean | undefined>(undefined);
  const autoConnected = useRef(false);
  useEffect(() => {
    if (!running) {
      if (wasRunning.current !== false) dispatch({ type: 'vmiGone' });
      autoConnected.current = false;
    } else if (autoConnect && (wasRunning.current !== true || !autoConnected.current)) {
      autoConnected.current = true;
      dispatch({ type: 'connect' });
    }
    wasRunning.current = running;
  }, [running, autoConnect]);

  useEffect(() => closeSocket, [closeSocket]);

  const connect = useCallback(() => dispatch({ type: 'connect' }), []);
  const disconnect = useCallback(() => dispatch({ type: 'disconnect' }), []);
  return { state, connect, disconnect };
};
