import { describe, expect, it } from 'vitest';
import { ApiError } from '../runtime/apiClient';
import { unlessStale } from './staleWrites';

const failedTest = new ApiError(422, {
  code: 422,
  reason: 'Invalid',
  message: 'the server rejected our request due to an error in our request',
  details: {
    causes: [
      {
        reason: 'UnexpectedServerResponse',
        message: 'testing value /metadata/finalizers failed: test failed',
      },
    ],
  },
});

describe('unlessStale', () => {
  it('passes the result through', async () => {
    expect(await unlessStale(Promise.resolve(1))).toBe(1);
  });
  it('swallows failed tests and vanished objects', async () => {
    expect(await unlessStale(Promise.reject(failedTest))).toBeUndefined();
    expect(
      await unlessStale(Promise.reject(new ApiError(404, { code: 404, reason: 'NotFound' }))),
    ).toBeUndefined();
  });
  it('keeps conflicts and other errors for the retry logic', async () => {
    await expect(
      unlessStale(Promise.reject(new ApiError(409, { code: 409, reason: 'Conflict' }))),
    ).rejects.toBeInstanceOf(ApiError);
    await expect(
      unlessStale(
        Promise.reject(
          new ApiError(422, { code: 422, reason: 'Invalid', message: 'spec.x: Invalid value' }),
        ),
      ),
    ).rejects.toBeInstanceOf(ApiError);
  });
});
