import { describe, expect, it } from 'vitest';
import type { VirtualMachine } from '../../models/types';
import { applyRecipes } from '../vmPatch';
import {
  SSH_SERVICE_LABEL,
  addSSHServiceLabel,
  getSSHKeySettings,
  isSSHPublicKey,
  setSSHKey,
  sshCommandForService,
  sshKeySecret,
  sshService,
} from './ssh';

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

describe('SSH service', () => {
  it('label on the template and a service selecting it', () => {
    const next = applyRecipes(vm, addSSHServiceLabel);
    expect(next.spec?.template.metadata?.labels).toEqual({ [SSH_SERVICE_LABEL]: 'vm1' });
    const svc = sshService(vm, 'NodePort');
    expect(svc.metadata.name).toBe('vm1-ssh-service');
    expect(svc.spec).toMatchObject({ type: 'NodePort', selector: { [SSH_SERVICE_LABEL]: 'vm1' } });
  });

  it.each([
    [
      { spec: { type: 'NodePort', ports: [{ port: 22, nodePort: 30022 }] } },
      'ssh fedora@10.0.0.1 -p 30022',
    ],
    [{ spec: { type: 'NodePort', ports: [{ port: 22 }] } }, undefined],
    [
      {
        spec: { type: 'LoadBalancer', ports: [{ port: 22 }] },
        status: { loadBalancer: { ingress: [{ ip: '1.2.3.4' }] } },
      },
      'ssh fedora@1.2.3.4 -p 22',
    ],
    [{ spec: { type: 'LoadBalancer', ports: [{ port: 22 }] } }, undefined],
  ])('command for %j', (svc, cmd) => {
    expect(sshCommandForService(svc, 'fedora', '10.0.0.1')).toBe(cmd);
  });
});
