import type { Status, StatusCause, StatusDetails } from './types';

/** An error that the HTTP layer answers with a Kubernetes `Status` body. Every module of the server
 * throws these for client mistakes, so no caller ever has to map errors to HTTP codes itself. */
export class StatusError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: StatusDetails,
  ) {
    super(message);
    this.name = 'StatusError';
  }

  toStatus(): Status {
    return {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: this.message,
      reason: this.reason,
      ...(this.details ? { details: this.details } : {}),
      code: this.code,
    };
  }
}

/** `resource` is the plural with its group (`virtualmachines.kubevirt.io`), as kube-apiserver words it. */
const qualified = (resource: string, group: string): string =>
  group ? `${resource}.${group}` : resource;

export const badRequest = (message: string, causes?: StatusCause[]): StatusError =>
  new StatusError(400, 'BadRequest', message, causes ? { causes } : undefined);

export const unauthorized = (): StatusError => new StatusError(401, 'Unauthorized', 'Unauthorized');

export const forbidden = (message: string, details?: StatusDetails): StatusError =>
  new StatusError(403, 'Forbidden', message, details);

export const notFound = (resource: string, group: string, name: string): StatusError =>
  new StatusError(404, 'NotFound', `${qualified(resource, group)} "${name}" not found`, {
    name,
    group,
    kind: resource,
  });

export const routeNotFound = (): StatusError =>
  new StatusError(404, 'NotFound', 'the server could not find the requested resource');

export const methodNotAllowed = (message: string): StatusError =>
  new StatusError(405, 'MethodNotAllowed', message);

export const alreadyExists = (resource: string, group: string, name: string): StatusError =>
  new StatusError(409, 'AlreadyExists', `${qualified(resource, group)} "${name}" already exists`, {
    name,
    group,
    kind: resource,
  });

export const conflict = (resource: string, group: string, name: string, why: string): StatusError =>
  new StatusError(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${qualified(resource, group)} "${name}": ${why}`,
    { name, group, kind: resource },
  );

export const gone = (message: string): StatusError => new StatusError(410, 'Expired', message);

export const payloadTooLarge = (): StatusError =>
  new StatusError(413, 'RequestEntityTooLarge', 'Request entity too large: limit is 3145728');

export const unsupportedMediaType = (contentType: string): StatusError =>
  new StatusError(
    415,
    'UnsupportedMediaType',
    `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json; got ${contentType}`,
  );

export const invalid = (
  kind: string,
  group: string,
  name: string,
  causes: StatusCause[],
): StatusError =>
  new StatusError(
    422,
    'Invalid',
    `${kind}${group ? `.${group}` : ''} "${name}" is invalid: ${causes
      .map((c) => (c.field ? `${c.field}: ${c.message}` : c.message))
      .join(', ')}`,
    { name, group, kind, causes },
  );

export const internalError = (): StatusError =>
  new StatusError(
    500,
    'InternalError',
    'an error on the server has prevented the request from succeeding',
  );
