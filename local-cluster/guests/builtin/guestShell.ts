import type { OsIdentity } from '../osIdentity';
import { parseCommandLine } from './commandLine';
import type { ShellContext } from './shellCommands';
import { runCommand } from './shellCommands';

/** The machine a terminal's shell runs on, as the shell needs to see it. */
export interface ShellMachine {
  hostname: string;
  identity: OsIdentity;
  cpus: number;
  memoryMiB: number;
  /** The login accepted on this machine (cloud-init's user, else root). */
  user: string;
  /** Its password; empty means no password is asked. */
  password: string;
  /** Shown above the login prompt (the cloud-init credentials hint), or empty. */
  loginHint: string;
  uptimeSeconds(): number;
  now(): Date;
  reboot(): void;
  poweroff(): void;
}

type Mode = 'login' | 'password' | 'shell';

/**
 * One terminal of the built-in guest (the serial line or the VGA console): a getty-style login
 * prompt, then a small bash-like shell. It does its own line editing with echo, as a tty in
 * canonical mode would, and writes terminal output ("\r\n" line ends) through `output`.
 */
export class GuestShell {
  private mode: Mode = 'login';
  private line = '';
  private loginName = '';
  private cwd = '/';
  private status = 0;
  private lastWasCR = false;
  private escape: 'none' | 'esc' | 'csi' = 'none';

  constructor(
    private readonly machine: ShellMachine,
    private readonly tty: string,
    private readonly output: (text: string) => void,
  ) {}

  /** Shows the issue text and the login prompt (what getty prints). */
  start(): void {
    this.mode = 'login';
    this.line = '';
    const { identity } = this.machine;
    let issue = `\r\n${identity.prettyName}\r\nKernel ${identity.kernelRelease} on an x86_64 (${this.tty})\r\n\r\n`;
    if (this.machine.loginHint) issue += `${this.machine.loginHint}\r\n\r\n`;
    this.output(issue);
    this.promptLogin();
  }

  receive(input: string): void {
    for (const ch of input) this.key(ch);
  }

  private key(ch: string): void {
    // Escape sequences (cursor keys, terminal replies) are swallowed: no history or editing.
    if (this.escape === 'esc') {
      this.escape = ch === '[' || ch === 'O' ? 'csi' : 'none';
      return;
    }
    if (this.escape === 'csi') {
      const code = ch.charCodeAt(0);
      if (code >= 0x40 && code <= 0x7e) this.escape = 'none';
      return;
    }
    const wasCR = this.lastWasCR;
    this.lastWasCR = ch === '\r';
    switch (ch) {
      case '\x1b':
        this.escape = 'esc';
        return;
      case '\r':
        this.enter();
        return;
      case '\n':
        if (!wasCR) this.enter();
        return;
      case '\x7f':
      case '\b':
        if (this.line.length > 0) {
          this.line = [...this.line].slice(0, -1).join('');
          if (this.mode !== 'password') this.output('\b \b');
        }
        return;
      case '\x03':
        this.output('^C\r\n');
        this.line = '';
        if (this.mode === 'shell') this.promptShell();
        else this.promptLogin();
        return;
      case '\x04':
        if (this.mode === 'shell' && this.line === '') {
          this.output('logout\r\n');
          this.start();
        }
        return;
      case '\x15':
        if (this.mode !== 'password') this.output('\b \b'.repeat([...this.line].length));
        this.line = '';
        return;
      case '\x0c':
        if (this.mode === 'shell') {
          this.output('\x1b[H\x1b[2J');
          this.promptShell();
          this.output(this.line);
        }
        return;
      default:
        if (ch.charCodeAt(0) < 0x20) return;
        this.line += ch;
        if (this.mode !== 'password') this.output(ch);
    }
  }

  private enter(): void {
    const line = this.line;
    this.line = '';
    this.output('\r\n');
    switch (this.mode) {
      case 'login':
        if (line.trim() === '') {
          this.promptLogin();
          return;
        }
        this.loginName = line.trim();
        if (this.loginName === this.machine.user && this.machine.password === '') {
          this.loggedIn();
          return;
        }
        this.mode = 'password';
        this.output('Password: ');
        return;
      case 'password':
        if (this.loginName === this.machine.user && line === this.machine.password) {
          this.loggedIn();
        } else {
          this.output('\r\nLogin incorrect\r\n');
          this.promptLogin();
        }
        return;
      case 'shell':
        this.execute(line);
        return;
    }
  }

  private loggedIn(): void {
    this.mode = 'shell';
    this.cwd = this.home();
    this.status = 0;
    this.output(`Last login: ${this.machine.now().toUTCString()} on ${this.tty}\r\n`);
    this.promptShell();
  }

  private home(): string {
    return this.loginName === 'root' ? '/root' : `/home/${this.loginName}`;
  }

  private context(): ShellContext {
    const home = this.home();
    return {
      user: this.loginName,
      home,
      cwd: this.cwd,
      hostname: this.machine.hostname,
      identity: this.machine.identity,
      cpus: this.machine.cpus,
      memoryMiB: this.machine.memoryMiB,
      tty: this.tty,
      uptimeSeconds: this.machine.uptimeSeconds(),
      now: this.machine.now(),
      vars: {
        HOME: home,
        HOSTNAME: this.machine.hostname,
        PWD: this.cwd,
        SHELL: '/bin/bash',
        TERM: this.tty.startsWith('ttyS') ? 'vt220' : 'linux',
        USER: this.loginName,
        '?': String(this.status),
      },
    };
  }

  private execute(line: string): void {
    for (const argv of parseCommandLine(line, this.context().vars)) {
      const result = runCommand(this.context(), argv);
      this.status = result.status;
      if (result.output) this.output(result.output.replace(/\n/g, '\r\n'));
      const action = result.action;
      if (action === 'logout') {
        this.output('logout\r\n');
        this.start();
        return;
      }
      if (action === 'reboot') {
        this.machine.reboot();
        return;
      }
      if (action === 'poweroff') {
        this.machine.poweroff();
        return;
      }
      if (action === 'clear') this.output('\x1b[H\x1b[2J');
      else if (action) this.cwd = action.cd;
    }
    this.promptShell();
  }

  private promptLogin(): void {
    this.mode = 'login';
    this.output(`${this.machine.hostname} login: `);
  }

  private promptShell(): void {
    const home = this.home();
    const where = this.cwd === home ? '~' : this.cwd === '/' ? '/' : this.cwd.split('/').pop();
    const sigil = this.loginName === 'root' ? '#' : '$';
    this.output(`[${this.loginName}@${this.machine.hostname.split('.')[0]} ${where}]${sigil} `);
  }
}
