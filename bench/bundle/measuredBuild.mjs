// Runs webpack-cli in this process and reports the process's peak memory at exit, so the bundle
// benchmark can measure the production build without an external `time` binary.
process.on('exit', () => {
  process.stderr.write(`\nBUILD_MAX_RSS_KB ${process.resourceUsage().maxRSS}\n`);
});
await import('webpack-cli/bin/cli.js');
