import { describe, expect, it } from 'vitest';
import type { VirtualMachine, VirtualMachineInstance } from '../models/types';
import {
  buildRDPFile,
  buildRDPService,
  decideRDPSelector,
  RDP_SERVICE_LABEL,
  rdpAddress,
  rdpFileName,
  rdpServiceName,
} from './rdp';
import { DOMAIN_LABEL, type VMService } from './vmService';

const vm = (labels?: Record<string, string>): VirtualMachine => ({
  apiVersion: 'kubevirt.io/v1',
  kind: 'VirtualMachine',
  metadata: { name: 'win', namespace: 'demo', uid: 'uid-1' },
  spec: {
    template: { ...(labels ? { metadata: { labels } } : {}), spec: { domain: { devices: {} } } },
  },
});

const service = (type: string, nodePort?: number): VMService => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'win-rdp', namespace: 'demo' },
  spec: { type, ports: [{ port: 3389, targetPort: 3389, nodePort }] },
});

describe('rdpServiceName', () => {
  it.each([
    ['win', 'win-rdp'],
    ['win.2k22', 'win-2k22-rdp'],
    ['2k22', 'vm-2k22-rdp'],
    ['a'.repeat(70), `${'a'.repeat(59)}-rdp`],
  ])('%s → %s', (name, want) => expect(rdpServiceName(name)).toBe(want));
});

describe('decideRDPSelector', () => {
  it('selects the domain label when the template has it', () => {
    expect(decideRDPSelector(vm({ [DOMAIN_LABEL]: 'win' }), undefined)).toEqual({
      selector: { [DOMAIN_LABEL]: 'win' },
      addLabel: false,
      restartNeeded: false,
    });
  });
  it('falls back to the RDP label, to be added, and a running VMI needs a restart', () => {
    const vmi: VirtualMachineInstance = {
      metadata: { name: 'win' },
      spec: { domain: { devices: {} } },
    };
    expect(decideRDPSelector(vm(), vmi)).toEqual({
      selector: { [RDP_SERVICE_LABEL]: 'win' },
      addLabel: true,
      restartNeeded: true,
    });
  });
});

describe('buildRDPService', () => {
  it('is a NodePort Service for port 3389, owned by the VM', () => {
    expect(buildRDPService(vm(), { [DOMAIN_LABEL]: 'win' })).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: 'win-rdp',
        namespace: 'demo',
        labels: { [RDP_SERVICE_LABEL]: 'win' },
        ownerReferences: [
          { apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachine', name: 'win', uid: 'uid-1' },
        ],
      },
      spec: {
        type: 'NodePort',
        selector: { [DOMAIN_LABEL]: 'win' },
        ports: [{ name: 'rdp', protocol: 'TCP', port: 3389, targetPort: 3389 }],
      },
    });
  });
});

describe('rdpAddress', () => {
  it.each([
    [undefined, '10.0.0.1', { state: 'none' }],
    [service('ClusterIP', 31000), '10.0.0.1', { state: 'none' }],
    [service('NodePort'), '10.0.0.1', { state: 'pendingNodePort' }],
    [service('NodePort', 31000), undefined, { state: 'noNodeAddress', port: 31000 }],
    [service('NodePort', 31000), '10.0.0.1', { state: 'ready', host: '10.0.0.1', port: 31000 }],
  ] as const)('%#', (svc, address, want) => expect(rdpAddress(svc, address)).toEqual(want));
});

describe('buildRDPFile', () => {
  it('has the full address and, when known, the user name, with CRLF line ends', () => {
    expect(buildRDPFile('10.0.0.1', 31000, 'Administrator')).toBe(
      'full address:s:10.0.0.1:31000\r\nusername:s:Administrator\r\n',
    );
  });
  it('leaves the user name out when it is not known', () => {
    expect(buildRDPFile('node1.example.com', 30389)).toBe(
      'full address:s:node1.example.com:30389\r\n',
    );
  });
  it('cannot be made to carry other settings through line breaks', () => {
    expect(buildRDPFile('h', 1, 'a\r\nalternate shell:s:cmd')).toBe(
      'full address:s:h:1\r\nusername:s:aalternate shell:s:cmd\r\n',
    );
  });
});

describe('rdpFileName', () => {
  it.each([
    ['win2k22-ad', 'win2k22-ad.rdp'],
    ['', 'vm.rdp'],
  ])('%j → %s', (name, want) => expect(rdpFileName(name)).toBe(want));
});
