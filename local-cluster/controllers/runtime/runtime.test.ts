import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KubeObject } from '../../apiserver/core/types';
import { ApiError } from './apiClient';
import { Controller } from './controller';
import { CONFIG_MAP, EVENT, splitKey } from './resources';
import type { TestCluster } from './testCluster';
import { eventually, startTestCluster } from './testCluster';

describe('controller runtime', () => {
  let t: TestCluster;
  beforeAll(async () => {
    t = await startTestCluster();
  });
  afterAll(() => t.close());

  it('reconciles changes seen by an informer and records events', async () => {
    const informer = t.runtime.informers.for<KubeObject & { data?: Record<string, string> }>(
      CONFIG_MAP,
    );
    const seen: string[] = [];
    const events = t.runtime.eventsFor('test-controller');
    const controller = new Controller('test', async (key) => {
      const { namespace, name } = splitKey(key);
      const cm = informer.get(namespace, name);
      if (!cm || cm.data?.done === 'yes') return;
      seen.push(key);
      await t.runtime.client.patch(CONFIG_MAP, namespace, name, { data: { done: 'yes' } });
      events.record(cm, 'Normal', 'Reconciled', `marked ${name} done`);
    }).watch(informer);
    await informer.synced;
    await t.admin.create(CONFIG_MAP, 'demo-apps', {
      metadata: { name: 'reconcile-me' },
      data: { done: 'no' },
    });
    const cm = await eventually(
      () =>
        t.admin.get<KubeObject & { data: Record<string, string> }>(
          CONFIG_MAP,
          'demo-apps',
          'reconcile-me',
        ),
      (o) => o.data.done === 'yes',
    );
    expect(cm.metadata.managedFields?.map((f) => f.manager)).toContain('virt-controller');
    expect(seen.filter((k) => k === 'demo-apps/reconcile-me')).toHaveLength(1);
    const list = await eventually(
      () => t.admin.list(EVENT, 'demo-apps', { fieldSelector: 'involvedObject.name=reconcile-me' }),
      (l) => l.items.length === 1,
    );
    expect(list.items[0]).toMatchObject({ reason: 'Reconciled', type: 'Normal', count: 1 });
    controller.stop();
  });

  it('raises ApiError with the server Status', async () => {
    const err = await t.admin.get(CONFIG_MAP, 'demo-apps', 'missing').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toMatchObject({ reason: 'NotFound', code: 404 });
  });

  it('retries a failing reconcile with backoff until it succeeds', async () => {
    let calls = 0;
    const done = new Promise<void>((resolve) => {
      const c = new Controller('flaky', async () => {
        calls++;
        if (calls < 3) throw new Error('not yet');
        resolve();
        c.stop();
      });
      c.enqueue('x');
    });
    await done;
    expect(calls).toBe(3);
  });
});
