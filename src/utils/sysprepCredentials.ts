import type { GuestCredentials } from './guestCredentials';
import { SYSPREP_FILES, type SysprepFile, type SysprepFiles } from './sysprep';

/** The Windows login an answer file sets, and which file it comes from. */
export type SysprepCredentials = GuestCredentials & { user: string; file: SysprepFile };

/** What the lookup reads of a parsed element (a DOM `Element` has these). */
export type XMLNode = {
  localName: string;
  children: ArrayLike<XMLNode>;
  textContent: string | null;
};

/** What the lookup reads of a parsed document (a DOM `Document`). */
export type XMLDocumentLike = {
  documentElement: XMLNode | null;
  getElementsByTagName(name: string): ArrayLike<unknown>;
};
export type ParseXMLDocument = (text: string) => XMLDocumentLike;

const parseWithDOM: ParseXMLDocument = (text) =>
  new DOMParser().parseFromString(text, 'application/xml');

/** The name of the built-in administrator account that `AdministratorPassword` sets. */
export const ADMINISTRATOR = 'Administrator';

const childList = (node: XMLNode | undefined): XMLNode[] => (node ? Array.from(node.children) : []);

/**
 * The first child with this local name. Answer files put their settings in the default
 * namespace `urn:schemas-microsoft-com:unattend` (and may use prefixes), so only the local name
 * is compared.
 */
const child = (node: XMLNode | undefined, name: string): XMLNode | undefined =>
  childList(node).find((c) => c.localName === name);

/** Every element with this local name, in document order. */
const descendants = (root: XMLNode, name: string): XMLNode[] => {
  const found: XMLNode[] = [];
  const walk = (node: XMLNode) => {
    for (const c of childList(node)) {
      if (c.localName === name) found.push(c);
      walk(c);
    }
  };
  walk(root);
  return found;
};

const text = (node: XMLNode | undefined): string | undefined => {
  const value = node?.textContent?.trim();
  return value ? value : undefined;
};

/** Base64 of UTF-16LE text (how Windows SIM hides passwords), or undefined when it is not. */
const decodeUTF16Base64 = (encoded: string): string | undefined => {
  const compact = encoded.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return undefined;
  let binary: string;
  try {
    binary = atob(compact.replace(/=+$/, '').padEnd(Math.ceil(compact.length / 4) * 4, '='));
  } catch {
    return undefined;
  }
  if (binary.length % 2 !== 0) return undefined;
  let decoded = '';
  for (let i = 0; i < binary.length; i += 2)
    decoded += String.fromCharCode(binary.charCodeAt(i) | (binary.charCodeAt(i + 1) << 8));
  return decoded;
};

/**
 * The password a `Password` or `AdministratorPassword` element sets: its `Value` as written when
 * `PlainText` is true. When it is false, Windows SIM stored base64 of the UTF-16LE password
 * followed by the element's name ("Password" or "AdministratorPassword"), which is decoded and
 * the suffix removed; a value that does not decode that way is not shown. Without `PlainText`
 * the form is not known, so nothing is shown; neither is an empty password.
 */
const passwordOf = (element: XMLNode | undefined): string | undefined => {
  if (!element) return undefined;
  const value = child(element, 'Value')?.textContent ?? '';
  const plainText = text(child(element, 'PlainText'))?.toLowerCase();
  if (plainText === 'true') return value || undefined;
  if (plainText !== 'false') return undefined;
  const decoded = decodeUTF16Base64(value);
  const suffix = element.localName;
  if (!decoded?.endsWith(suffix)) return undefined;
  return decoded.slice(0, -suffix.length) || undefined;
};

const sameUser = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/**
 * The Windows login an unattend answer file sets (pure apart from the parser): the AutoLogon
 * account (its `Username`, with its own password, else that of the local account of that name or,
 * for Administrator, the `AdministratorPassword`), else the first `LocalAccount` with a `Name`,
 * else the built-in Administrator when `UserAccounts/AdministratorPassword` is given. Windows
 * account names are compared without case. Undefined for text that is not well-formed XML (the
 * parser's `parsererror`), when no parser is available, or when the file names no account.
 */
export const parseSysprepCredentials = (
  xml: string,
  parse: ParseXMLDocument = parseWithDOM,
): GuestCredentials | undefined => {
  if (!xml.trimStart().startsWith('<')) return undefined;
  let doc: XMLDocumentLike;
  try {
    doc = parse(xml);
  } catch {
    return undefined;
  }
  const root = doc.documentElement;
  if (!root || root.localName === 'parsererror' || doc.getElementsByTagName('parsererror').length)
    return undefined;

  const userAccounts = descendants(root, 'UserAccounts');
  const adminElement = userAccounts.map((u) => child(u, 'AdministratorPassword')).find(Boolean);
  const localAccounts = userAccounts
    .flatMap((u) => childList(child(u, 'LocalAccounts')))
    .filter((a) => a.localName === 'LocalAccount')
    .map((a) => ({ user: text(child(a, 'Name')), password: passwordOf(child(a, 'Password')) }))
    .filter((a): a is { user: string; password: string | undefined } => Boolean(a.user));
  const adminPassword = passwordOf(adminElement);

  const autoLogon = descendants(root, 'AutoLogon').find((a) => text(child(a, 'Username')));
  const autoUser = text(child(autoLogon, 'Username'));
  if (autoUser) {
    const password =
      passwordOf(child(autoLogon, 'Password')) ??
      localAccounts.find((a) => sameUser(a.user, autoUser))?.password ??
      (sameUser(autoUser, ADMINISTRATOR) ? adminPassword : undefined);
    return { user: autoUser, password };
  }
  if (localAccounts.length) return localAccounts[0];
  if (adminElement) return { user: ADMINISTRATOR, password: adminPassword };
  return undefined;
};

/**
 * The login the VM's answer files set. KubeVirt puts both on the sysprep CD-ROM: Windows Setup
 * reads Autounattend.xml when it installs from media, a generalized (sysprepped) image reads
 * Unattend.xml at its first boot. Autounattend.xml is asked first, then Unattend.xml.
 */
export const getSysprepCredentials = (
  files: SysprepFiles,
  parse?: ParseXMLDocument,
): SysprepCredentials | undefined => {
  for (const file of SYSPREP_FILES) {
    const found = files[file].trim() ? parseSysprepCredentials(files[file], parse) : undefined;
    if (found?.user) return { ...found, user: found.user, file };
  }
  return undefined;
};

/** UTF-8 text of a Secret's base64 value, or undefined when it is not base64. */
const decodeSecretValue = (value: string): string | undefined => {
  try {
    const binary = atob(value.replace(/\s+/g, ''));
    return new TextDecoder('utf-8').decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
};

/**
 * The answer files of the sysprep volume's source: a ConfigMap's `data` as it is, a Secret's
 * `data` decoded from base64 (empty text for a missing or undecodable key).
 */
export const sysprepSourceFiles = (
  resource: { data?: Record<string, string> } | undefined,
  kind: 'configMap' | 'secret',
): SysprepFiles => {
  const read = (file: SysprepFile): string => {
    const value = resource?.data?.[file];
    if (value === undefined) return '';
    return kind === 'secret' ? (decodeSecretValue(value) ?? '') : value;
  };
  return { 'Autounattend.xml': read('Autounattend.xml'), 'Unattend.xml': read('Unattend.xml') };
};
