/** The fields of a core `v1` Event the Events tab shows. */
export type EventLike = {
  metadata?: { uid?: string; name?: string; creationTimestamp?: string };
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  source?: { component?: string; host?: string };
  reportingComponent?: string;
  involvedObject?: { kind?: string; name?: string; uid?: string };
  firstTimestamp?: string | null;
  lastTimestamp?: string | null;
  eventTime?: string | null;
  series?: { count?: number; lastObservedTime?: string };
};

/** When the event was last seen: last timestamp, series, event time, else creation. */
export const getEventLastSeen = (event: EventLike): string | undefined =>
  event.lastTimestamp ||
  event.series?.lastObservedTime ||
  event.eventTime ||
  event.firstTimestamp ||
  event.metadata?.creationTimestamp ||
  undefined;

/** How often it happened (`count`, or the series' count), at least 1. */
export const getEventCount = (event: EventLike): number =>
  Math.max(1, event.series?.count ?? event.count ?? 1);

/** Who reported it: `component[, host]`. */
export const getEventSource = (event: EventLike): string | undefined => {
  const component = event.source?.component || event.reportingComponent;
  if (!component) return undefined;
  return event.source?.host ? `${component}, ${event.source.host}` : component;
};

/** Event type filter of the Events tab. */
export type EventTypeFilter = 'All' | 'Normal' | 'Warning';

/**
 * The events of several watches as one list: duplicates (same uid) dropped, filtered by type,
 * newest first.
 */
export const mergeEvents = <E extends EventLike>(
  lists: ReadonlyArray<readonly E[] | undefined>,
  type: EventTypeFilter = 'All',
): E[] => {
  const byKey = new Map<string, E>();
  for (const list of lists) {
    for (const event of list ?? []) {
      if (type !== 'All' && event.type !== type) continue;
      byKey.set(event.metadata?.uid ?? event.metadata?.name ?? String(byKey.size), event);
    }
  }
  const time = (e: E) => Date.parse(getEventLastSeen(e) ?? '') || 0;
  return [...byKey.values()].sort((a, b) => time(b) - time(a));
};
