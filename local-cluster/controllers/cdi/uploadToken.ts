import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * CDI's upload tokens: a JWT the cdi-apiserver signs when a user creates an UploadTokenRequest,
 * naming the one PVC it lets the bearer upload into, valid for five minutes. CDI signs with RS256
 * and the upload proxy holds the public key; here signer and verifier share one process, so an HMAC
 * key (HS256) gives the same guarantees.
 */

export const UPLOAD_TOKEN_ISSUER = 'cdi-apiserver';
export const UPLOAD_TOKEN_TTL_SECONDS = 5 * 60;
/** Clock skew the proxy tolerates, as CDI's validator does. */
export const UPLOAD_TOKEN_LEEWAY_SECONDS = 10;

export interface UploadTokenPayload {
  iss: string;
  iat: number;
  nbf: number;
  exp: number;
  operation: 'Upload';
  name: string;
  namespace: string;
  resource: { group: string; version: string; resource: 'persistentvolumeclaims' };
}

const b64 = (data: string | Buffer): string => Buffer.from(data).toString('base64url');

const sign = (key: Buffer, data: string): string =>
  createHmac('sha256', key).update(data).digest('base64url');

export const signUploadToken = (
  key: Buffer,
  claim: { namespace: string; name: string },
  nowSeconds: number,
  ttlSeconds = UPLOAD_TOKEN_TTL_SECONDS,
): string => {
  const payload: UploadTokenPayload = {
    iss: UPLOAD_TOKEN_ISSUER,
    iat: nowSeconds,
    nbf: nowSeconds,
    exp: nowSeconds + ttlSeconds,
    operation: 'Upload',
    name: claim.name,
    namespace: claim.namespace,
    resource: { group: '', version: 'v1', resource: 'persistentvolumeclaims' },
  };
  const unsigned = `${b64(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64(JSON.stringify(payload))}`;
  return `${unsigned}.${sign(key, unsigned)}`;
};

export type TokenCheck =
  | { ok: true; payload: UploadTokenPayload }
  | { ok: false; reason: 'malformed' | 'signature' | 'expired' | 'not-yet-valid' | 'issuer' };

export const verifyUploadToken = (
  key: Buffer,
  token: string,
  nowSeconds: number,
  leewaySeconds = UPLOAD_TOKEN_LEEWAY_SECONDS,
): TokenCheck => {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'malformed' };
  const expected = Buffer.from(sign(key, `${parts[0]}.${parts[1]}`));
  const given = Buffer.from(parts[2]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return { ok: false, reason: 'signature' };
  let payload: UploadTokenPayload;
  try {
    payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as UploadTokenPayload;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (payload.iss !== UPLOAD_TOKEN_ISSUER) return { ok: false, reason: 'issuer' };
  if (typeof payload.exp !== 'number' || nowSeconds > payload.exp + leewaySeconds)
    return { ok: false, reason: 'expired' };
  if (typeof payload.nbf === 'number' && nowSeconds < payload.nbf - leewaySeconds)
    return { ok: false, reason: 'not-yet-valid' };
  return { ok: true, payload };
};
