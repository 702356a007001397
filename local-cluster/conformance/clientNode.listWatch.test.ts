import { CoreV1Api, makeInformer, Watch } from '@kubernetes/client-node';
import type { V1ConfigMap } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClusterUnderTest, Json } from './clusterUnderTest';
import {
  clusterUnderTest,
  createTestNamespace,
  deleteTestNamespaces,
  eventually,
  sleep,
} from './clusterUnderTest';

// The local server reads its bookmark interval when its modules load; clusterUnderTest imports
// them lazily, so setting it here (before the first call) gives quick bookmarks in this file.
process.env.LOCAL_CLUSTER_BOOKMARK_MS ??= '500';

let cluster: ClusterUnderTest;
let core: CoreV1Api;
let ns: string;
let selNs: string;
const aborts: AbortController[] = [];

beforeAll(async () => {
  cluster = await clusterUnderTest();
  core = cluster.kc.makeApiClient(CoreV1Api);
  ns = await createTestNamespace(cluster.kc);
  selNs = await createTestNamespace(cluster.kc);
});

afterAll(async () => {
  for (const a of aborts) a.abort();
  if (!cluster) return;
  await deleteTestNamespaces(cluster.kc, [ns, selNs]);
  await cluster.close();
});

const cm = (name: string, labels: Record<string, string> = {}): V1ConfigMap => ({
  metadata: { name, labels },
  data: { name },
});

interface WatchEvent {
  type: string;
  object: Json;
}

/** Starts a client-node watch and collects its events until aborted. */
const startWatch = async (
  path: string,
  params: Record<string, string | number | boolean | undefined>,
): Promise<{ events: WatchEvent[]; done: Promise<unknown>; abort: () => void }> => {
  const events: WatchEvent[] = [];
  let resolveDone: (v: unknown) => void = () => undefined;
  const done = new Promise((r) => {
    resolveDone = r;
  });
  const controller = await new Watch(cluster.kc).watch(
    path,
    params,
    (type, object) => events.push({ type, object }),
    (err) => resolveDone(err),
  );
  aborts.push(controller);
  return { events, done, abort: () => controller.abort() };
};

const namesOf = (items: V1ConfigMap[]): string[] => items.map((i) => i.metadata?.name as string);

describe('list paging with limit and continue', () => {
  it('pages through 25 ConfigMaps exactly once from a consistent snapshot', async () => {
    for (let i = 0; i < 25; i++) {
      await core.createNamespacedConfigMap({
        namespace: ns,
        body: cm(`page-${String(i).padStart(2, '0')}`, { paging: 'yes' }),
      });
    }
    const seen: string[] = [];
    let cont: string | undefined;
    let firstRv: string | undefined;
    let pages = 0;
    do {
      const page = await core.listNamespacedConfigMap({
        namespace: ns,
        labelSelector: 'paging=yes',
        limit: 10,
        _continue: cont,
      });
      pages++;
      expect(page.items.length).toBeLessThanOrEqual(10);
      firstRv ??= page.metadata?.resourceVersion;
      expect(page.metadata?.resourceVersion).toBe(firstRv);
      seen.push(...namesOf(page.items));
      cont = page.metadata?._continue;
      if (cont) expect(page.metadata?.remainingItemCount).toBe(25 - seen.length);
      if (pages === 1) {
        // Created after the first page: a consistent paged list must not show it.
        await core.createNamespacedConfigMap({
          namespace: ns,
          body: cm('page-late', { paging: 'yes' }),
        });
      }
    } while (cont);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
    expect(seen).not.toContain('page-late');
    const fresh = await core.listNamespacedConfigMap({
      namespace: ns,
      labelSelector: 'paging=yes',
    });
    expect(fresh.items).toHaveLength(26);
    expect(fresh.metadata?._continue).toBeFalsy();
  });

  it('rejects a malformed continue token with 400', async () => {
    await expect(
      core.listNamespacedConfigMap({ namespace: ns, limit: 5, _continue: 'not-a-token' }),
    ).rejects.toMatchObject({
      code: 400,
    });
  });
});

