import { load } from 'js-yaml';

/**
 * Why a value is invalid. Validators return a code (or `undefined` when valid); the form turns it
 * into a localized message (`useValidationMessage`), so the rules stay pure and testable.
 */
export type ValidationIssue =
  | { code: 'required' }
  | { code: 'too-long'; max: number }
  | { code: 'dns-1123' }
  | { code: 'dns-1123-label' }
  | { code: 'quantity' }
  | { code: 'positive-integer' }
  | { code: 'min'; min: number }
  | { code: 'max'; max: number }
  | { code: 'label-key' }
  | { code: 'label-value' }
  | { code: 'duplicate' }
  | { code: 'yaml'; detail: string }
  | { code: 'cloud-init-mapping' }
  | { code: 'http-url' }
  | { code: 'image-reference' };

const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** A resource name (DNS-1123 subdomain): lowercase alphanumerics, `-` and `.`, at most 253. */
export const validateResourceName = (name: string): ValidationIssue | undefined => {
  if (!name) return { code: 'required' };
  if (name.length > 253) return { code: 'too-long', max: 253 };
  return DNS_1123_SUBDOMAIN.test(name) ? undefined : { code: 'dns-1123' };
};

/** A name that must be a DNS-1123 label (disk, NIC and network names; hostnames): at most 63. */
export const validateDNSLabel = (name: string): ValidationIssue | undefined => {
  if (!name) return { code: 'required' };
  if (name.length > 63) return { code: 'too-long', max: 63 };
  return DNS_1123_LABEL.test(name) ? undefined : { code: 'dns-1123-label' };
};

/** Kubernetes quantity: a decimal number with an optional binary or decimal suffix. */
const QUANTITY = /^([+-]?[0-9.]+)(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$/;

const SUFFIX_FACTORS: Record<string, number> = {
  '': 1,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/** A quantity's value in base units (bytes for memory), `undefined` when it is not one. */
export const parseQuantity = (quantity: string | number | undefined): number | undefined => {
  if (quantity === undefined) return undefined;
  if (typeof quantity === 'number') return quantity;
  const match = QUANTITY.exec(quantity.trim());
  if (!match || Number.isNaN(Number(match[1]))) return undefined;
  const [, number, suffix = ''] = match;
  const factor = /^[eE]/.test(suffix) ? 10 ** Number(suffix.slice(1)) : SUFFIX_FACTORS[suffix];
  return Number(number) * (factor ?? 1);
};

/** A positive quantity, optionally at least `min` base units (bytes). */
export const validateQuantity = (value: string, min = 1): ValidationIssue | undefined => {
  if (!value.trim()) return { code: 'required' };
  const parsed = parseQuantity(value);
  if (parsed === undefined || parsed <= 0) return { code: 'quantity' };
  return parsed < min ? { code: 'min', min } : undefined;
};

/** A whole number within bounds (vCPU sockets, cores, threads, ports). */
export const validateInteger = (
  value: string | number,
  min = 1,
  max = Number.MAX_SAFE_INTEGER,
): ValidationIssue | undefined => {
  const text = String(value).trim();
  if (!text) return { code: 'required' };
  if (!/^[0-9]+$/.test(text)) return { code: 'positive-integer' };
  const n = Number(text);
  if (n < min) return { code: 'min', min };
  return n > max ? { code: 'max', max } : undefined;
};

const LABEL_NAME = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)$/;

/** A label or annotation key: optional DNS-1123 subdomain prefix and `/`, then a 63-char name. */
export const validateLabelKey = (key: string): ValidationIssue | undefined => {
  if (!key) return { code: 'required' };
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined && (validateResourceName(prefix) || !prefix))
    return { code: 'label-key' };
  return name.length <= 63 && LABEL_NAME.test(name) ? undefined : { code: 'label-key' };
};

/** A label value: empty, or up to 63 alphanumerics with `-`, `_`, `.` inside. */
export const validateLabelValue = (value: string): ValidationIssue | undefined =>
  value === '' || (value.length <= 63 && LABEL_NAME.test(value))
    ? undefined
    : { code: 'label-value' };

/**
 * Cloud-init user data: `#cloud-config` documents must be YAML mappings; scripts (`#!`) and other
 * formats cloud-init accepts pass as they are.
 */
export const validateCloudInitUserData = (userData: string): ValidationIssue | undefined => {
  if (!userData.trim()) return { code: 'required' };
  if (!userData.trimStart().startsWith('#cloud-config')) return undefined;
  return validateYAMLMapping(userData);
};

/** YAML that must parse to a mapping (cloud-init network data, cloud-config). */
export const validateYAMLMapping = (text: string): ValidationIssue | undefined => {
  try {
    const doc = load(text);
    return doc && typeof doc === 'object' && !Array.isArray(doc)
      ? undefined
      : { code: 'cloud-init-mapping' };
  } catch (e) {
    return { code: 'yaml', detail: e instanceof Error ? e.message.split('\n')[0] : String(e) };
  }
};

/** An absolute `http://` or `https://` URL with a host and no spaces (CDI's HTTP import source). */
export const validateHTTPURL = (value: string): ValidationIssue | undefined => {
  const text = value.trim();
  if (!text) return { code: 'required' };
  if (/\s/.test(text)) return { code: 'http-url' };
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname
      ? undefined
      : { code: 'http-url' };
  } catch {
    return { code: 'http-url' };
  }
};

const DOMAIN_PART = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `${DOMAIN_PART}(?:\\.${DOMAIN_PART})*(?::[0-9]+)?`;
const PATH_PART = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const TAG = '[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const IMAGE_REFERENCE = new RegExp(
  `^(?:${DOMAIN}/)?${PATH_PART}(?:/${PATH_PART})*(?::${TAG})?(?:@${DIGEST})?$`,
);

/**
 * A container image reference as the registry import takes it: `[docker://][registry[:port]/]path`
 * with lowercase path components, then an optional `:tag` and `@digest`.
 */
export const validateImageReference = (value: string): ValidationIssue | undefined => {
  const text = value.trim();
  if (!text) return { code: 'required' };
  const reference = text.startsWith('docker://') ? text.slice('docker://'.length) : text;
  const name = reference.split('@')[0].replace(/:[^/]*$/, '');
  return name.length <= 255 && IMAGE_REFERENCE.test(reference)
    ? undefined
    : { code: 'image-reference' };
};
