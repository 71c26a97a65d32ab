// `npm run bench`: runs every bench/*.bench.ts (or those whose names contain an argument), each in a
// process of its own so that one bench's memory and JIT state never colour another's figures.
// Figures depend on the machine and what else runs on it: compare within one run, not across runs.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import os from 'node:os';

const dir = fileURLToPath(new URL('.', import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

console.log(`papers bench — node ${process.version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? '?'}; ${new Date().toISOString()}`);
console.log(`load average at start: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log('Timings are noisy on a shared machine: compare figures within one run.\n');
let failed = 0;
for (const file of files) {
  console.log(`## ${file}`);
  const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(dir, 'run-one.ts'), join(dir, file)], { stdio: 'inherit' });
  if (child.status !== 0) {
    failed++;
    console.log(`(${file} failed with exit code ${child.status ?? child.signal})`);
  }
  console.log('');
}
process.exit(failed > 0 ? 1 : 0);
