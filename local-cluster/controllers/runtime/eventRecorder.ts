import { randomBytes } from 'node:crypto';
import type { KubeObject } from '../../apiserver/core/types';
import type { ApiClient } from './apiClient';
import { EVENT } from './resources';

interface Recorded {
  name: string;
  namespace: string;
  count: number;
}

/** Events about one object with the same reason and message within this window are one Event
 * with a growing count, as kube's event correlator does. */
const AGGREGATE_MS = 10 * 60_000;
const MAX_REMEMBERED = 5000;

/** Writes core/v1 Events for the objects a controller acts on, so Events tabs have real content. */
export class EventRecorder {
  private readonly recent = new Map<string, Recorded & { at: number }>();

  constructor(
    private readonly client: ApiClient,
    private readonly component: string,
    private readonly log: (message: string) => void,
  ) {}

  /** Fire and forget: an event that cannot be written never fails the reconcile that caused it. */
  record(obj: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string): void {
    void this.write(obj, type, reason, message).catch((err: unknown) =>
      this.log(`event ${reason} for ${obj.metadata.name ?? ''}: ${String(err)}`),
    );
  }

  private async write(
    obj: KubeObject,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
  ): Promise<void> {
    const namespace = obj.metadata.namespace ?? 'default';
    const key = `${obj.metadata.uid ?? ''}|${reason}|${message}`;
    const now = new Date();
    const seen = this.recent.get(key);
    if (seen && now.getTime() - seen.at < AGGREGATE_MS) {
      seen.count++;
      seen.at = now.getTime();
      await this.client.patch(EVENT, seen.namespace, seen.name, {
        count: seen.count,
        lastTimestamp: now.toISOString(),
      });
      return;
    }
    const name = `${obj.metadata.name ?? 'object'}.${randomBytes(8).toString('hex')}`;
    await this.client.create(EVENT, namespace, {
      metadata: { name, namespace },
      involvedObject: {
        apiVersion: obj.apiVersion,
        kind: obj.kind,
        name: obj.metadata.name,
        namespace: obj.metadata.namespace,
        uid: obj.metadata.uid,
        resourceVersion: obj.metadata.resourceVersion,
      },
      reason,
      message,
      type,
      count: 1,
      firstTimestamp: now.toISOString(),
      lastTimestamp: now.toISOString(),
      source: { component: this.component },
      reportingComponent: this.component,
      reportingInstance: `${this.component}-local`,
    });
    if (this.recent.size >= MAX_REMEMBERED) {
      const oldest = this.recent.keys().next().value;
      if (oldest !== undefined) this.recent.delete(oldest);
    }
    this.recent.set(key, { name, namespace, count: 1, at: now.getTime() });
  }
}
