// Synthetic libraries for benchmarks: papers recombined from the seed's titles and sentences with a
// seeded PRNG, so every run measures the same corpus. Not used by tests.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { emptyPaper, type Paper } from '../src/core/model.js';
import { paperId } from '../src/core/ids.js';

const SEED = fileURLToPath(new URL('../seeds/000_8fc7cc936e25f888.txt', import.meta.url));

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Material {
  titleWords: string[];
  sentences: string[];
}

let material: Material | undefined;
function seedMaterial(): Material {
  if (material) return material;
  const paragraphs = readFileSync(SEED, 'utf8').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const titles = paragraphs.filter((p) => p.length > 20 && p.length < 200 && !p.includes('\n'));
  const abstracts = paragraphs.filter((p) => p.length >= 200);
  material = {
    titleWords: titles.join(' ').split(/\s+/).filter((w) => w.length > 2),
    sentences: abstracts.flatMap((a) => a.split(/(?<=\.)\s+(?=[A-Z])/)).filter((s) => s.length > 20),
  };
  return material;
}

const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;

/** n papers; about a third carry an arXiv id, dates spread over two years. `from`: the number of the first (for chunks of a larger set). */
export function syntheticPapers(n: number, seed = 42, from = 0): Paper[] {
  const { titleWords, sentences } = seedMaterial();
  const rand = prng(seed + from);
  const papers: Paper[] = [];
  for (let i = from; i < from + n; i++) {
    const title = Array.from({ length: 5 + Math.floor(rand() * 7) }, () => pick(rand, titleWords)).join(' ') + ` ${i}`;
    const abstract = Array.from({ length: 5 + Math.floor(rand() * 6) }, () => pick(rand, sentences)).join(' ');
    const day = new Date(Date.UTC(2024, 0, 1) + Math.floor(rand() * 730) * 86_400_000).toISOString().slice(0, 10);
    const arxivId = rand() < 0.33 ? `${day.slice(2, 4)}${day.slice(5, 7)}.${String(10000 + i).slice(-5)}` : null;
    const links = rand() < 0.4 ? [{ url: `https://github.com/synthetic/repo-${i}`, kind: 'code' as const }] : [];
    papers.push({ ...emptyPaper({ file: 'synthetic', line: i * 4 + 1 }), id: paperId(arxivId, title), title, abstract, abstractKind: 'abstract', arxivId, date: day, links });
  }
  return papers;
}

/** The papers as Hugging Face page text, one date header per day: input for parse and import benches. */
export function syntheticDigest(papers: readonly Paper[]): string {
  const lines = ['new', '', 'Get trending papers in your email inbox!', '', 'Subscribe', '', 'byAK and the research community', ''];
  let lastDate = '';
  for (const p of papers) {
    if (p.date && p.date !== lastDate) {
      lines.push(p.date, '');
      lastDate = p.date;
    }
    lines.push(p.title, '', p.abstract, '');
  }
  return lines.join('\n');
}
