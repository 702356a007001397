import { StatusError } from '../../apiserver/core/statusError';

/**
 * The errors virt-api answers with. KubeVirt builds them with `v1.Resource("virtualmachine")`, a
 * singular resource in group kubevirt.io, so its messages read
 * `Operation cannot be fulfilled on virtualmachine.kubevirt.io "vm": VM is not running`.
 */
export type KubevirtResource = 'virtualmachine' | 'virtualmachineinstance';

const GROUP = 'kubevirt.io';

export const vmConflict = (resource: KubevirtResource, name: string, why: string): StatusError =>
  new StatusError(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${resource}.${GROUP} "${name}": ${why}`,
    { name, group: GROUP, kind: resource },
  );

export const vmNotFound = (resource: KubevirtResource, name: string): StatusError =>
  new StatusError(404, 'NotFound', `${resource}.${GROUP} "${name}" not found`, {
    name,
    group: GROUP,
    kind: resource,
  });

export const vmForbidden = (resource: KubevirtResource, name: string, why: string): StatusError =>
  new StatusError(403, 'Forbidden', `${resource}.${GROUP} "${name}" is forbidden: ${why}`, {
    name,
    group: GROUP,
    kind: resource,
  });

export const subresourceBadRequest = (message: string): StatusError =>
  new StatusError(400, 'BadRequest', message);

/** apimachinery's `NewInternalError`: the cause's text in the message and in `details.causes`. */
export const subresourceInternalError = (cause: string): StatusError =>
  new StatusError(500, 'InternalError', `Internal error occurred: ${cause}`, {
    causes: [{ message: cause }],
  });

export const notImplemented = (message: string): StatusError =>
  new StatusError(501, 'NotImplemented', message);

/** Messages KubeVirt's virt-api uses verbatim. */
export const MESSAGES = {
  vmNotRunning: 'VM is not running',
  vmiNotRunning: 'VMI is not running',
  vmiNotPaused: 'VMI is not paused',
  vmiGuestAgent: 'VMI does not have guest agent connected',
  alreadyUnderway: 'unable to complete request: stop/start already underway',
  unmarshal: (err: string) => `Can not unmarshal Request body to struct, error: ${err}`,
} as const;
