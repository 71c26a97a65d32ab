// Parse throughput of the Hugging Face page parser at 1, 10 and 100 MB of digest text, and on adversarial
// text (long lines of brackets, dots, URLs, LaTeX) at 1 and 10 MB; of the data-file formats at 1 and
// 10 MB. (The markdown and HTML digest readers have parse-markup.bench.ts.) Linear time means the
// MB/s stays flat as the size grows: the "time per MB" ratios printed should be close to 1.
import type { DigestFormat } from '../src/core/parse/index.js';
import { hfPage } from '../src/core/parse/hf-page.js';
import { adversarialOfSize } from './markup-inputs.js';
import { syntheticDigest, syntheticPapers } from './synthetic.js';
import { yaml } from '../src/io/yaml.js';

const MB = 1024 * 1024;
const OPTIONS = { file: 'bench.txt', year: 2025, yearSource: 'flag' as const, yaml };

/** Digest text of about `bytes` characters: chunks of distinct synthetic papers, one seed per chunk. */
function digestOfSize(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let seed = 1; size < bytes; seed++) {
    const chunk = syntheticDigest(syntheticPapers(500, seed));
    parts.push(chunk);
    size += chunk.length + 1;
  }
  return parts.join('\n').slice(0, bytes);
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Best of `runs` parses, in seconds. */
function time(text: string, runs: number, format: DigestFormat = hfPage): { seconds: number; papers: number } {
  let best = Infinity;
  let papers = 0;
  for (let r = 0; r < runs; r++) {
    gc();
    const start = process.hrtime.bigint();
    const result = format.parse(text, OPTIONS);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    papers = result.papers.length;
    best = Math.min(best, seconds);
  }
  return { seconds: best, papers };
}

function report(label: string, build: (bytes: number) => string, sizes: readonly number[], format: DigestFormat = hfPage): void {
  const perMb: number[] = [];
  for (const size of sizes) {
    let text: string | null = build(size * MB);
    const { seconds, papers } = time(text, size >= 100 ? 2 : 3, format);
    text = null;
    perMb.push(seconds / size);
    console.log(`${label} ${String(size).padStart(3)} MB: ${(size / seconds).toFixed(1).padStart(6)} MB/s  (${seconds.toFixed(2)} s, ${papers} papers)`);
  }
  const base = perMb[0]!;
  console.log(`${label} time per MB relative to ${sizes[0]} MB: ${sizes.map((s, i) => `${s} MB ${(perMb[i]! / base).toFixed(2)}`).join(', ')} (1.00 = linear)`);
}

export async function run(): Promise<void> {
  // warm the JIT up first, so that the smallest size is not measured on colder code than the others
  time(digestOfSize(4 * MB), 2);
  report('digest     ', digestOfSize, [1, 10, 100]);
  report('adversarial', adversarialOfSize, [1, 10]);
  await runDataFormats();
}

// ---- Data-file digests: JSON records, JSON lines, CSV and YAML of synthetic papers at 1 and 10 MB.
// The data formats are imported here, not at the top, so this block stays apart from the one above;
// `runDataFormats` alone: node --expose-gc --import tsx -e "import('./bench/parse.bench.ts').then((m) => m.runDataFormats())"

type DataFormat = 'json-records' | 'jsonl' | 'csv' | 'yaml';

function recordsOfSize(bytes: number): Array<Record<string, unknown>> {
  const records: Array<Record<string, unknown>> = [];
  let size = 0;
  for (let seed = 1; size < bytes; seed++) {
    for (const p of syntheticPapers(500, seed)) {
      const record = { arxiv_id: p.arxivId ?? `s2:${p.id}`, title: p.title, authors: p.authors, abstract: p.abstract, published: p.date, upvotes: p.upvotes };
      records.push(record);
      size += p.title.length + p.abstract.length + p.authors.join(', ').length + 60;
      if (size >= bytes) break;
    }
  }
  return records;
}

const csvCell = (v: unknown) => {
  const s = Array.isArray(v) ? v.join(', ') : v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

async function dataText(format: DataFormat, bytes: number): Promise<string> {
  const records = recordsOfSize(bytes);
  if (format === 'json-records') return JSON.stringify({ papers: records }, null, 1);
  if (format === 'jsonl') return records.map((r) => JSON.stringify(r)).join('\n');
  if (format === 'csv') {
    const keys = Object.keys(records[0]!);
    return [keys.join(','), ...records.map((r) => keys.map((k) => csvCell(r[k])).join(','))].join('\r\n');
  }
  const { stringify } = await import('yaml');
  return stringify({ papers: records });
}

export async function runDataFormats(): Promise<void> {
  const { formatByName } = await import('../src/core/parse/index.js');
  for (const name of ['json-records', 'jsonl', 'csv', 'yaml'] as const) {
    const format = formatByName(name)!;
    const perMb: number[] = [];
    for (const size of [1, 10]) {
      const text = await dataText(name, size * MB);
      format.parse(text, OPTIONS); // warm-up
      let best = Infinity;
      let papers = 0;
      for (let r = 0; r < 3; r++) {
        gc();
        const start = process.hrtime.bigint();
        papers = format.parse(text, OPTIONS).papers.length;
        best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
      }
      const mb = text.length / MB;
      perMb.push(best / mb);
      console.log(`${name.padEnd(12)} ${mb.toFixed(1).padStart(5)} MB: ${(mb / best).toFixed(1).padStart(6)} MB/s  (${best.toFixed(2)} s, ${papers} papers)`);
    }
    console.log(`${name.padEnd(12)} time per MB, 10 MB relative to 1 MB: ${(perMb[1]! / perMb[0]!).toFixed(2)} (1.00 = linear)`);
  }
}
