import type { FieldChange } from '../handler/guardedPatch';
import type { Vm } from '../handler/kubevirtObjects';
import { MESSAGES, subresourceInternalError } from './subresourceErrors';

/** `vm.status.stateChangeRequests[]`: what virt-api asks the VM controller to do next. */
export interface StateChangeRequest {
  action: 'Start' | 'Stop';
  /** The VMI a Stop is meant for, so a request never stops a newer VMI. */
  uid?: string;
  /** `{paused: "true"}` on a Start that should start the guest paused. */
  data?: Record<string, string>;
}

export const START_PAUSED_DATA = { paused: 'true' } as const;

export const stateChangeRequestsOf = (vm: Vm): StateChangeRequest[] =>
  (vm.status?.stateChangeRequests ?? []) as StateChangeRequest[];

/**
 * The VM status changes for new state change requests (KubeVirt's getChangeRequestJson):
 * requests queue only when none is pending, except a lone Stop, which replaces whatever is pending;
 * otherwise the caller gets the 500 KubeVirt answers. A recorded start failure is cleared, so a
 * user's start skips the crash-loop backoff.
 */
export const stateChangeFields = (vm: Vm, changes: StateChangeRequest[]): FieldChange[] => {
  const pending = stateChangeRequestsOf(vm);
  const loneStop = changes.length === 1 && changes[0].action === 'Stop';
  if (pending.length > 0 && !loneStop) throw subresourceInternalError(MESSAGES.alreadyUnderway);
  const requests = changes.map((c) => ({
    action: c.action,
    ...(c.uid !== undefined ? { uid: c.uid } : {}),
    ...(c.data && Object.keys(c.data).length ? { data: { ...c.data } } : {}),
  }));
  return [
    {
      path: '/status/stateChangeRequests',
      value: requests,
      current: vm.status?.stateChangeRequests,
    },
    ...(vm.status?.startFailure
      ? [
          {
            path: '/status/startFailure',
            value: undefined,
            current: vm.status.startFailure,
            guard: false,
          },
        ]
      : []),
  ];
};
