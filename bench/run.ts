// `npm run bench`: runs every bench/*.bench.ts (or those whose names contain an argument) in turn.
// Figures depend on the machine and what else runs on it: compare within one run, not across runs.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import os from 'node:os';

const dir = fileURLToPath(new URL('.', import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

console.log(`papers bench — node ${process.version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? '?'}; ${new Date().toISOString()}`);
console.log('Timings are noisy on a shared machine: compare figures within one run.\n');
for (const file of files) {
  console.log(`## ${file}`);
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as { run: () => Promise<void> };
  await mod.run();
  console.log('');
}
