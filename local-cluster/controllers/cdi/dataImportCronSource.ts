import { createHash } from 'node:crypto';
import { isUnreachableSourceUrl } from '../runtime/simulation';
import type { DataImportCron } from './cdiTypes';

/**
 * What CDI's source-update poller learns about a DataImportCron's registry image, and the names CDI
 * derives from it. The local cluster has no registry: an image's digest is the SHA-256 of its URL,
 * so it is stable until the URL changes, and `.invalid` registries have no digest at all.
 */

const DIGEST_PREFIX = 'sha256:';
const DV_NAME_DIGEST_CHARS = 12;
const MAX_NAME = 63;

export const cronSourceUrl = (cron: DataImportCron): string | undefined =>
  cron.spec.template.spec.source?.registry?.url;

/** The digest the poller reports, or undefined when the registry cannot be reached. */
export const polledDigest = (url: string | undefined): string | undefined =>
  url && !isUnreachableSourceUrl(url)
    ? `${DIGEST_PREFIX}${createHash('sha256').update(url).digest('hex')}`
    : undefined;

/** `<managedDataSource>-<first 12 hex digits of the digest>` (shortened with a hash past 63). */
export const importDataVolumeName = (managedDataSource: string, digest: string): string => {
  const suffix = digest.slice(DIGEST_PREFIX.length, DIGEST_PREFIX.length + DV_NAME_DIGEST_CHARS);
  const name = `${managedDataSource}-${suffix}`;
  if (name.length <= MAX_NAME) return name;
  const h = createHash('sha256').update(managedDataSource).digest('hex').slice(0, 8);
  return `${managedDataSource.slice(0, MAX_NAME - suffix.length - h.length - 2)}-${h}-${suffix}`;
};

/** The image pinned to a digest: `docker://repo/image:tag` becomes `docker://repo/image@sha256:…`. */
export const digestedUrl = (url: string, digest: string): string => {
  const m = /^(docker:\/\/)?(.*)$/.exec(url);
  const scheme = m?.[1] ?? '';
  let ref = (m?.[2] ?? url).replace(/@sha256:[0-9a-f]+$/, '');
  const slash = ref.lastIndexOf('/');
  const colon = ref.lastIndexOf(':');
  if (colon > slash) ref = ref.slice(0, colon);
  return `${scheme}${ref}@${digest}`;
};
