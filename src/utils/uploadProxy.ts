/**
 * Where the browser sends an image: CDI's upload proxy, whose address CDIConfig's status gives as
 * a bare host (an OpenShift route) or, when an administrator overrode it, possibly a full URL.
 * A bare host gets the console page's own scheme, so an HTTPS console uploads over HTTPS.
 * The `-async` form endpoint answers once the bytes are in, without waiting for the conversion.
 */
export const uploadEndpoint = (uploadProxyURL: string, pageProtocol: string): string => {
  const base = uploadProxyURL.trim().replace(/\/+$/, '');
  const origin = /^[a-z][a-z0-9+.-]*:\/\//i.test(base) ? base : `${pageProtocol}//${base}`;
  return `${origin}/v1beta1/upload-form-async`;
};

/** A DataVolume's upload state as the dialog reports it. */
export type UploadPhase = 'waiting' | 'ready' | 'failed';

/**
 * Whether a DataVolume can take the upload now: `UploadReady` once CDI's upload server runs;
 * `Failed` (or a claim that was already populated) cannot take one; anything else is still coming.
 */
export const uploadPhase = (phase: string | undefined): UploadPhase => {
  if (phase === 'UploadReady') return 'ready';
  if (phase === 'Failed' || phase === 'Succeeded') return 'failed';
  return 'waiting';
};