describe('selectors', () => {
  beforeAll(async () => {
    await core.createNamespacedConfigMap({
      namespace: selNs,
      body: cm('s-a', { app: 'a', env: 'prod' }),
    });
    await core.createNamespacedConfigMap({
      namespace: selNs,
      body: cm('s-b', { app: 'b', env: 'dev' }),
    });
    await core.createNamespacedConfigMap({
      namespace: selNs,
      body: cm('s-c', { app: 'c', x: '1' }),
    });
    await core.createNamespacedConfigMap({ namespace: selNs, body: cm('s-d', {}) });
  });

  const select = async (labelSelector?: string, fieldSelector?: string): Promise<string[]> =>
    namesOf(
      (await core.listNamespacedConfigMap({ namespace: selNs, labelSelector, fieldSelector }))
        .items,
    )
      .filter((n) => n.startsWith('s-'))
      .sort();

  it('supports set-based label selectors', async () => {
    expect(await select('app in (a,b)')).toEqual(['s-a', 's-b']);
    expect(await select('app notin (a,b)')).toEqual(['s-c', 's-d']);
    expect(await select('app')).toEqual(['s-a', 's-b', 's-c']);
  });

  it('supports does-not-exist and inequality', async () => {
    expect(await select('!x')).toEqual(['s-a', 's-b', 's-d']);
    expect(await select('env!=prod')).toEqual(['s-b', 's-c', 's-d']);
    expect(await select('app,env!=prod')).toEqual(['s-b', 's-c']);
  });

  it('supports field selectors on metadata.name', async () => {
    expect(await select(undefined, 'metadata.name=s-c')).toEqual(['s-c']);
    expect(await select(undefined, 'metadata.name!=s-c')).toEqual(['s-a', 's-b', 's-d']);
    expect(await select('app in (a,b)', 'metadata.name=s-a')).toEqual(['s-a']);
  });

  it('rejects an unknown field selector and a malformed label selector with 400', async () => {
    await expect(
      core.listNamespacedConfigMap({ namespace: selNs, fieldSelector: 'spec.nope=1' }),
    ).rejects.toMatchObject({ code: 400 });
    await expect(
      core.listNamespacedConfigMap({ namespace: selNs, labelSelector: 'app in (a' }),
    ).rejects.toMatchObject({ code: 400 });
  });
});

describe('Watch', () => {
  it('streams ADDED, MODIFIED and DELETED from a resourceVersion', async () => {
    const list = await core.listNamespacedConfigMap({ namespace: ns });
    const rv = list.metadata?.resourceVersion as string;
    const w = await startWatch(`/api/v1/namespaces/${ns}/configmaps`, { resourceVersion: rv });
    await core.createNamespacedConfigMap({ namespace: ns, body: cm('w-1') });
    await core.patchNamespacedConfigMap({
      name: 'w-1',
      namespace: ns,
      body: [{ op: 'add', path: '/data/more', value: 'x' }],
    });
    await core.deleteNamespacedConfigMap({ name: 'w-1', namespace: ns });
    const got = await eventually(
      () => w.events.filter((e) => e.object?.metadata?.name === 'w-1').length >= 3,
    );
    w.abort();
    expect(got).toBe(true);
    const mine = w.events.filter((e) => e.object?.metadata?.name === 'w-1');
    expect(mine.map((e) => e.type)).toEqual(['ADDED', 'MODIFIED', 'DELETED']);
    expect(mine[1].object.data).toEqual({ name: 'w-1', more: 'x' });
    expect(Number(mine[2].object.metadata.resourceVersion)).toBeGreaterThan(
      Number(mine[1].object.metadata.resourceVersion),
    );
  });

  it('replays events after the given resourceVersion', async () => {
    const created = await core.createNamespacedConfigMap({ namespace: ns, body: cm('w-replay') });
    await core.patchNamespacedConfigMap({
      name: 'w-replay',
      namespace: ns,
      body: [{ op: 'add', path: '/data/k', value: 'v' }],
    });
    const w = await startWatch(`/api/v1/namespaces/${ns}/configmaps`, {
      resourceVersion: created.metadata?.resourceVersion,
      fieldSelector: 'metadata.name=w-replay',
    });
    const got = await eventually(() => w.events.length >= 1);
    w.abort();
    expect(got).toBe(true);
    expect(w.events[0].type).toBe('MODIFIED');
    expect(w.events[0].object.data.k).toBe('v');
  });

  it('sends DELETED when an object stops matching the label selector', async () => {
    const created = await core.createNamespacedConfigMap({
      namespace: ns,
      body: cm('w-sel', { watched: 'yes' }),
    });
    const w = await startWatch(`/api/v1/namespaces/${ns}/configmaps`, {
      resourceVersion: created.metadata?.resourceVersion,
      labelSelector: 'watched=yes',
    });
    await core.patchNamespacedConfigMap({
      name: 'w-sel',
      namespace: ns,
      body: [{ op: 'replace', path: '/metadata/labels/watched', value: 'no' }],
    });
    const got = await eventually(() => w.events.some((e) => e.type === 'DELETED'));
    w.abort();
    expect(got).toBe(true);
    expect(w.events.map((e) => e.type)).toEqual(['DELETED']);
    expect(w.events[0].object.metadata.name).toBe('w-sel');
    // The object still exists: it only left the selector.
    expect(
      (await core.readNamespacedConfigMap({ name: 'w-sel', namespace: ns })).metadata?.labels,
    ).toEqual({ watched: 'no' });
  });

  it('starts with synthetic ADDED events when no resourceVersion is given', async () => {
    await core.createNamespacedConfigMap({
      namespace: ns,
      body: cm('w-initial', { initial: 'yes' }),
    });
    const w = await startWatch(`/api/v1/namespaces/${ns}/configmaps`, {
      labelSelector: 'initial=yes',
    });
    const got = await eventually(() => w.events.length >= 1);
    w.abort();
    expect(got).toBe(true);
    expect(w.events[0]).toMatchObject({
      type: 'ADDED',
      object: { metadata: { name: 'w-initial' } },
    });
  });

  it('sends BOOKMARK events when allowWatchBookmarks is set', async (ctx) => {
    if (!cluster.local) ctx.skip(); // a real apiserver bookmarks about once a minute
    const list = await core.listNamespacedConfigMap({ namespace: ns });
    const w = await startWatch(`/api/v1/namespaces/${ns}/configmaps`, {
      resourceVersion: list.metadata?.resourceVersion,
      allowWatchBookmarks: true,
    });
    const got = await eventually(() => w.events.some((e) => e.type === 'BOOKMARK'), 5000);
    w.abort();
    expect(got).toBe(true);
    const bookmark = w.events.find((e) => e.type === 'BOOKMARK') as WatchEvent;
    expect(bookmark.object.kind).toBe('ConfigMap');
    expect(Number(bookmark.object.metadata.resourceVersion)).toBeGreaterThanOrEqual(
      Number(list.metadata?.resourceVersion),
    );
  });

  it('ends a watch from a compacted resourceVersion with a 410 ERROR event', async (ctx) => {
    if (!cluster.local) ctx.skip();
    const list = await core.listNamespacedConfigMap({ namespace: ns });
    await core.createNamespacedConfigMap({ namespace: ns, body: cm('w-compacted') });
    cluster.localCluster?.context.cache.compact();
    const w = await startWatch(`/api/v1/namespaces/${ns}/configmaps`, {
      resourceVersion: list.metadata?.resourceVersion,
    });
    await w.done;
    expect(w.events).toHaveLength(1);
    expect(w.events[0].type).toBe('ERROR');
    expect(w.events[0].object).toMatchObject({ kind: 'Status', code: 410, reason: 'Expired' });
  });
});

