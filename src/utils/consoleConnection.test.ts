import { describe, expect, it } from 'vitest';
import type { ConsoleConnectionEvent, ConsoleConnectionState } from './consoleConnection';
import {
  MAX_RECONNECT_ATTEMPTS,
  consoleConnectionReducer,
  consoleSocketUrl,
  initialConsoleState,
  isSessionInUseMessage,
  reconnectDelayMs,
} from './consoleConnection';

describe('consoleSocketUrl', () => {
  it.each([
    [
      { protocol: 'http:', host: '127.0.0.1:9000' },
      'vnc' as const,
      {},
      'ws://127.0.0.1:9000/api/kubernetes/apis/subresources.kubevirt.io/v1/namespaces/demo/virtualmachineinstances/vm-1/vnc',
    ],
    [
      { protocol: 'https:', host: 'console.example.com' },
      'console' as const,
      {},
      'wss://console.example.com/api/kubernetes/apis/subresources.kubevirt.io/v1/namespaces/demo/virtualmachineinstances/vm-1/console',
    ],
    [
      { protocol: 'https:', host: 'c.example' },
      'vnc' as const,
      { preserveSession: true },
      'wss://c.example/api/kubernetes/apis/subresources.kubevirt.io/v1/namespaces/demo/virtualmachineinstances/vm-1/vnc?preserveSession=true',
    ],
  ])('%o %s %o', (location, stream, options, expected) => {
    expect(consoleSocketUrl(location, 'demo', 'vm-1', stream, options)).toBe(expected);
  });

  it('encodes names', () => {
    expect(consoleSocketUrl({ protocol: 'http:', host: 'h' }, 'a b', 'c/d', 'console')).toBe(
      'ws://h/api/kubernetes/apis/subresources.kubevirt.io/v1/namespaces/a%20b/virtualmachineinstances/c%2Fd/console',
    );
  });
});

describe('reconnectDelayMs', () => {
  it.each([
    [0, 1000],
    [1, 2000],
    [2, 4000],
    [3, 8000],
    [4, 16000],
    [5, 30000],
    [12, 30000],
    [-1, 1000],
  ])('attempt %i waits %i ms', (attempt, ms) => {
    expect(reconnectDelayMs(attempt)).toBe(ms);
  });
});

describe('consoleConnectionReducer', () => {
  const run = (events: ConsoleConnectionEvent[], from = initialConsoleState) =>
    events.reduce(consoleConnectionReducer, from);

  const cases: [string, ConsoleConnectionEvent[], ConsoleConnectionState][] = [
    ['starts disconnected by the user', [], initialConsoleState],
    [
      'connect then open',
      [{ type: 'connect' }, { type: 'opened' }],
      { status: 'connected', attempt: 0 },
    ],
    [
      'a drop schedules attempt 1 after 1 s',
      [{ type: 'connect' }, { type: 'opened' }, { type: 'closed', detail: 'EOF' }],
      { status: 'reconnecting', attempt: 1, delayMs: 1000, detail: 'EOF' },
    ],
    [
      'a failed reconnect backs off',
      [
        { type: 'connect' },
        { type: 'opened' },
        { type: 'closed' },
        { type: 'connect' },
        { type: 'closed' },
      ],
      { status: 'reconnecting', attempt: 2, delayMs: 2000, detail: undefined },
    ],
    [
      'a success resets the attempts',
      [
        { type: 'connect' },
        { type: 'closed' },
        { type: 'connect' },
        { type: 'opened' },
        { type: 'closed' },
      ],
      { status: 'reconnecting', attempt: 1, delayMs: 1000, detail: undefined },
    ],
    [
      'in use is not retried',
      [{ type: 'connect' }, { type: 'closed', inUse: true, detail: 'busy' }],
      { status: 'disconnected', reason: { kind: 'inUse', detail: 'busy' }, attempt: 0 },
    ],
    [
      'disconnect while reconnecting stops',
      [{ type: 'connect' }, { type: 'closed' }, { type: 'disconnect' }],
      { status: 'disconnected', reason: { kind: 'user' }, attempt: 0 },
    ],
    [
      'a close after the user disconnected is ignored',
      [{ type: 'connect' }, { type: 'opened' }, { type: 'disconnect' }, { type: 'closed' }],
      { status: 'disconnected', reason: { kind: 'user' }, attempt: 0 },
    ],
    [
      'the VMI stopping ends the session',
      [{ type: 'connect' }, { type: 'opened' }, { type: 'vmiGone' }],
      { status: 'disconnected', reason: { kind: 'notRunning' }, attempt: 0 },
    ],
    ['opened without connecting is ignored', [{ type: 'opened' }], initialConsoleState],
  ];
  it.each(cases)('%s', (_name, events, expected) => {
    expect(run(events)).toEqual(expected);
  });

  it('gives up after the maximum attempts', () => {
    const events: ConsoleConnectionEvent[] = [{ type: 'connect' }];
    for (let i = 0; i <= MAX_RECONNECT_ATTEMPTS; i++)
      events.push({ type: 'closed' }, { type: 'connect' });
    const state = run(events.slice(0, -1));
    expect(state).toEqual({
      status: 'disconnected',
      reason: { kind: 'gaveUp', detail: undefined },
      attempt: MAX_RECONNECT_ATTEMPTS,
    });
  });
});

describe('isSessionInUseMessage', () => {
  it.each([
    ['Active VNC connection. Request denied.', true],
    ['Internal error occurred: dialing virt-handler: ... Active serial console connection.', true],
    ['EOF', false],
    [undefined, false],
  ])('%s -> %s', (text, expected) => {
    expect(isSessionInUseMessage(text)).toBe(expected);
  });
});
