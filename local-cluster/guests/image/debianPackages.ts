import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs a command; throws with its stderr when it fails. */
export function run(command: string, args: string[], cwd?: string): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.status}): ${result.stderr.trim()}`,
    );
  }
  return result.stdout;
}

/** The installed version of a package, or undefined. */
export function installedVersion(pkg: string): string | undefined {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status} ${Version}', pkg], {
    encoding: 'utf8',
  });
  const match = /install ok installed (\S+)/.exec(result.stdout ?? '');
  return match ? match[1] : undefined;
}

/** The candidate (installable) version of a package, from apt's lists. */
export function candidateVersion(pkg: string): string | undefined {
  const result = spawnSync('apt-cache', ['policy', pkg], { encoding: 'utf8' });
  const match = /Candidate:\s*(\S+)/.exec(result.stdout ?? '');
  return match && match[1] !== '(none)' ? match[1] : undefined;
}

/** The package a metapackage such as linux-image-cloud-amd64 depends on (its real kernel). */
export function metapackageTarget(pkg: string, prefix: string): string | undefined {
  const result = spawnSync('apt-cache', ['depends', pkg], { encoding: 'utf8' });
  const match = new RegExp(`Depends:\\s*(${prefix}\\S*)`).exec(result.stdout ?? '');
  return match ? match[1] : undefined;
}

/**
 * Downloads a package with `apt-get download` and unpacks it with `dpkg-deb -x` into a new
 * temporary folder (nothing is installed). The caller removes the folder.
 */
export function downloadAndExtract(pkg: string, version?: string): string {
  const work = mkdtempSync(join(tmpdir(), 'guest-image-'));
  // apt's sandbox user cannot write to a root-owned temp folder; the download is still verified.
  run(
    'apt-get',
    ['download', '-q', '-o', 'APT::Sandbox::User=root', version ? `${pkg}=${version}` : pkg],
    work,
  );
  const deb = readdirSync(work).find((name) => name.endsWith('.deb'));
  if (!deb) throw new Error(`apt-get download ${pkg} produced no .deb`);
  const root = join(work, 'root');
  run('dpkg-deb', ['-x', join(work, deb), root]);
  if (!existsSync(root)) throw new Error(`dpkg-deb -x ${deb} produced nothing`);
  return work;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
