// Export throughput: every format on 10,000 and 100,000 synthetic papers (bench/synthetic.ts),
// and reading a 10,000-item Markdown list back. Linear time means the per-paper cost stays flat
// from 10k to 100k.
import { asLibraryPapers } from '../src/core/library.js';
import { formatExport, EXPORT_FORMATS, type ExportEntry, type ExportMeta } from '../src/core/export/index.js';
import { readReadingList } from '../src/core/export/reading-list.js';
import { syntheticPapers } from './synthetic.js';

const META: ExportMeta = { generated: '2025-04-01', query: null, tags: [], notTags: [] };

function entriesOf(n: number): ExportEntry[] {
  const papers = asLibraryPapers(syntheticPapers(n, 7), 'bench', '2025-04-01T00:00:00.000Z');
  return papers.map((paper, i) => ({ paper, tags: i % 3 === 0 ? ['to-read'] : i % 7 === 0 ? ['read', 'ml'] : [], note: i % 50 === 0 ? `note ${i}` : null }));
}

function time<T>(f: () => T): { ms: number; value: T } {
  const start = process.hrtime.bigint();
  const value = f();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

export async function run(): Promise<void> {
  for (const n of [10_000, 100_000]) {
    const entries = entriesOf(n);
    for (const format of EXPORT_FORMATS) {
      const options = { group: 'tag', abstracts: format === 'md' ? 'full' : 'none' } as const;
      formatExport(format, entries.slice(0, 100), META, options); // warm up
      const { ms, value } = time(() => formatExport(format, entries, META, options));
      console.log(`${format.padEnd(8)} ${String(n).padStart(7)} papers: ${ms.toFixed(0).padStart(6)} ms  (${((ms * 1000) / n).toFixed(1)} µs/paper, ${(value.length / 1e6).toFixed(1)} MB)`);
    }
    const md = formatExport('md', entries, META, { group: 'tag', abstracts: 'full' });
    const { ms } = time(() => readReadingList(md));
    console.log(`read md  ${String(n).padStart(7)} items : ${ms.toFixed(0).padStart(6)} ms  (${((ms * 1000) / n).toFixed(1)} µs/item)`);
  }
}
