import type { IncomingHttpHeaders } from 'node:http';
import { forbidden } from '../core/statusError';
import type { UserInfo } from '../core/types';
import { forbiddenMessage } from './rbacAuthorizer';
import type { RbacSource } from './rbacSource';
import { LOCAL_USERS } from './users';

const headerValues = (headers: IncomingHttpHeaders, name: string): string[] => {
  const v = headers[name];
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean);
};

/**
 * `Impersonate-User` / `Impersonate-Group` (kubectl `--as`, `--as-group`): the caller must be
 * allowed to `impersonate` the user and each group, as kube-apiserver checks; the request then runs
 * as that identity. A known local user keeps its own groups when no group is named.
 */
export const impersonate = (
  rbac: RbacSource,
  caller: UserInfo,
  headers: IncomingHttpHeaders,
): UserInfo => {
  const [username] = headerValues(headers, 'impersonate-user');
  const groups = headerValues(headers, 'impersonate-group');
  if (!username) return caller;
  const checks = [
    { resource: 'users', name: username },
    ...groups.map((g) => ({ resource: 'groups', name: g })),
  ];
  for (const c of checks) {
    const attrs = {
      resourceRequest: true as const,
      verb: 'impersonate',
      apiGroup: '',
      resource: c.resource,
      name: c.name,
    };
    if (!rbac.authorize(caller, attrs).allowed) throw forbidden(forbiddenMessage(caller, attrs));
  }
  const known = LOCAL_USERS.find((u) => u.username === username);
  const baseGroups = groups.length ? groups : (known?.groups ?? []);
  return {
    username,
    uid: known?.uid,
    groups: [...new Set([...baseGroups, 'system:authenticated'])],
  };
};
