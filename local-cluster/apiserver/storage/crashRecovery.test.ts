import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { load } from 'js-yaml';

/** Starts the server as its own process, as `npm run cluster` does, and waits for `ready`. */
const startProcess = (dataDir: string): Promise<{ child: ChildProcess; url: string }> =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'local-cluster/apiserver/main.ts', '--data-dir', dataDir, '--api-only'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    const timer = setTimeout(
      () => reject(new Error(`server did not become ready: ${out}`)),
      30_000,
    );
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const url = /local cluster API server: (\S+)/.exec(out)?.[1];
      if (url && /^ready$/m.test(out)) {
        clearTimeout(timer);
        resolve({ child, url });
      }
    });
    child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });

const adminToken = (dataDir: string): string => {
  const cfg = load(readFileSync(join(dataDir, 'kubeconfig'), 'utf8')) as {
    users: { name: string; user: { token: string } }[];
  };
  return cfg.users.find((u) => u.name === 'admin')?.user.token ?? '';
};

describe('crash recovery', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'crash-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps every acknowledged write across kill -9 and resumes resourceVersions', async () => {
    const first = await startProcess(dataDir);
    const token = adminToken(dataDir);
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    const acknowledged: { name: string; rv: number }[] = [];
    let stop = false;
    const writers = Array.from({ length: 8 }, async (_, w) => {
      for (let i = 0; !stop; i++) {
        const name = `crash-${w}-${i}`;
        try {
          const r = await fetch(`${first.url}/api/v1/namespaces/default/configmaps`, {
            method: 'POST',
            headers,
            body: JSON.stringify({ metadata: { name }, data: { payload: 'x'.repeat(512) } }),
          });
          if (r.status === 201) {
            const body = (await r.json()) as { metadata: { resourceVersion: string } };
            acknowledged.push({ name, rv: Number(body.metadata.resourceVersion) });
          }
        } catch {
          return; // the server died under this request: it was never acknowledged
        }
      }
    });
    await new Promise((r) => setTimeout(r, 1500));
    const exited = new Promise((r) => first.child.once('exit', r));
    first.child.kill('SIGKILL');
    stop = true;
    await Promise.all(writers);
    await exited;
    expect(acknowledged.length).toBeGreaterThan(50);

    const second = await startProcess(dataDir);
    try {
      const r = await fetch(`${second.url}/api/v1/namespaces/default/configmaps`, { headers });
      const list = (await r.json()) as {
        metadata: { resourceVersion: string };
        items: { metadata: { name: string } }[];
      };
      const present = new Set(list.items.map((i) => i.metadata.name));
      const missing = acknowledged.filter((a) => !present.has(a.name));
      expect(missing).toEqual([]);
      const highest = Math.max(...acknowledged.map((a) => a.rv));
      expect(Number(list.metadata.resourceVersion)).toBeGreaterThanOrEqual(highest);
      const created = await fetch(`${second.url}/api/v1/namespaces/default/configmaps`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ metadata: { name: 'after-restart' } }),
      });
      const body = (await created.json()) as { metadata: { resourceVersion: string } };
      expect(Number(body.metadata.resourceVersion)).toBeGreaterThan(highest);
    } finally {
      second.child.kill('SIGTERM');
    }
  }, 60_000);
});
