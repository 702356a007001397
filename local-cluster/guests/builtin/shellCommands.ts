import type { OsIdentity } from '../osIdentity';
import { osReleaseFile } from '../osIdentity';

/** What the built-in guest's commands can see of their machine and session. */
export interface ShellContext {
  user: string;
  home: string;
  cwd: string;
  hostname: string;
  identity: OsIdentity;
  cpus: number;
  memoryMiB: number;
  tty: string;
  uptimeSeconds: number;
  now: Date;
  vars: Readonly<Record<string, string>>;
}

/** A command's effect: its output (with "\n" line ends) and status, and what the shell must do. */
export interface CommandResult {
  output: string;
  status: number;
  action?: 'logout' | 'reboot' | 'poweroff' | 'clear' | { cd: string };
}

const KERNEL_VERSION = '#1 SMP PREEMPT_DYNAMIC';

const ROOT_DIRS = [
  'bin',
  'boot',
  'dev',
  'etc',
  'home',
  'lib',
  'lib64',
  'media',
  'mnt',
  'opt',
  'proc',
  'root',
  'run',
  'sbin',
  'srv',
  'sys',
  'tmp',
  'usr',
  'var',
];

/** The few files the built-in guest can show, computed from its context. */
export function guestFiles(ctx: ShellContext): Map<string, string> {
  const memKb = ctx.memoryMiB * 1024;
  const uid = ctx.user === 'root' ? 0 : 1000;
  const files = new Map<string, string>([
    ['/etc/os-release', osReleaseFile(ctx.identity)],
    ['/etc/hostname', `${ctx.hostname}\n`],
    [
      '/etc/passwd',
      `root:x:0:0:root:/root:/bin/bash\n${uid ? `${ctx.user}:x:1000:1000::/home/${ctx.user}:/bin/bash\n` : ''}`,
    ],
    [
      '/proc/version',
      `Linux version ${ctx.identity.kernelRelease} (builder@localhost) ${KERNEL_VERSION}\n`,
    ],
    [
      '/proc/uptime',
      `${ctx.uptimeSeconds.toFixed(2)} ${(ctx.uptimeSeconds * ctx.cpus * 0.97).toFixed(2)}\n`,
    ],
    ['/proc/loadavg', '0.00 0.01 0.05 1/97 412\n'],
    [
      '/proc/meminfo',
      `MemTotal:       ${String(memKb).padStart(8)} kB\nMemFree:        ${String(Math.round(memKb * 0.82)).padStart(8)} kB\nMemAvailable:   ${String(Math.round(memKb * 0.88)).padStart(8)} kB\n`,
    ],
    [
      '/proc/cpuinfo',
      Array.from(
        { length: ctx.cpus },
        (_, i) =>
          `processor\t: ${i}\nvendor_id\t: GenuineIntel\nmodel name\t: QEMU Virtual CPU version 2.5+\ncpu MHz\t\t: 2399.998\n`,
      ).join('\n'),
    ],
  ]);
  return files;
}

function directories(ctx: ShellContext): Map<string, string[]> {
  const files = guestFiles(ctx);
  const inDir = (dir: string): string[] =>
    [...files.keys()]
      .filter((path) => path.startsWith(`${dir}/`))
      .map((path) => path.slice(dir.length + 1));
  const homes = ctx.user === 'root' ? [] : [ctx.user];
  return new Map([
    ['/', ROOT_DIRS],
    ['/etc', inDir('/etc')],
    ['/proc', inDir('/proc')],
    ['/home', homes],
    ['/root', []],
    ['/tmp', []],
    [ctx.home, []],
  ]);
}

/** Resolves a path argument against the working directory (`~` is the home). */
export function resolvePath(ctx: ShellContext, arg: string): string {
  const expanded = arg === '~' ? ctx.home : arg.startsWith('~/') ? ctx.home + arg.slice(1) : arg;
  const parts = (expanded.startsWith('/') ? expanded : `${ctx.cwd}/${expanded}`).split('/');
  const stack: string[] = [];
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') stack.pop();
    else stack.push(part);
  }
  return `/${stack.join('/')}`;
}

function ok(output = ''): CommandResult {
  return { output, status: 0 };
}

function fail(output: string, status = 1): CommandResult {
  return { output, status };
}

function uname(ctx: ShellContext, args: string[]): CommandResult {
  const flags = new Set(args.flatMap((arg) => (arg.startsWith('-') ? [...arg.slice(1)] : [])));
  if (args.includes('--all')) flags.add('a');
  const fields: [string, string][] = [
    ['s', 'Linux'],
    ['n', ctx.hostname],
    ['r', ctx.identity.kernelRelease],
    ['v', KERNEL_VERSION],
    ['m', 'x86_64'],
    ['o', 'GNU/Linux'],
  ];
  if (flags.size === 0) flags.add('s');
  const shown = fields
    .filter(([flag]) => flags.has('a') || flags.has(flag))
    .map(([, value]) => value);
  return ok(`${shown.join(' ')}\n`);
}

