import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { startLocalCluster } from './localCluster';

describe('local cluster lifecycle', () => {
  it('ends open watch streams cleanly when it shuts down', async () => {
    const cluster = await startLocalCluster({ inMemory: true });
    const token = cluster.tokenOf('admin');
    const ended = new Promise<string>((resolve, reject) => {
      const req = request(`${cluster.url}/api/v1/namespaces?watch=true`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      req.on('response', (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve(body));
        res.on('error', reject);
        // Closing once the stream is open: the response must end, not be cut off.
        setTimeout(() => void cluster.close(), 100);
      });
      req.on('error', reject);
      req.end();
    });
    await expect(ended).resolves.toContain('"type":"ADDED"');
  });

  it('serves the scale subresource of a VirtualMachineInstanceReplicaSet', async () => {
    const cluster = await startLocalCluster({ inMemory: true });
    try {
      const headers = {
        Authorization: `Bearer ${cluster.tokenOf('admin')}`,
        'Content-Type': 'application/json',
      };
      const base = `${cluster.url}/apis/kubevirt.io/v1/namespaces/default/virtualmachineinstancereplicasets`;
      const created = await fetch(base, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          apiVersion: 'kubevirt.io/v1',
          kind: 'VirtualMachineInstanceReplicaSet',
          metadata: { name: 'pool' },
          spec: {
            replicas: 1,
            selector: { matchLabels: { app: 'pool' } },
            template: {
              metadata: { labels: { app: 'pool' } },
              spec: { domain: { devices: {}, memory: { guest: '1Gi' } } },
            },
          },
        }),
      });
      expect(created.status).toBe(201);
      const scaled = await fetch(`${base}/pool/scale`, {
        method: 'PATCH',
        headers: { ...headers, 'Content-Type': 'application/merge-patch+json' },
        body: JSON.stringify({ spec: { replicas: 3 } }),
      });
      expect(scaled.status).toBe(200);
      expect(((await scaled.json()) as { spec: { replicas: number } }).spec.replicas).toBe(3);
      const after = (await (await fetch(`${base}/pool`, { headers })).json()) as {
        spec: { replicas: number };
      };
      expect(after.spec.replicas).toBe(3);
    } finally {
      await cluster.close();
    }
  });
});
