import type { VirtualMachine } from '../../models/types';
import type { Recipe } from '../vmPatch';
import { draftTemplateSpec } from './types';

/** Static keys go in through cloud-init NoCloud at first boot; dynamic through the guest agent. */
export type KeyInjection = 'static' | 'dynamic';

export type SSHKeySettings = { secretName: string; injection: KeyInjection; users: string[] };

type AccessCredential = NonNullable<
  NonNullable<NonNullable<VirtualMachine['spec']>['template']['spec']>['accessCredentials']
>[number];

/** The VM's SSH public key secret (the first `sshPublicKey` credential), if any. */
export const getSSHKeySettings = (vm: VirtualMachine): SSHKeySettings | undefined => {
  const cred = vm.spec?.template?.spec?.accessCredentials?.find((c) => c.sshPublicKey);
  const key = cred?.sshPublicKey;
  const secretName = key?.source?.secret?.secretName;
  if (!secretName) return undefined;
  const users = key?.propagationMethod?.qemuGuestAgent?.users;
  return { secretName, injection: users ? 'dynamic' : 'static', users: users ?? [] };
};

/** Replaces the SSH key credential (undefined removes it); other credentials stay. */
export const setSSHKey =
  (settings: SSHKeySettings | undefined): Recipe<VirtualMachine> =>
  (vm) => {
    const spec = draftTemplateSpec(vm as VirtualMachine);
    const others = (spec.accessCredentials ?? []).filter((c) => !c.sshPublicKey);
    const next: AccessCredential[] = settings
      ? [
          ...others,
          {
            sshPublicKey: {
              source: { secret: { secretName: settings.secretName } },
              propagationMethod:
                settings.injection === 'dynamic'
                  ? { qemuGuestAgent: { users: settings.users } }
                  : { noCloud: {} },
            },
          },
        ]
      : others;
    if (next.length) spec.accessCredentials = next;
    else delete spec.accessCredentials;
  };

/** A Secret holding one pasted public key (key `key`), as KubeVirt reads it. */
export const sshKeySecret = (namespace: string, name: string, publicKey: string) => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name, namespace },
  type: 'Opaque',
  stringData: { key: publicKey.trim() },
});

const SSH_KEY =
  /^(ssh-(rsa|ed25519|dss)|ecdsa-sha2-nistp(256|384|521)|sk-(ssh-ed25519|ecdsa-sha2-nistp256)@openssh\.com) [A-Za-z0-9+/]+=*( .*)?$/;

/** Whether the text is one OpenSSH public key line. */
export const isSSHPublicKey = (text: string): boolean => SSH_KEY.test(text.trim());
