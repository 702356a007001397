import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HttpError } from '@openshift-console/dynamic-plugin-sdk/lib/utils/error/http-error';
import { startPoll } from './poll';
import { isMetricsUnavailable } from './prometheusUrl';

/** A request that answers only when the test says so, and rejects when aborted. */
const controllable = () => {
  const calls: {
    signal: AbortSignal;
    resolve: (v: number) => void;
    reject: (e: unknown) => void;
  }[] = [];
  const request = (signal: AbortSignal) =>
    new Promise<number>((resolve, reject) => {
      calls.push({ signal, resolve, reject });
      signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    });
  return { calls, request };
};

describe('startPoll', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('requests at once, then delay ms after each answer, never overlapping', async () => {
    const { calls, request } = controllable();
    const onData = vi.fn();
    const stop = startPoll({ request, delay: 1000, onData, onError: vi.fn() });
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toHaveLength(1); // still in flight
    calls[0].resolve(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(onData).toHaveBeenCalledWith(1);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    stop();
  });

  it('stop aborts the request in flight and reports nothing after it', async () => {
    const { calls, request } = controllable();
    const onData = vi.fn();
    const onError = vi.fn();
    const stop = startPoll({ request, delay: 1000, onData, onError });
    stop();
    expect(calls[0].signal.aborted).toBe(true);
    calls[0].resolve(1);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(onData).not.toHaveBeenCalled();
    expect(onError).not.toHaveBeenCalled();
    expect(calls).toHaveLength(1);
  });

  it('reports failures (a 503 means metrics unavailable) and keeps polling', async () => {
    const { calls, request } = controllable();
    const onError = vi.fn();
    const stop = startPoll({ request, delay: 100, onData: vi.fn(), onError });
    calls[0].reject(new HttpError('Metrics are unavailable', 503));
    await vi.advanceTimersByTimeAsync(100);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(isMetricsUnavailable(onError.mock.calls[0][0])).toBe(true);
    expect(calls).toHaveLength(2);
    stop();
  });

  it('requests once when delay is 0', async () => {
    const { calls, request } = controllable();
    const stop = startPoll({ request, delay: 0, onData: vi.fn(), onError: vi.fn() });
    calls[0].resolve(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(1);
    stop();
  });
});
