import { describe, expect, it } from 'vitest';
import { getErrorMessage, isConflictError } from './errors';

const httpError = (code: number, json: object) =>
  Object.assign(new Error('fallback'), { code, json });

describe('errors', () => {
  it('shows the Status message with its field causes', () => {
    const e = httpError(422, {
      message: 'VirtualMachine.kubevirt.io "x" is invalid',
      details: {
        causes: [{ field: 'spec.template.spec.domain.cpu.cores', message: 'must be > 0' }],
      },
    });
    expect(getErrorMessage(e)).toBe(
      'VirtualMachine.kubevirt.io "x" is invalid: spec.template.spec.domain.cpu.cores: must be > 0',
    );
    expect(getErrorMessage(new Error('network down'))).toBe('network down');
  });

  it('treats 409 and a failed resourceVersion test as a conflict, nothing else', () => {
    expect(isConflictError(httpError(409, { message: 'conflict' }))).toBe(true);
    const failedTest = httpError(422, {
      message: 'the server rejected our request due to an error in our request',
      details: {
        causes: [{ message: 'testing value /metadata/resourceVersion failed: test failed' }],
      },
    });
    expect(isConflictError(failedTest)).toBe(true);
    expect(isConflictError(httpError(422, { message: 'invalid', details: { causes: [] } }))).toBe(
      false,
    );
    expect(isConflictError(httpError(403, { message: 'forbidden' }))).toBe(false);
    expect(isConflictError(httpError(409, { message: 'exists', reason: 'AlreadyExists' }))).toBe(
      false,
    );
  });
});
