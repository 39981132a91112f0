// `npm test`: the static checks (the `typecheck`, `lint` and `check:generated` scripts) at the same
// time, each one's output printed whole when it ends, then — when all passed — Jest, given any
// arguments of `npm test -- …`. The exit code is the first failure's. A script's `a && b` steps are
// independent checks, so they run side by side too; package.json stays the one list of commands.
const { spawn } = require('node:child_process');
const path = require('node:path');
const pkg = require('../package.json');

const ROOT = path.dirname(require.resolve('../package.json'));
const CHECKS = ['typecheck', 'lint', 'check:generated'];
// As `npm run` would: the project's bins first on PATH, whoever starts this script.
const env = {
  ...process.env,
  PATH: `${path.join(ROOT, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH}`,
};

/** One command in a shell; resolves with its exit code and its stdout and stderr interleaved. */
function runPart(name, command) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, { cwd: ROOT, env, shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', (error) => (output += `${error.message}\n`));
    child.on('close', (code, signal) =>
      resolve({
        name,
        command,
        code: code ?? (signal ? 1 : 0),
        output,
        seconds: (Date.now() - started) / 1000,
      }),
    );
  });
}

async function main() {
  const parts = CHECKS.flatMap((script) =>
    pkg.scripts[script].split(' && ').map((command, i, all) => ({
      name: all.length > 1 ? `${script} (${i + 1}/${all.length})` : script,
      command,
    })),
  );
  const results = await Promise.all(parts.map((p) => runPart(p.name, p.command)));
  for (const r of results) {
    process.stdout.write(`\n> ${r.name}: ${r.command}\n${r.output}`);
    process.stdout.write(`${r.code === 0 ? 'ok' : `FAILED (exit ${r.code})`} in ${r.seconds.toFixed(1)} s\n`);
  }
  const failed = results.find((r) => r.code !== 0);
  if (failed) {
    process.stdout.write(`\nnpm test: ${failed.name} failed; Jest was not run.\n`);
    return failed.code;
  }
  process.stdout.write('\n> jest\n');
  // No shell here: `npm test -- -t 'a name'` reaches Jest word for word.
  const jest = spawn(process.execPath, [require.resolve('jest/bin/jest'), ...process.argv.slice(2)], {
    cwd: ROOT,
    env,
    stdio: 'inherit',
  });
  return new Promise((resolve) => jest.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

main().then((code) => (process.exitCode = code));
