import { describe, expect, it } from 'vitest';
import { osIdentity } from '../osIdentity';
import type { ShellMachine } from './guestShell';
import { GuestShell } from './guestShell';

function terminal(overrides: Partial<ShellMachine> = {}): {
  shell: GuestShell;
  type: (text: string) => string;
  machine: ShellMachine & { reboots: number; poweroffs: number };
} {
  let output = '';
  const machine = {
    hostname: 'fedora-vm',
    identity: osIdentity('Fedora Linux 41'),
    cpus: 2,
    memoryMiB: 2048,
    user: 'fedora',
    password: 'secret',
    loginHint: 'Log in as "fedora" with password "secret" (from cloud-init).',
    uptimeSeconds: () => 125,
    now: () => new Date(Date.UTC(2026, 10, 23, 17, 20, 5)),
    reboots: 0,
    poweroffs: 0,
    reboot() {
      machine.reboots++;
    },
    poweroff() {
      machine.poweroffs++;
    },
    ...overrides,
  };
  const shell = new GuestShell(machine, 'ttyS0', (text) => (output += text));
  shell.start();
  return {
    shell,
    machine,
    type: (text) => {
      output = '';
      shell.receive(text);
      return output;
    },
  };
}

function loggedIn(): ReturnType<typeof terminal> {
  const t = terminal();
  t.type('fedora\r');
  t.type('secret\r');
  return t;
}

describe('GuestShell login', () => {
  it('shows the issue, the cloud-init hint and a login prompt', () => {
    let output = '';
    const t = terminal();
    const shell = new GuestShell(t.machine, 'ttyS0', (text) => (output += text));
    shell.start();
    expect(output).toContain(
      'Fedora Linux 41\r\nKernel 6.11.4-301.fc41.x86_64 on an x86_64 (ttyS0)',
    );
    expect(output).toContain('Log in as "fedora" with password "secret" (from cloud-init).');
    expect(output.endsWith('fedora-vm login: ')).toBe(true);
  });

  it('logs in with the cloud-init user and password, without echoing the password', () => {
    const t = terminal();
    expect(t.type('fedora\r')).toBe('fedora\r\nPassword: ');
    const out = t.type('secret\r');
    expect(out).not.toContain('secret');
    expect(out).toMatch(/Last login: .* on ttyS0\r\n\[fedora@fedora-vm ~\]\$ $/);
  });

  it('refuses a wrong password and asks again', () => {
    const t = terminal();
    t.type('fedora\r');
    expect(t.type('nope\r')).toBe('\r\n\r\nLogin incorrect\r\nfedora-vm login: ');
  });

  it('refuses an unknown user even with the right password', () => {
    const t = terminal();
    t.type('root\r');
    expect(t.type('secret\r')).toContain('Login incorrect');
  });

  it('lets root in without a password when cloud-init set no user', () => {
    const t = terminal({ user: 'root', password: '' });
    expect(t.type('root\r')).toMatch(/\[root@fedora-vm ~\]# $/);
  });
});

describe('GuestShell commands', () => {
  it('echoes typed characters and runs echo', () => {
    const t = loggedIn();
    expect(t.type('echo hello\r')).toBe('echo hello\r\nhello\r\n[fedora@fedora-vm ~]$ ');
  });

  it('prints the hostname', () => {
    expect(loggedIn().type('hostname\r')).toContain('\r\nfedora-vm\r\n');
  });

  it('prints uname -a like a Fedora kernel', () => {
    expect(loggedIn().type('uname -a\r')).toContain(
      'Linux fedora-vm 6.11.4-301.fc41.x86_64 #1 SMP PREEMPT_DYNAMIC x86_64 GNU/Linux\r\n',
    );
  });

  it('shows /etc/os-release for the VM OS', () => {
    const out = loggedIn().type('cat /etc/os-release\r');
    expect(out).toContain('NAME="Fedora Linux"\r\n');
    expect(out).toContain('ID=fedora\r\nVERSION_ID=41\r\n');
    expect(out).toContain('PRETTY_NAME="Fedora Linux 41"\r\n');
  });

  it('reports an unknown command the way bash does, and sets $?', () => {
    const t = loggedIn();
    expect(t.type('frobnicate --now\r')).toContain('-bash: frobnicate: command not found\r\n');
    expect(t.type('echo $?\r')).toContain('\r\n127\r\n');
  });

  it('runs several commands separated by ; with quotes and variables', () => {
    const out = loggedIn().type(`echo "I am $USER"; echo 'literal $HOME'\r`);
    expect(out).toContain('I am fedora\r\nliteral $HOME\r\n');
  });

  it('changes directory and shows it in the prompt', () => {
    const t = loggedIn();
    expect(t.type('cd /etc\r')).toMatch(/\[fedora@fedora-vm etc\]\$ $/);
    expect(t.type('pwd\r')).toContain('/etc\r\n');
    expect(t.type('cat hostname\r')).toContain('fedora-vm\r\n');
    expect(t.type('cd /nowhere\r')).toContain('No such file or directory');
  });

  it('edits the line with backspace and drops cursor keys', () => {
    const t = loggedIn();
    t.type('echo helpx');
    expect(t.type('\x7f')).toBe('\b \b');
    t.type('\x1b[A');
    expect(t.type('\r')).toContain('\r\nhelp\r\n');
  });

  it('cancels a line with Ctrl+C', () => {
    const t = loggedIn();
    t.type('echo never');
    expect(t.type('\x03')).toBe('^C\r\n[fedora@fedora-vm ~]$ ');
  });

  it('treats CR LF from a terminal as one Enter', () => {
    const t = loggedIn();
    const out = t.type('echo once\r\n');
    expect(out.match(/\$ /g)).toHaveLength(1);
  });

  it('logs out with exit and with Ctrl+D', () => {
    const t = loggedIn();
    expect(t.type('exit\r')).toContain('logout\r\n');
    t.type('fedora\r');
    t.type('secret\r');
    expect(t.type('\x04')).toMatch(/logout\r\n[\s\S]*login: $/);
  });

  it('asks the machine to reboot and to power off', () => {
    const t = loggedIn();
    t.type('sudo reboot\r');
    expect(t.machine.reboots).toBe(1);
    const u = loggedIn();
    u.type('poweroff\r');
    expect(u.machine.poweroffs).toBe(1);
  });

  it('answers whoami, id, free, nproc and uptime plausibly', () => {
    const t = loggedIn();
    expect(t.type('whoami\r')).toContain('\r\nfedora\r\n');
    expect(t.type('id\r')).toContain('uid=1000(fedora)');
    expect(t.type('nproc\r')).toContain('\r\n2\r\n');
    expect(t.type('free -m\r')).toMatch(/Mem:\s+2048/);
    expect(t.type('uptime\r')).toContain('17:20:05 up 2 min');
  });
});
