#!/usr/bin/env node
// `npm test`: every suite in order — lint, unit, conformance, end-to-end — each counted, then one summary
// line `N passed, N failed` that CI reads. A suite that cannot run at all counts as one failure.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const run = (cmd, args, env = {}) =>
  spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

const suite = (name, fn) => {
  const started = Date.now();
  const r = fn();
  totals.passed += r.passed;
  totals.failed += r.failed;
  totals.skipped += r.skipped ?? 0;
  lines.push(
    `${name}: ${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
};

const vitestProject = (project) => () => {
  const dir = mkdtempSync(join(tmpdir(), 'vitest-'));
  const out = join(dir, 'report.json');
  const code = run('npx', [
    'vitest',
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
  ]);
  try {
    const report = JSON.parse(readFileSync(out, 'utf8'));
    const failed = report.numFailedTests + (code !== 0 && report.numFailedTests === 0 ? 1 : 0);
    return {
      passed: report.numPassedTests,
      failed,
      skipped: report.numPendingTests + report.numTodoTests,
    };
  } catch {
    return { passed: 0, failed: 1 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

// Real guests (QEMU + a Debian kernel and busybox image) sit behind the console tests. As root, the
// setup installs what is missing; then the guest and Prometheus tests must run, not skip.
const asRoot = process.getuid?.() === 0;
if (run('npm', ['run', '--silent', 'setup:guests']) !== 0)
  console.error('warning: setup:guests failed; real-guest tests will skip or fail');
if (asRoot) {
  process.env.REQUIRE_REAL_GUESTS = '1';
  process.env.REQUIRE_PROMETHEUS = '1';
}

suite('lint', () => {
  const checks = [
    ['npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']],
    ['npx', ['eslint', '.']],
    ['npx', ['prettier', '--check', '.', '--log-level', 'warn']],
    ['npm', ['run', '--silent', 'check:locales']],
  ];
  let failed = 0;
  for (const [cmd, args] of checks) if (run(cmd, args) !== 0) failed++;
  return { passed: checks.length - failed, failed };
});
suite('unit', vitestProject('unit'));
suite('conformance', vitestProject('conformance'));
suite('e2e', () => {
  // The browser tests run what a user runs: the production plugin build in the console host.
  for (const script of ['build', 'build:host']) {
    if (run('npm', ['run', '--silent', script]) !== 0) return { passed: 0, failed: 1 };
  }
  const dir = mkdtempSync(join(tmpdir(), 'playwright-'));
  const out = join(dir, 'report.json');
  const code = run('npx', ['playwright', 'test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: out,
  });
  try {
    const { stats } = JSON.parse(readFileSync(out, 'utf8'));
    const failed = stats.unexpected + stats.flaky + (code !== 0 && stats.unexpected === 0 ? 1 : 0);
    return { passed: stats.expected, failed, skipped: stats.skipped };
  } catch {
    return { passed: 0, failed: 1 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

console.log('\n' + lines.join('\n'));
console.log(
  `${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`,
);
process.exit(totals.failed ? 1 : 0);
