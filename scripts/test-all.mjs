// `npm test`: the unit and DOM tests, then the browser (e2e) tests even when the first failed,
// so one run shows every failure; exits non-zero when either failed.
import { spawnSync } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = (script) => spawnSync(npm, ['run', script], { stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1;
const unit = run('test:unit');
const e2e = run('test:e2e');
if (unit !== 0) console.error(`npm test: the unit tests failed (exit ${unit}).`);
if (e2e !== 0) console.error(`npm test: the browser tests failed (exit ${e2e}).`);
process.exit(unit || e2e);
