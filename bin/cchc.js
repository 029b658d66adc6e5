#!/usr/bin/env node
// Entry for `npx cchc`: runs the bundle dist/cli/cchc.js, built from src/ by scripts/build-cli.js. `npm ci`
// builds it (the prepare script), and so do `npm run demo`, `npm run cchc` and `npm run build:cli`: after an
// edit to src/, use one of those, or this runs the bundle as it was built.
const path = require('node:path');
const { CLI_NODE_FLAGS } = require('./node-flags');

const bundle = path.join(__dirname, '..', 'dist', 'cli', 'cchc.js');

// Started without the V8 options the CLI runs with (bin/node-flags.js): start Node again with them, once.
const RELAUNCHED = 'CCHC_RELAUNCHED';
if (!process.env[RELAUNCHED] && !CLI_NODE_FLAGS.every((flag) => process.execArgv.includes(flag))) {
  relaunch();
} else {
  run();
}

/**
 * Runs the CLI in a child Node with CLI_NODE_FLAGS, its standard streams this process's own, and ends as it
 * ends: the same exit code, or the same signal. A signal sent to this process alone (kill PID) is passed on;
 * a terminal's Ctrl+C reaches both, and the CLI's handler ends it at the first. On Windows kill() would end
 * the child without its clean-up, and the console gives Ctrl+C to both processes anyway: nothing is passed on,
 * and this process waits for the child.
 */
function relaunch() {
  const { spawn } = require('node:child_process');
  const child = spawn(
    process.execPath,
    [...process.execArgv, ...CLI_NODE_FLAGS, __filename, ...process.argv.slice(2)],
    {
      stdio: 'inherit',
      env: { ...process.env, [RELAUNCHED]: '1' },
    },
  );
  const running = () => child.exitCode === null && child.signalCode === null;
  const signals = process.platform === 'win32' ? ['SIGINT', 'SIGBREAK'] : ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const handlers = signals.map((signal) => {
    const handler = () => {
      if (process.platform !== 'win32' && running()) child.kill(signal);
    };
    process.on(signal, handler);
    return [signal, handler];
  });
  child.on('error', (error) => {
    if (child.pid !== undefined) return; // a signal that could not be passed on: the child ends by itself
    console.error(`Không chạy được Node.js (${process.execPath}): ${error.message}`);
    process.exit(2);
  });
  child.on('exit', (code, signal) => {
    for (const [name, handler] of handlers) process.off(name, handler);
    if (signal) process.kill(process.pid, signal);
    else process.exitCode = code ?? 2;
  });
}

/** The CLI in this process. */
function run() {
  let cli;
  try {
    cli = require(bundle);
  } catch (error) {
    // Only the bundle itself missing; a module the bundle needs missing is a broken install, shown as it is.
    if (error.code !== 'MODULE_NOT_FOUND' || !error.message.split('\n')[0].includes(bundle)) throw error;
    console.error('Chưa có dist/cli/cchc.js: chạy "npm run build:cli" (hoặc "npm ci") rồi thử lại.');
    process.exit(2);
  }
  cli.runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