describe('makeInformer', () => {
  it('converges to the right set after a relist forced by 410 Gone', async (ctx) => {
    if (!cluster.local) ctx.skip();
    const infNs = await createTestNamespace(cluster.kc);
    try {
      for (const n of ['inf-keep', 'inf-drop'])
        await core.createNamespacedConfigMap({ namespace: infNs, body: cm(n) });
      const informer = makeInformer(cluster.kc, `/api/v1/namespaces/${infNs}/configmaps`, () =>
        core.listNamespacedConfigMap({ namespace: infNs }),
      );
      const deleted: string[] = [];
      const errors: unknown[] = [];
      informer.on('delete', (o) => deleted.push(o.metadata?.name as string));
      // stop() aborts the watch request, which client-node reports as an AbortError.
      informer.on('error', (e) => {
        if ((e as { name?: string })?.name !== 'AbortError') errors.push(e);
      });
      await informer.start();
      try {
        const names = () => namesOf([...informer.list(infNs)]).sort();
        expect(await eventually(() => names().join() === 'inf-drop,inf-keep')).toBe(true);

        // While the informer is away, the world changes and the history it would resume from is
        // compacted: its watch gets 410 and it must relist to find out.
        await informer.stop();
        await core.deleteNamespacedConfigMap({ name: 'inf-drop', namespace: infNs });
        await core.createNamespacedConfigMap({ namespace: infNs, body: cm('inf-new') });
        await core.patchNamespacedConfigMap({
          name: 'inf-keep',
          namespace: infNs,
          body: [{ op: 'add', path: '/data/v', value: '2' }],
        });
        cluster.localCluster?.context.cache.compact();
        await informer.start();

        const converged = await eventually(
          () =>
            names().join() === 'inf-keep,inf-new' &&
            informer.get('inf-keep', infNs)?.data?.v === '2',
          5000,
        );
        expect(converged).toBe(true);
        expect(deleted).toContain('inf-drop');

        // And it keeps watching after the relist.
        await core.createNamespacedConfigMap({ namespace: infNs, body: cm('inf-after') });
        expect(await eventually(() => names().includes('inf-after'))).toBe(true);
        expect(errors).toEqual([]);
      } finally {
        await informer.stop();
      }
    } finally {
      await deleteTestNamespaces(cluster.kc, [infNs]);
      await sleep(10);
    }
  });
});
