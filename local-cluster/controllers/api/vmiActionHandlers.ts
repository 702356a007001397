import { StatusError } from '../../apiserver/core/statusError';
import { sendJson } from '../../apiserver/http/respond';
import type { Vmi } from '../handler/kubevirtObjects';
import { isRunning } from '../handler/kubevirtObjects';
import type { NodeApi, VmiRef } from '../handler/nodeApi';
import {
  MESSAGES,
  subresourceBadRequest,
  subresourceInternalError,
  vmConflict,
} from './subresourceErrors';
import type { OptionsKind } from './subresourceOptions';
import { isDryRun } from './subresourceOptions';
import type { SubresourceHandler, SubresourceRequest } from './subresourceRequest';
import { readOptions, sendEmpty } from './subresourceRequest';
import type { VmiValidation } from './vmiValidations';
import {
  validateGuestAgent,
  validateHandlerReachable,
  validatePause,
  validateSoftReboot,
  validateConsole,
  validateUnpause,
  validateVnc,
} from './vmiValidations';

const refOf = (vmi: Vmi): VmiRef => ({
  namespace: vmi.metadata.namespace ?? '',
  name: vmi.metadata.name ?? '',
  uid: vmi.metadata.uid ?? '',
});

const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** KubeVirt's prepareConnection: fetch the VMI, validate it, make sure a node serves it. */
const prepare = async (r: SubresourceRequest, validate: VmiValidation): Promise<Vmi> => {
  const vmi = await r.api.fetchVmi(r.namespace, r.name);
  const refusal = validate(vmi) ?? validateHandlerReachable(vmi);
  if (refusal) throw refusal;
  return vmi;
};

/** A PUT that virt-api forwards to virt-handler (putRequestHandler): 200 and no body. */
const nodeAction =
  (
    validate: VmiValidation,
    call: (node: NodeApi, vmi: VmiRef) => Promise<void>,
    optionsKind?: Extract<OptionsKind, 'PauseOptions' | 'UnpauseOptions'>,
  ): SubresourceHandler =>
  async (r) => {
    const options = optionsKind ? await readOptions(r, optionsKind) : undefined;
    const vmi = await prepare(r, validate);
    if (!isDryRun(options?.dryRun)) {
      try {
        await call(r.node, refOf(vmi));
      } catch (err) {
        throw subresourceInternalError(errorText(err));
      }
    }
    sendEmpty(r.res, 200);
  };

export const pauseVmi = nodeAction(validatePause, (n, v) => n.pause(v), 'PauseOptions');

export const softRebootVmi = nodeAction(validateSoftReboot, (n, v) => n.softReboot(v));

const unpauseAction = nodeAction(validateUnpause, (n, v) => n.unpause(v), 'UnpauseOptions');

/** Unpausing is refused while a snapshot of the VM holds the guest's file systems frozen. */
export const unpauseVmi: SubresourceHandler = async (r) => {
  try {
    const vm = await r.api.fetchVm(r.namespace, r.name);
    if (vm.status?.snapshotInProgress) {
      throw vmConflict('virtualmachine', r.name, 'VM snapshot is in progress');
    }
  } catch (err) {
    if (!(err instanceof StatusError && err.code === 404)) throw err;
  }
  await unpauseAction(r);
};

const validateFreeze: VmiValidation = (vmi) =>
  isRunning(vmi)
    ? undefined
    : vmConflict('virtualmachineinstance', vmi.metadata.name ?? '', MESSAGES.vmNotRunning);

const validateUnfreeze: VmiValidation = (vmi) =>
  isRunning(vmi)
    ? undefined
    : vmConflict('virtualmachineinstance', vmi.metadata.name ?? '', MESSAGES.vmiNotRunning);

export const freezeVmi = nodeAction(validateFreeze, (n, v) => n.freeze(v));
export const unfreezeVmi = nodeAction(validateUnfreeze, (n, v) => n.unfreeze(v));

/**
 * A GET answered from the guest agent. KubeVirt answers every failure here, a missing VMI
 * included, with a 500 that carries the original message.
 */
const agentQuery =
  (call: (node: NodeApi, vmi: VmiRef) => Promise<unknown>): SubresourceHandler =>
  async (r) => {
    let result: unknown;
    try {
      const vmi = await prepare(r, validateGuestAgent);
      result = await call(r.node, refOf(vmi));
    } catch (err) {
      throw new StatusError(500, 'InternalError', errorText(err));
    }
    sendJson(r.res, 200, result);
  };

export const guestOsInfo = agentQuery((n, v) => n.guestOsInfo(v));
export const userList = agentQuery((n, v) => n.userList(v));
export const filesystemList = agentQuery((n, v) => n.filesystemList(v));

/** `vnc/screenshot`: a PNG of the guest's screen, taken over VNC without taking the session. */
export const vncScreenshot: SubresourceHandler = async (r) => {
  const vmi = await prepare(r, validateVnc);
  let png: Buffer;
  try {
    png = await r.node.screenshot(refOf(vmi));
  } catch (err) {
    throw subresourceInternalError(errorText(err));
  }
  r.res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': png.length });
  r.res.end(png);
};

/**
 * `vnc` and `console` without a websocket upgrade: virt-api validates the VMI, then gorilla's
 * upgrader refuses the plain request.
 */
export const streamWithoutUpgrade =
  (stream: 'vnc' | 'console'): SubresourceHandler =>
  async (r) => {
    await prepare(r, stream === 'vnc' ? validateVnc : validateConsole);
    throw subresourceBadRequest(
      "websocket: the client is not using the websocket protocol: 'upgrade' token not found in 'Connection' header",
    );
  };
