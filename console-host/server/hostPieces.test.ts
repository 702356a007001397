import type { IncomingMessage } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { passesCsrf, passesOriginCheck } from './csrf';
import { requestHeadersFor } from './httpProxy';
import { injectServerFlags, serverFlags } from './indexPage';
import { pluginCacheControl } from './pluginAssets';
import { upstreamFromKubeconfig } from './upstream';
import { splitProtocols } from './wsProxy';

const req = (headers: Record<string, string>, method = 'GET') =>
  ({ headers, method }) as unknown as IncomingMessage;

describe('console host pieces', () => {
  it('splits websocket subprotocols the console way', () => {
    const b64 = (s: string) => Buffer.from(s).toString('base64url');
    expect(
      splitProtocols(
        `plain.kubevirt.io, Impersonate-User.${b64('jane')}, Impersonate-Group.${b64('devs')}, ` +
          `base64url.bearer.authorization.k8s.io.${b64('stolen')}`,
      ),
    ).toEqual({
      protocols: ['plain.kubevirt.io'],
      impersonation: { user: 'jane', groups: ['devs'] },
    });
    expect(splitProtocols(undefined)).toEqual({ protocols: [], impersonation: { groups: [] } });
  });

  it('caches hashed plugin files forever and revalidates the rest', () => {
    expect(pluginCacheControl('plugin-manifest.json')).toBe('no-cache');
    expect(pluginCacheControl('plugin-entry.3f2a9c1d4e5f.min.js')).toContain('immutable');
    expect(pluginCacheControl('exposed-VMList-chunk-0a1b2c3d4e5f6a7b.min.js')).toContain(
      'immutable',
    );
    expect(pluginCacheControl('plugin-entry.js')).toBe('no-cache');
  });

  it('injects SERVER_FLAGS that cannot break out of their script', () => {
    const flags = serverFlags({
      plugins: ['p'],
      loginUser: '</script><script>alert(1)</script>',
      loginUsers: [],
      metricsAvailable: false,
    });
    const html = injectServerFlags('<html><head><title>x</title></head></html>', flags);
    expect(html).not.toContain('</script><script>alert');
    expect(html.indexOf('SERVER_FLAGS')).toBeLessThan(html.indexOf('<title>'));
  });

  it('checks CSRF and websocket Origin', () => {
    const token = 'a'.repeat(43);
    const cookie = `csrf-token=${token}`;
    expect(passesCsrf(req({}, 'GET'))).toBe(true);
    expect(passesCsrf(req({ cookie }, 'DELETE'))).toBe(false);
    expect(passesCsrf(req({ cookie, 'x-csrftoken': token }, 'DELETE'))).toBe(true);
    expect(passesCsrf(req({ 'x-csrftoken': token }, 'PATCH'))).toBe(false);
    expect(
      passesOriginCheck(req({ host: 'localhost:9000', origin: 'http://localhost:9000' })),
    ).toBe(true);
    expect(passesOriginCheck(req({ host: 'localhost:9000', origin: 'http://evil:9000' }))).toBe(
      false,
    );
    expect(passesOriginCheck(req({ host: 'localhost:9000' }))).toBe(false);
  });

  it('never forwards browser credentials or hop-by-hop headers upstream', () => {
    const out = requestHeadersFor(
      {
        cookie: 'csrf-token=x',
        authorization: 'Bearer browser',
        'x-csrftoken': 'x',
        connection: 'keep-alive, x-private',
        'x-private': '1',
        host: 'localhost:9000',
        accept: 'application/json',
      },
      'server-token',
    );
    expect(out).toEqual({ accept: 'application/json', authorization: 'Bearer server-token' });
  });

  it('reads kubeconfig token users of the same server only, the context user first', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubeconfig-'));
    try {
      const file = join(dir, 'config');
      writeFileSync(join(dir, 'token'), 'from-file\n');
      writeFileSync(
        file,
        JSON.stringify({
          apiVersion: 'v1',
          kind: 'Config',
          clusters: [
            { name: 'a', cluster: { server: 'https://a:6443', 'insecure-skip-tls-verify': true } },
            { name: 'b', cluster: { server: 'https://b:6443' } },
          ],
          users: [
            { name: 'ann', user: { token: 't-ann' } },
            { name: 'bob', user: { tokenFile: 'token' } },
            { name: 'other', user: { token: 't-other' } },
            { name: 'cert', user: { 'client-certificate-data': 'eA==' } },
          ],
          contexts: [
            { name: 'ann', context: { cluster: 'a', user: 'ann' } },
            { name: 'bob', context: { cluster: 'a', user: 'bob' } },
            { name: 'other', context: { cluster: 'b', user: 'other' } },
            { name: 'cert', context: { cluster: 'a', user: 'cert' } },
          ],
          'current-context': 'ann',
        }),
      );
      expect(upstreamFromKubeconfig(file, 'bob')).toEqual({
        server: 'https://a:6443',
        ca: undefined,
        skipTLSVerify: true,
        tlsServerName: undefined,
        users: [
          { username: 'bob', token: 'from-file' },
          { username: 'ann', token: 't-ann' },
        ],
      });
      expect(() => upstreamFromKubeconfig(file, 'cert')).toThrow(/bearer token/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
