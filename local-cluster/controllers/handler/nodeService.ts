import type { NodeApi } from './nodeApi';
import { guestAgentInfoOf, filesystemsOf, usersOf } from './guestAgentData';
import type { VirtHandler } from './virtHandler';

/**
 * virt-handler's node API over its guests: domain actions (pause, reboot), guest agent queries
 * and the console streams. Actions change the guest first, then the VMI status catches up.
 */
export const nodeService = (handler: VirtHandler): NodeApi => ({
  async pause(ref) {
    const record = handler.live(ref);
    await record.guest.pause();
    record.paused = 'PausedByUser';
    handler.touch(record);
  },
  async unpause(ref) {
    const record = handler.live(ref);
    await record.guest.unpause();
    record.paused = undefined;
    handler.touch(record);
  },
  async softReboot(ref) {
    const record = handler.live(ref);
    await record.guest.softReboot();
    // The agent goes away with the guest's userspace and comes back after the next boot.
    record.agentConnected = false;
    handler.touch(record);
  },
  async freeze(ref) {
    handler.live(ref).frozen = true;
  },
  async unfreeze(ref) {
    handler.live(ref).frozen = false;
  },
  async guestOsInfo(ref) {
    return guestAgentInfoOf(await handler.agentFacts(ref));
  },
  async userList(ref) {
    return { metadata: {}, items: usersOf(await handler.agentFacts(ref)) };
  },
  async filesystemList(ref) {
    return { metadata: {}, items: filesystemsOf(await handler.agentFacts(ref)) };
  },
  openVnc: (ref) => handler.live(ref).guest.openVnc(),
  openSerial: (ref) => handler.live(ref).guest.openSerial(),
  screenshot: (ref) => handler.live(ref).guest.screenshot(),
});
