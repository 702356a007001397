import { describe, expect, it } from 'vitest';
import type { VirtualMachine } from '../../models/types';
import { applyRecipes } from '../vmPatch';
import { getSSHKeySettings, isSSHPublicKey, setSSHKey, sshKeySecret } from './ssh';

const vm: VirtualMachine = {
  metadata: { name: 'vm1', namespace: 'ns' },
  spec: { template: { spec: { domain: { devices: {} } } } },
};

describe('SSH keys', () => {
  it('static and dynamic injection round-trip', () => {
    const s = applyRecipes(vm, setSSHKey({ secretName: 'k', injection: 'static', users: [] }));
    expect(s.spec?.template.spec?.accessCredentials).toEqual([
      {
        sshPublicKey: {
          source: { secret: { secretName: 'k' } },
          propagationMethod: { noCloud: {} },
        },
      },
    ]);
    expect(getSSHKeySettings(s)).toEqual({ secretName: 'k', injection: 'static', users: [] });
    const d = applyRecipes(
      s,
      setSSHKey({ secretName: 'k', injection: 'dynamic', users: ['fedora'] }),
    );
    expect(getSSHKeySettings(d)).toEqual({
      secretName: 'k',
      injection: 'dynamic',
      users: ['fedora'],
    });
    expect(
      applyRecipes(d, setSSHKey(undefined)).spec?.template.spec?.accessCredentials,
    ).toBeUndefined();
  });

  it.each([
    ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG user@host', true],
    ['ssh-rsa AAAAB3NzaC1yc2E=', true],
    ['ecdsa-sha2-nistp256 AAAAE2Vj', true],
    ['hello world', false],
    ['', false],
  ])('public key %j valid: %s', (key, ok) => expect(isSSHPublicKey(key)).toBe(ok));

  it('secret with the key', () => {
    expect(sshKeySecret('ns', 's', ' ssh-rsa AAA \n').stringData).toEqual({ key: 'ssh-rsa AAA' });
  });
});
