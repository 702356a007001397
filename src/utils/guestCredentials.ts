import { load } from 'js-yaml';
import type { VirtualMachine } from '../models/types';
import { getCloudInit } from './vmSpec/cloudInit';

/** The guest login cloud-init creates (`user:` and `password:` of its `#cloud-config`). */
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

/**
 * User and password from cloud-init user data (the `#cloud-config` header is a YAML comment).
 * Undefined when the data is not a YAML mapping, cannot be parsed, or sets neither.
 */
export const parseGuestCredentials = (userData: string): GuestCredentials | undefined => {
  let doc: unknown;
  try {
    doc = load(userData);
  } catch {
    return undefined;
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return undefined;
  const { user, password } = doc as Record<string, unknown>;
  const credentials: GuestCredentials = {
    user: scalarText(user),
    password: scalarText(password),
  };
  return credentials.user || credentials.password ? credentials : undefined;
};

/** The VM's guest login from its cloud-init volume (NoCloud or ConfigDrive), if it sets one. */
export const getGuestCredentials = (vm: VirtualMachine): GuestCredentials | undefined => {
  const cloudInit = getCloudInit(vm);
  return cloudInit ? parseGuestCredentials(cloudInit.userData) : undefined;
};