function formatDate(date: Date): string {
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = [
    'Jan',
    'Feb',
    'Mar',
    'Apr',
    'May',
    'Jun',
    'Jul',
    'Aug',
    'Sep',
    'Oct',
    'Nov',
    'Dec',
  ];
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${days[date.getUTCDay()]} ${months[date.getUTCMonth()]} ${String(date.getUTCDate()).padStart(2)} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} UTC ${date.getUTCFullYear()}`;
}

function uptime(ctx: ShellContext): string {
  const minutes = Math.floor(ctx.uptimeSeconds / 60);
  const up =
    minutes < 60
      ? `${minutes} min`
      : `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
  const time = formatDate(ctx.now).split(' ').filter(Boolean)[3];
  return ` ${time} up ${up},  1 user,  load average: 0.00, 0.01, 0.05\n`;
}

function free(ctx: ShellContext, args: string[]): string {
  const totalKb = ctx.memoryMiB * 1024;
  const usedKb = Math.round(totalKb * 0.12);
  const cacheKb = Math.round(totalKb * 0.06);
  const freeKb = totalKb - usedKb - cacheKb;
  const unit = args.includes('-m') ? 1024 : args.includes('-g') ? 1024 * 1024 : 1;
  const human = args.includes('-h');
  const show = (kb: number): string =>
    human
      ? kb >= 1024 * 1024
        ? `${(kb / 1024 / 1024).toFixed(1)}Gi`
        : `${Math.round(kb / 1024)}Mi`
      : String(Math.round(kb / unit));
  const row = (values: string[]): string => values.map((v) => v.padStart(12)).join('');
  return `${' '.repeat(7)}${row(['total', 'used', 'free', 'shared', 'buff/cache', 'available'])}\nMem:   ${row([show(totalKb), show(usedKb), show(freeKb), show(1024), show(cacheKb), show(totalKb - usedKb)])}\nSwap:  ${row([show(0), show(0), show(0)])}\n`;
}

const HELP = [
  'Built-in guest shell. Commands:',
  '  echo hostname uname cat ls cd pwd whoami id date uptime free nproc',
  '  clear help exit logout reboot poweroff true false env',
].join('\n');

/** Runs one command of the built-in guest's shell. */
export function runCommand(ctx: ShellContext, argv: string[]): CommandResult {
  const [name, ...args] = argv;
  switch (name) {
    case 'echo': {
      const noNewline = args[0] === '-n';
      const text = (noNewline ? args.slice(1) : args).join(' ');
      return ok(noNewline ? text : `${text}\n`);
    }
    case 'hostname':
      return ok(`${ctx.hostname}\n`);
    case 'uname':
      return uname(ctx, args);
    case 'cat': {
      const files = guestFiles(ctx);
      const dirs = directories(ctx);
      let output = '';
      let status = 0;
      for (const arg of args) {
        const path = resolvePath(ctx, arg);
        const content = files.get(path);
        if (content !== undefined) output += content;
        else {
          output += dirs.has(path)
            ? `cat: ${arg}: Is a directory\n`
            : `cat: ${arg}: No such file or directory\n`;
          status = 1;
        }
      }
      return { output, status };
    }
    case 'ls': {
      const targets = args.filter((arg) => !arg.startsWith('-'));
      const path = resolvePath(ctx, targets[0] ?? '.');
      const entries = directories(ctx).get(path);
      if (entries) return ok(entries.length ? `${entries.join('  ')}\n` : '');
      if (guestFiles(ctx).has(path)) return ok(`${targets[0]}\n`);
      return fail(`ls: cannot access '${targets[0]}': No such file or directory\n`, 2);
    }
    case 'cd': {
      const path = resolvePath(ctx, args[0] ?? '~');
      if (!directories(ctx).has(path))
        return fail(`-bash: cd: ${args[0]}: No such file or directory\n`);
      return { output: '', status: 0, action: { cd: path } };
    }
    case 'pwd':
      return ok(`${ctx.cwd}\n`);
    case 'whoami':
      return ok(`${ctx.user}\n`);
    case 'id':
      return ok(
        ctx.user === 'root'
          ? 'uid=0(root) gid=0(root) groups=0(root)\n'
          : `uid=1000(${ctx.user}) gid=1000(${ctx.user}) groups=1000(${ctx.user}),10(wheel)\n`,
      );
    case 'date':
      return ok(`${formatDate(ctx.now)}\n`);
    case 'uptime':
      return ok(uptime(ctx));
    case 'free':
      return ok(free(ctx, args));
    case 'nproc':
      return ok(`${ctx.cpus}\n`);
    case 'env':
    case 'printenv':
      return ok(
        Object.entries(ctx.vars)
          .filter(([key]) => key !== '?')
          .map(([key, value]) => `${key}=${value}\n`)
          .join(''),
      );
    case 'true':
      return ok();
    case 'false':
      return fail('');
    case 'help':
      return ok(`${HELP}\n`);
    case 'clear':
      return { output: '', status: 0, action: 'clear' };
    case 'exit':
    case 'logout':
      return { output: '', status: 0, action: 'logout' };
    case 'reboot':
      return { output: '', status: 0, action: 'reboot' };
    case 'poweroff':
    case 'halt':
      return { output: '', status: 0, action: 'poweroff' };
    case 'shutdown':
      return { output: '', status: 0, action: args.includes('-r') ? 'reboot' : 'poweroff' };
    case 'sudo':
      return args.length
        ? runCommand({ ...ctx, user: 'root' }, args)
        : fail('usage: sudo command\n');
    default:
      return fail(`-bash: ${name}: command not found\n`, 127);
  }
}
