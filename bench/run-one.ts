// Runs one bench file's `run()`; bench/run.ts starts one process per file.
import { pathToFileURL } from 'node:url';

const file = process.argv[2];
if (!file) throw new Error('usage: run-one.ts BENCH_FILE');
const mod = (await import(pathToFileURL(file).href)) as { run: () => Promise<void> };
await mod.run();
