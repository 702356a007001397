import { load } from 'js-yaml';
import type { VirtualMachine } from '../models/types';
import { getCloudInit } from './vmSpec/cloudInit';

/** The guest login cloud-init creates, as far as its `#cloud-config` shows it in plain text. */
export type GuestCredentials = {
  user?: string;
  password?: string;
};

/** A YAML scalar as the guest sees it (`password: 1234` is the text 1234); empty is unset. */
const scalarText = (value: unknown): string | undefined => {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
};

type Mapping = Record<string, unknown>;

const isMapping = (value: unknown): value is Mapping =>
  Boolean(value) && typeof value === 'object' && !Array.isArray(value);

/**
 * A plain-text password that `chpasswd` sets for the user: its `users:` entries of type `text`
 * (or without a type, unless the value looks like a crypt hash), or the older `list:` of
 * `name:password` lines. Hashed and RANDOM passwords cannot be shown.
 */
const chpasswdPassword = (chpasswd: unknown, user: string): string | undefined => {
  if (!isMapping(chpasswd)) return undefined;
  if (Array.isArray(chpasswd.users)) {
    for (const entry of chpasswd.users) {
      if (!isMapping(entry) || scalarText(entry.name) !== user) continue;
      const password = scalarText(entry.password);
      const type = scalarText(entry.type)?.toLowerCase();
      if (password && (type === 'text' || (type === undefined && !password.startsWith('$'))))
        return password;
    }
  }
  const lines =
    typeof chpasswd.list === 'string'
      ? chpasswd.list.split('\n')
      : Array.isArray(chpasswd.list)
        ? chpasswd.list
        : [];
  for (const line of lines) {
    const text = scalarText(line);
    const colon = text?.indexOf(':') ?? -1;
    if (text && colon > 0 && text.slice(0, colon) === user) {
      const password = text.slice(colon + 1);
      if (password && password !== 'R' && password !== 'RANDOM' && !password.startsWith('$'))
        return password;
    }
  }
  return undefined;
};

/**
 * User and password from cloud-init user data (the `#cloud-config` header is a YAML comment): the
 * default user (`user:`, whose password is `password:`), else the first named entry of `users:`
 * (its `plain_text_passwd`); `chpasswd` may give either one's password. Undefined when the data
 * is not a YAML mapping, cannot be parsed, or names neither a user nor a password.
 */
export const parseGuestCredentials = (userData: string): GuestCredentials | undefined => {
  let doc: unknown;
  try {
    doc = load(userData);
  } catch {
    return undefined;
  }
  if (!isMapping(doc)) return undefined;
  const topUser = scalarText(doc.user);
  const listed = topUser
    ? undefined
    : (Array.isArray(doc.users) ? doc.users : []).find(
        (entry): entry is Mapping => isMapping(entry) && Boolean(scalarText(entry.name)),
      );
  const user = topUser ?? scalarText(listed?.name);
  const password =
    (listed ? scalarText(listed.plain_text_passwd) : scalarText(doc.password)) ??
    (user ? chpasswdPassword(doc.chpasswd, user) : undefined);
  return user || password ? { user, password } : undefined;
};

/** The VM's guest login from its cloud-init volume (NoCloud or ConfigDrive), if it sets one. */
export const getGuestCredentials = (vm: VirtualMachine): GuestCredentials | undefined => {
  const cloudInit = getCloudInit(vm);
  return cloudInit ? parseGuestCredentials(cloudInit.userData) : undefined;
};
