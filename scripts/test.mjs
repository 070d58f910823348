#!/usr/bin/env node
// `npm test`: lint (`npm run lint`), typecheck, production build, then every test (unit and real-Chromium) in one vitest run.
// Fails early, with install instructions, when no Chromium is found.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
const chromium = process.env.CHROMIUM_PATH ?? candidates.find((p) => existsSync(p));
if (!chromium || !existsSync(chromium)) {
  console.error(
    '\nnpm test needs Chromium for the browser tests, and none was found.\n' +
      'Install it:   sudo apt-get update && sudo apt-get install -y chromium fonts-dejavu-core\n' +
      'or point CHROMIUM_PATH at a Chromium or Chrome binary.\n',
  );
  process.exit(1);
}

function run(label, command, args) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { stdio: 'inherit', shell: false });
  if (result.status !== 0) {
    console.error(`\n✗ ${label} failed`);
    process.exit(result.status ?? 1);
  }
}

const bin = (name) => `node_modules/.bin/${name}`;
if (!existsSync(bin('eslint')) || !existsSync(bin('knip'))) {
  console.error('\nnpm test lints first, and ESLint or knip is not installed here: run `npm ci` (or `npm install`).\n');
  process.exit(1);
}
run('lint', 'npm', ['run', '--silent', 'lint']);
run('typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
run('build', bin('vite'), ['build', '--logLevel', 'warn']);
const resultsFile = 'test-results/vitest.json';
rmSync(resultsFile, { force: true });
console.log('\n▶ tests (unit + browser)');
const tests = spawnSync(
  bin('vitest'),
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${resultsFile}`, ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
// One plain closing line with the counts, whatever the reporter printed above.
if (existsSync(resultsFile)) {
  const r = JSON.parse(readFileSync(resultsFile, 'utf8'));
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  console.log(`\nTests: ${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`);
}
process.exit(tests.status ?? 1);
