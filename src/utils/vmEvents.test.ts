import { describe, expect, it } from 'vitest';
import {
  getEventCount,
  getEventLastSeen,
  getEventSource,
  mergeEvents,
  type EventLike,
} from './vmEvents';

describe('getEventLastSeen', () => {
  it.each<[EventLike, string | undefined]>([
    [{ lastTimestamp: 'a', eventTime: 'b' }, 'a'],
    [{ series: { lastObservedTime: 's' }, eventTime: 'b' }, 's'],
    [{ eventTime: 'b', firstTimestamp: 'f' }, 'b'],
    [{ firstTimestamp: 'f' }, 'f'],
    [{ metadata: { creationTimestamp: 'c' } }, 'c'],
    [{}, undefined],
  ])('%j', (event, expected) => expect(getEventLastSeen(event)).toBe(expected));
});

describe('getEventCount', () => {
  it.each<[EventLike, number]>([
    [{}, 1],
    [{ count: 4 }, 4],
    [{ count: 4, series: { count: 7 } }, 7],
    [{ count: 0 }, 1],
  ])('%j', (event, expected) => expect(getEventCount(event)).toBe(expected));
});

describe('getEventSource', () => {
  it.each<[EventLike, string | undefined]>([
    [{}, undefined],
    [{ source: { component: 'virt-controller' } }, 'virt-controller'],
    [{ source: { component: 'kubelet', host: 'node-1' } }, 'kubelet, node-1'],
    [{ reportingComponent: 'virt-handler' }, 'virt-handler'],
  ])('%j', (event, expected) => expect(getEventSource(event)).toBe(expected));
});

describe('mergeEvents', () => {
  const e = (uid: string, type: string, lastTimestamp: string): EventLike => ({
    metadata: { uid },
    type,
    lastTimestamp,
  });
  const vmEvents = [
    e('1', 'Normal', '2026-01-01T00:00:01Z'),
    e('2', 'Warning', '2026-01-01T00:00:03Z'),
  ];
  const podEvents = [
    e('3', 'Normal', '2026-01-01T00:00:02Z'),
    e('1', 'Normal', '2026-01-01T00:00:01Z'),
  ];

  it.each([
    ['All', ['2', '3', '1']],
    ['Normal', ['3', '1']],
    ['Warning', ['2']],
  ] as const)('%s: newest first, without duplicates', (type, uids) =>
    expect(mergeEvents([vmEvents, podEvents, undefined], type).map((x) => x.metadata?.uid)).toEqual(
      uids,
    ),
  );
});
