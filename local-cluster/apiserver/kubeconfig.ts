import { dump } from 'js-yaml';
import type { TokenEntry } from './auth/users';

/** A kubeconfig with one context per local user, the file `kubectl` and client libraries read. */
export const kubeconfigYaml = (
  server: string,
  caCertificate: string,
  users: TokenEntry[],
  currentUser = 'admin',
): string =>
  dump({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name: 'local-cluster',
        cluster: {
          server,
          'certificate-authority-data': Buffer.from(caCertificate).toString('base64'),
        },
      },
    ],
    users: users.map((u) => ({ name: u.user.username, user: { token: u.token } })),
    contexts: users.map((u) => ({
      name: u.user.username,
      context: {
        cluster: 'local-cluster',
        user: u.user.username,
        namespace: u.user.username === 'developer' ? 'demo-dev' : 'default',
      },
    })),
    'current-context': currentUser,
    preferences: {},
  });
