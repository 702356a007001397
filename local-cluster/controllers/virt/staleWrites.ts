import { ApiError, isNotFound } from '../runtime/apiClient';

/** A JSON patch whose `test` failed: the object changed since it was read. */
export const isFailedTest = (err: unknown): boolean =>
  err instanceof ApiError &&
  err.code === 422 &&
  (err.status.details?.causes ?? []).some((c) => c.message.includes('test failed'));

/**
 * Runs a write whose failure only means the controller's view was stale (a failed `test`) or the
 * object is gone: the change that caused it is already on its way through the informer and will
 * bring the key back, so there is nothing to retry or report.
 */
export const unlessStale = async <T>(write: Promise<T>): Promise<T | undefined> => {
  try {
    return await write;
  } catch (err) {
    if (isFailedTest(err) || isNotFound(err)) return undefined;
    throw err;
  }
};
