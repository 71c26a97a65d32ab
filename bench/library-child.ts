// Child process of library.bench.ts, so each measurement has its own heap and peak RSS.
//   node --import tsx bench/library-child.ts load DIR      full load of every paper with abstracts
//   node --import tsx bench/library-child.ts reparse DIR   re-parse and merge every raw digest
//   node --import tsx bench/library-child.ts select DIR    open + select --tag to-read (no rendering)
//   node --import tsx bench/library-child.ts tag DIR ID    UI-style tag() + undo() on a held handle
// Prints one JSON line: {ms, papers, maxRssMB}.
import { openLibrary } from '../src/io/library-store.js';
import { readDigestText, readMetas } from '../src/io/digest-store.js';
import { createMerger } from '../src/core/merge.js';
import { formatByName, parseDigest } from '../src/core/parse/index.js';
import { loadParsers } from '../src/io/parsers.js';

await loadParsers(); // the io code re-reads kept digests with them

const [mode, dir, id] = process.argv.slice(2) as [string, string, string | undefined];
const rss = () => Math.round(process.resourceUsage().maxRSS / 1024);
const baseline = rss();
const t0 = performance.now();
const cpu0 = process.cpuUsage();
let papers = 0;
let extra: Record<string, number> = {};
if (mode === 'load') {
  papers = openLibrary(dir).snapshot().papers.length;
} else if (mode === 'select') {
  // what `papers list --tag to-read` does before rendering: open, read decisions, read the candidates
  papers = openLibrary(dir).select({ tags: ['to-read'], notTags: [], since: null, until: null, digests: null }).papers.length;
} else if (mode === 'reparse') {
  const merger = createMerger([]);
  for (const meta of readMetas(dir)) {
    const text = readDigestText(dir, meta.digest)!;
    const result = parseDigest(text, { file: meta.file, year: meta.year ?? 2025, yearSource: 'flag' }, formatByName(meta.format));
    merger.add(result.papers, { digest: meta.digest, file: meta.file, importedAt: meta.importedAt });
  }
  papers = merger.papers.length;
} else if (mode === 'tag') {
  const lib = openLibrary(dir);
  const opened = performance.now() - t0;
  const times: number[] = [];
  for (let i = 0; i < 10; i++) {
    const s = performance.now();
    await lib.tag([id!], ['bench-tag'], []);
    await lib.undo();
    times.push((performance.now() - s) / 2);
  }
  times.sort((a, b) => a - b);
  extra = { openMs: Math.round(opened), medianChangeMs: Math.round(times[5]! * 10) / 10 };
}
const cpu = process.cpuUsage(cpu0);
console.log(JSON.stringify({ ms: Math.round(performance.now() - t0), cpuMs: Math.round((cpu.user + cpu.system) / 1000), papers, maxRssMB: rss(), baselineRssMB: baseline, ...extra }));
