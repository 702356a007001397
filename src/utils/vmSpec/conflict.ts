import { compare } from 'fast-json-patch';
import type { VirtualMachine } from '../../models/types';

/** What a person edits: the spec, labels and annotations (not status, not bookkeeping). */
const editable = (vm: VirtualMachine) => ({
  labels: vm.metadata?.labels ?? {},
  annotations: vm.metadata?.annotations ?? {},
  spec: vm.spec ?? {},
});

/**
 * Whether someone changed what a dialog edits since it opened: spec, labels or annotations.
 * Status updates (a running VM gets many) are not a conflict; the patch is then built on the
 * latest version so it still carries the resourceVersion test.
 */
export const changedSinceOpened = (opened: VirtualMachine, latest: VirtualMachine): boolean =>
  compare(editable(opened), editable(latest)).length > 0;

/** The error a save reports when `changedSinceOpened` (shaped like the server's 409). */
export const editConflictError = (name: string) => ({
  code: 409,
  message: `VirtualMachine ${name} changed since the dialog opened`,
  json: {
    kind: 'Status',
    reason: 'Conflict',
    code: 409,
    message: `VirtualMachine ${name} changed since the dialog opened`,
  },
});
