import { CoreV1Api } from '@kubernetes/client-node';
import type { V1Pod } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContainerLogSource } from '../apiserver/http/podLog';
import type { ClusterUnderTest } from './clusterUnderTest';
import {
  clusterUnderTest,
  createTestNamespace,
  deleteTestNamespaces,
  expectStatus,
  raw,
  uniqueName,
} from './clusterUnderTest';

let cluster: ClusterUnderTest;
let core: CoreV1Api;
let ns: string;

beforeAll(async () => {
  cluster = await clusterUnderTest();
  core = cluster.kc.makeApiClient(CoreV1Api);
  ns = await createTestNamespace(cluster.kc);
});

afterAll(async () => {
  if (!cluster) return;
  await deleteTestNamespaces(cluster.kc, [ns]);
  await cluster.close();
});

const twoContainers = (name: string): V1Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  spec: {
    containers: [
      { name: 'main', image: 'registry.example/main:1' },
      { name: 'sidecar', image: 'registry.example/sidecar:1' },
    ],
  },
});

describe('pods/log with @kubernetes/client-node', () => {
  it('asks for a container name when the pod has several, Kubernetes-style', async () => {
    const name = uniqueName('log');
    await core.createNamespacedPod({ namespace: ns, body: twoContainers(name) });
    const status = await expectStatus(core.readNamespacedPodLog({ name, namespace: ns }));
    expect(status).toMatchObject({ code: 400, reason: 'BadRequest' });
    expect(status.message).toBe(
      `a container name must be specified for pod ${name}, choose one of: [main sidecar]`,
    );
    const bad = await expectStatus(
      core.readNamespacedPodLog({ name, namespace: ns, container: 'nope' }),
    );
    expect(bad).toMatchObject({
      code: 400,
      message: `container nope is not valid for pod ${name}`,
    });
    // Not on a node yet: an empty log.
    expect(await core.readNamespacedPodLog({ name, namespace: ns, container: 'main' })).toBe('');
  });

  it('answers 404 for a missing pod and 422 for invalid options', async () => {
    const missing = await expectStatus(
      core.readNamespacedPodLog({ name: 'no-such-pod', namespace: ns }),
    );
    expect(missing).toMatchObject({ code: 404, reason: 'NotFound' });
    expect(missing.message).toBe('pods "no-such-pod" not found');
    const name = uniqueName('log');
    await core.createNamespacedPod({ namespace: ns, body: twoContainers(name) });
    const invalid = await expectStatus(
      core.readNamespacedPodLog({ name, namespace: ns, container: 'main', tailLines: -1 }),
    );
    expect(invalid).toMatchObject({ code: 422, reason: 'Invalid' });
  });

  it.runIf(!process.env.CONFORMANCE_KUBECONFIG)(
    'reads a running container log with tailLines, timestamps and follow',
    async () => {
      const name = uniqueName('log');
      await core.createNamespacedPod({
        namespace: ns,
        body: {
          ...twoContainers(name),
          spec: { containers: twoContainers(name).spec?.containers ?? [], nodeName: 'n1' },
        },
      });
      const pod = await core.readNamespacedPod({ name, namespace: ns });
      pod.status = {
        phase: 'Running',
        containerStatuses: ['main', 'sidecar'].map((c) => ({
          name: c,
          image: 'x',
          imageID: '',
          ready: true,
          restartCount: 0,
          state: { running: { startedAt: new Date() } },
        })),
      };
      await core.replaceNamespacedPodStatus({ name, namespace: ns, body: pod });
      const t0 = Date.parse('2026-12-07T10:00:00Z');
      let writeLine: ((text: string) => void) | undefined;
      let endLog: (() => void) | undefined;
      const history = [
        { time: t0, text: 'first' },
        { time: t0 + 1000, text: 'second' },
      ];
      const source: ContainerLogSource = (p, container) =>
        p.metadata.name === name && container === 'sidecar'
          ? {
              ended: false,
              snapshot: () => history,
              subscribe: (onLine, onEnd) => {
                writeLine = (text) => onLine({ time: t0 + 2000, text });
                endLog = onEnd;
                return () => undefined;
              },
            }
          : undefined;
      const local = cluster.localCluster;
      if (!local) throw new Error('needs the local cluster');
      const logs = local.context.extensions.containerLogs;
      logs.push(source);
      try {
        expect(await core.readNamespacedPodLog({ name, namespace: ns, container: 'sidecar' })).toBe(
          'first\nsecond\n',
        );
        expect(
          await core.readNamespacedPodLog({
            name,
            namespace: ns,
            container: 'sidecar',
            tailLines: 1,
            timestamps: true,
          }),
        ).toBe('2026-12-07T10:00:01Z second\n');
        const following = raw(
          cluster.kc,
          'GET',
          `/api/v1/namespaces/${ns}/pods/${name}/log?container=sidecar&follow=true`,
        );
        for (let i = 0; i < 50 && !writeLine; i++) await new Promise((r) => setTimeout(r, 20));
        writeLine?.('third');
        endLog?.();
        const res = await following;
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toBe('text/plain');
        expect(res.text).toBe('first\nsecond\nthird\n');
        // The developer (no pods/log in the test namespace) is refused.
        const dev = await raw(
          cluster.kcAs('developer'),
          'GET',
          `/api/v1/namespaces/${ns}/pods/${name}/log?container=sidecar`,
        );
        expect(dev.status).toBe(403);
        expect(dev.json?.details?.kind).toBe('pods/log');
      } finally {
        logs.splice(logs.indexOf(source), 1);
      }
    },
  );
});
