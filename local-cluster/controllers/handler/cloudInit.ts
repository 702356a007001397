import { load } from 'js-yaml';
import type { Vmi } from './kubevirtObjects';

/** What the guest takes from cloud-init: who can log in, and its name. */
export interface CloudInitLogin {
  user?: string;
  password?: string;
  hostname?: string;
}

/** Where a VMI's cloud-init user data is: inline, or in a Secret to read. */
export type UserDataSource = { inline: string } | { secretName: string } | undefined;

type CloudInitVolume = {
  userData?: string;
  userDataBase64?: string;
  secretRef?: { name?: string };
};

/** The user data of the VMI's first NoCloud or ConfigDrive volume. */
export const userDataSourceOf = (vmi: Vmi): UserDataSource => {
  for (const v of vmi.spec.volumes ?? []) {
    const ci = (v.cloudInitNoCloud ?? v.cloudInitConfigDrive) as CloudInitVolume | undefined;
    if (!ci) continue;
    if (ci.userData) return { inline: ci.userData };
    if (ci.userDataBase64) return { inline: Buffer.from(ci.userDataBase64, 'base64').toString() };
    if (ci.secretRef?.name) return { secretName: ci.secretRef.name };
  }
  return undefined;
};

const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v ? v : typeof v === 'number' ? String(v) : undefined;

/** `user:password` lines of chpasswd's `list` (a string or a list of strings). */
const chpasswdPairs = (list: unknown): [string, string][] => {
  const lines = Array.isArray(list)
    ? list.map(String)
    : typeof list === 'string'
      ? list.split('\n')
      : [];
  return lines
    .map((l) => l.trim())
    .filter((l) => l.includes(':'))
    .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1)]);
};

/**
 * Reads the login a `#cloud-config` sets: `user` + `password` (what the console's create flows
 * write), `chpasswd` lists and `users` entries with a plain-text password; and `hostname`/`fqdn`.
 * Anything that is not cloud-config (a shell script) sets nothing.
 */
export const parseCloudInit = (userData: string): CloudInitLogin => {
  if (!/^\s*#cloud-config/.test(userData)) return {};
  let doc: unknown;
  try {
    doc = load(userData);
  } catch {
    return {};
  }
  if (!doc || typeof doc !== 'object') return {};
  const cfg = doc as Record<string, unknown>;
  let user = str(cfg.user) ?? (cfg.user as { name?: unknown } | undefined)?.name;
  let password = str(cfg.password);
  const chpasswd = cfg.chpasswd as
    { list?: unknown; users?: { name?: unknown; password?: unknown }[] } | undefined;
  const pairs: [string, string][] = [
    ...chpasswdPairs(chpasswd?.list),
    ...(chpasswd?.users ?? []).flatMap((u): [string, string][] =>
      str(u.name) && str(u.password) ? [[String(u.name), String(u.password)]] : [],
    ),
  ];
  for (const entry of Array.isArray(cfg.users) ? cfg.users : []) {
    if (entry && typeof entry === 'object') {
      const u = entry as Record<string, unknown>;
      if (str(u.name) && str(u.plain_text_passwd))
        pairs.push([String(u.name), String(u.plain_text_passwd)]);
    }
  }
  if (!password) {
    const match = pairs.find(([u]) => !user || u === user) ?? pairs[0];
    if (match) {
      user ??= match[0];
      password = match[1];
    }
  }
  const hostname = str(cfg.hostname) ?? str(cfg.fqdn)?.split('.')[0];
  return {
    ...(typeof user === 'string' && user ? { user } : {}),
    ...(password ? { password } : {}),
    ...(hostname ? { hostname } : {}),
  };
};
