import { applyPatch, JsonPatchError } from 'fast-json-patch';
import type { Operation } from 'fast-json-patch';
import { badRequest, StatusError } from '../core/statusError';
import { deepClone, hasOwn, isJsonObject } from './jsonValue';

/*
 * Error mapping, following kube-apiserver's patch handler:
 * - a body that does not decode as a patch (not an array, an operation that is not an object, an
 *   unknown `op`, a missing `path`/`from`/`value`) is the client's malformed request: 400 BadRequest;
 * - a well-formed patch that cannot be applied to this document (a failed `test`, a path that does
 *   not exist, an index out of range) is answered like kube's `NewGenericServerResponse(422, ...)`:
 *   422 Invalid with the generic message, the specific reason in an `UnexpectedServerResponse` cause.
 * kube itself only notices an unknown `op` while applying; rejecting it up front as 400 is stricter
 * and tells the client sooner.
 */

const OPS_WITH_VALUE = new Set(['add', 'replace', 'test']);
const OPS_WITH_FROM = new Set(['move', 'copy']);
const ALL_OPS = new Set(['add', 'remove', 'replace', 'move', 'copy', 'test']);

function validateOperations(patch: unknown): Operation[] {
  if (!Array.isArray(patch)) {
    throw badRequest('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  }
  patch.forEach((op: unknown, i) => {
    const where = `operation ${i}`;
    if (!isJsonObject(op)) throw badRequest(`invalid JSON patch: ${where} is not an object`);
    if (typeof op.op !== 'string' || !ALL_OPS.has(op.op)) {
      throw badRequest(`invalid JSON patch: ${where}: Unexpected kind: ${String(op.op)}`);
    }
    if (typeof op.path !== 'string' || (op.path !== '' && !op.path.startsWith('/'))) {
      throw badRequest(`invalid JSON patch: ${where} (${op.op}): missing or invalid "path"`);
    }
    if (
      OPS_WITH_FROM.has(op.op) &&
      (typeof op.from !== 'string' || (op.from !== '' && !op.from.startsWith('/')))
    ) {
      throw badRequest(`invalid JSON patch: ${where} (${op.op}): missing or invalid "from"`);
    }
    if (OPS_WITH_VALUE.has(op.op) && !hasOwn(op, 'value')) {
      throw badRequest(`invalid JSON patch: ${where} (${op.op}): missing "value"`);
    }
  });
  return patch as Operation[];
}

const unprocessable = (detail: string): StatusError =>
  new StatusError(
    422,
    'Invalid',
    'the server rejected our request due to an error in our request',
    {
      causes: [{ reason: 'UnexpectedServerResponse', message: detail }],
    },
  );

function describeFailure(error: InstanceType<typeof JsonPatchError>, ops: Operation[]): string {
  const op = error.index === undefined ? undefined : ops[error.index];
  const path = op ? op.path : '';
  switch (error.name) {
    case 'TEST_OPERATION_FAILED':
      return `testing value ${path} failed: test failed`;
    case 'OPERATION_FROM_UNRESOLVABLE':
      return `${op?.op ?? ''} operation does not apply: doc is missing from path: "${op && 'from' in op ? op.from : ''}"`;
    case 'OPERATION_PATH_CANNOT_ADD':
    case 'OPERATION_PATH_UNRESOLVABLE':
      return `${op?.op ?? ''} operation does not apply: doc is missing path: "${path}"`;
    case 'OPERATION_PATH_ILLEGAL_ARRAY_INDEX':
    case 'OPERATION_VALUE_OUT_OF_BOUNDS':
      return `${op?.op ?? ''} operation does not apply: invalid index in path: "${path}"`;
    default:
      return `${op?.op ?? ''} operation at "${path}" failed: ${error.message}`;
  }
}

/** Applies an RFC 6902 patch to a copy of `doc`; `doc` itself is never modified. */
export function applyJsonPatch(doc: unknown, patch: unknown): unknown {
  const ops = deepClone(validateOperations(patch));
  try {
    return applyPatch(deepClone(doc), ops, true, true, true).newDocument;
  } catch (e) {
    if (e instanceof JsonPatchError) throw unprocessable(describeFailure(e, ops));
    // fast-json-patch throws plain errors for prototype-pollution paths (`/__proto__`).
    if (e instanceof Error) throw unprocessable(e.message);
    throw e;
  }
}
