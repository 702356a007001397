import { randomBytes } from 'node:crypto';
import type { UserInfo } from '../core/types';
import type { ObjectStore } from '../storage/objectStore';

/** The people who can log in to the local cluster; RBAC bindings in the seed give them rights.
 * They stand for users logged in through OpenShift's OAuth server, hence that group. */
export const LOCAL_USERS: UserInfo[] = [
  {
    username: 'admin',
    uid: 'b0d3c9a2-0000-4000-8000-00000000ad01',
    groups: ['system:authenticated:oauth'],
  },
  {
    username: 'developer',
    uid: 'b0d3c9a2-0000-4000-8000-00000000de01',
    groups: ['system:authenticated:oauth'],
  },
];

/** In-cluster identity of the local controllers; system:masters bypasses RBAC as in kube. */
export const CONTROLLER_USER: UserInfo = {
  username: 'system:serviceaccount:openshift-cnv:virt-controllers',
  groups: ['system:masters', 'system:serviceaccounts', 'system:serviceaccounts:openshift-cnv'],
};

export interface TokenEntry {
  token: string;
  user: UserInfo;
}

/**
 * Bearer tokens, one per identity, created at the first start of a data dir and kept in it, so a
 * kubeconfig written once stays valid across restarts. Tokens are never logged.
 */
export class Authenticator {
  private readonly byToken = new Map<string, UserInfo>();
  readonly entries: TokenEntry[];

  constructor(store: ObjectStore) {
    const saved = store.getMeta('tokens');
    const tokens = saved ? (JSON.parse(saved) as Record<string, string>) : {};
    const identities = [...LOCAL_USERS, CONTROLLER_USER];
    for (const u of identities)
      tokens[u.username] ??= `sha256~${randomBytes(32).toString('base64url')}`;
    store.setMeta('tokens', JSON.stringify(tokens));
    this.entries = identities.map((user) => ({ token: tokens[user.username], user }));
    for (const e of this.entries) this.byToken.set(e.token, e.user);
  }

  /** The user behind an `Authorization` header; every authenticated user is in system:authenticated. */
  authenticate(authorization: string | undefined): UserInfo | undefined {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    const user = match ? this.byToken.get(match[1]) : undefined;
    return user && { ...user, groups: [...user.groups, 'system:authenticated'] };
  }

  tokenOf(username: string): string {
    const e = this.entries.find((x) => x.user.username === username);
    if (!e) throw new Error(`no token for ${username}`);
    return e.token;
  }
}
