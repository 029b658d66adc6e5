#!/usr/bin/env node
// Runs a Node script in this process and, on exit, reports the process's peak resident set size on stderr
// as "MAXRSS_KB=<n>", and its CPU time (user + system) as "CPU_MS=<n>". Used by the benchmark only where /usr/bin/time is not available.
// Usage: node bench/max-rss.cjs SCRIPT [ARGS...]
const path = require('node:path');

const [script, ...args] = process.argv.slice(2);
if (!script) {
  process.stderr.write('usage: max-rss.cjs SCRIPT [ARGS...]\n');
  process.exit(2);
}
process.on('exit', () => {
  const usage = process.resourceUsage();
  const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
  process.stderr.write(`\nMAXRSS_KB=${usage.maxRSS}\nCPU_MS=${cpuMs}\n`);
});
process.argv = [process.argv[0], path.resolve(script), ...args];
require(path.resolve(script));
