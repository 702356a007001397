import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signUploadToken, verifyUploadToken } from './uploadToken';

const key = randomBytes(32);
const NOW = 1_800_000_000;
const claim = { namespace: 'demo-apps', name: 'upload-disk' };

describe('upload tokens', () => {
  it('carry the claim they were made for', () => {
    const check = verifyUploadToken(key, signUploadToken(key, claim, NOW), NOW + 60);
    expect(check).toMatchObject({
      ok: true,
      payload: {
        iss: 'cdi-apiserver',
        operation: 'Upload',
        name: 'upload-disk',
        namespace: 'demo-apps',
        resource: { resource: 'persistentvolumeclaims' },
        exp: NOW + 300,
      },
    });
  });

  it.each([
    ['after five minutes and the leeway', NOW + 311, 'expired'],
    ['before they are valid', NOW - 11, 'not-yet-valid'],
  ])('are refused %s', (_when, at, reason) => {
    expect(verifyUploadToken(key, signUploadToken(key, claim, NOW), at)).toEqual({
      ok: false,
      reason,
    });
  });

  it('are accepted within the leeway', () => {
    expect(verifyUploadToken(key, signUploadToken(key, claim, NOW), NOW + 305).ok).toBe(true);
  });

  it('cannot be forged or altered', () => {
    const token = signUploadToken(key, claim, NOW);
    const [h, p, s] = token.split('.');
    const other = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(p, 'base64url').toString()),
        name: 'someone-elses',
      }),
    ).toString('base64url');
    expect(verifyUploadToken(key, `${h}.${other}.${s}`, NOW)).toEqual({
      ok: false,
      reason: 'signature',
    });
    expect(verifyUploadToken(randomBytes(32), token, NOW)).toEqual({
      ok: false,
      reason: 'signature',
    });
    expect(verifyUploadToken(key, 'not-a-token', NOW)).toEqual({ ok: false, reason: 'malformed' });
  });
});
