// Every format on the bundled seed (100 papers of a Hugging Face Daily Papers page): read back by
// the tools their users have, and pinned byte for byte by golden files in test/fixtures/golden/
// (update on purpose with `npx vitest run test/core/export/seed.test.ts -u`, then review the diff).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { parse as parseCsv } from 'csv-parse/sync';
import { asLibraryPapers } from '../../../src/core/library.js';
import { parseDigest } from '../../../src/core/parse/index.js';
import { formatExport } from '../../../src/core/export/index.js';
import { readReadingList } from '../../../src/core/export/reading-list.js';
import type { CslItem } from '../../../src/core/export/csl-json.js';
import type { ExportEntry, ExportMeta } from '../../../src/core/export/types.js';
import { md, renderBibliography, taskItems } from './render.js';

const SEED = fileURLToPath(new URL('../../../seeds/000_8fc7cc936e25f888.txt', import.meta.url));
// The seed's dates have no year; a fixed one keeps the goldens independent of the file's mtime.
const parsed = parseDigest(readFileSync(SEED, 'utf8'), { file: '000_8fc7cc936e25f888.txt', year: 2025, yearSource: 'flag' });
const papers = asLibraryPapers(parsed.papers, 'seed', '2025-03-14T09:00:00.000Z');
// A few decisions, so ticks, tag groups and notes show in the goldens.
const TAGS: Record<number, string[]> = { 0: ['read', 'interp'], 1: ['to-read'], 4: ['icl', 'to-read'], 7: ['read'] };
const NOTES: Record<number, string> = { 1: 'Compare with net2net.\n\n- growth schedule?' };
const seedEntries: ExportEntry[] = papers.map((paper, i) => ({ paper, tags: TAGS[i] ?? [], note: NOTES[i] ?? null }));
const META: ExportMeta = { generated: '2025-04-01', query: null, tags: [], notTags: [] };
const MD = { group: 'none', abstracts: 'tldr' } as const;

describe('exports of the seed', () => {
  it('has the 100 papers of the seed', () => {
    expect(papers).toHaveLength(100);
  });

  it('md: one task item per paper, titles and links intact, read back with every id', () => {
    for (const abstracts of ['none', 'tldr', 'full'] as const) {
      for (const group of ['none', 'tag', 'date'] as const) {
        const text = formatExport('md', seedEntries, META, { group, abstracts });
        const items = taskItems(text);
        expect(items).toHaveLength(papers.length);
        const byTitle = new Map(items.map((i) => [i.title, i]));
        for (const p of papers) {
          const item = byTitle.get(p.title.replace(/\s+/g, ' ').trim());
          expect(item, p.title).toBeDefined();
          const links = p.links.filter((l) => l.kind !== 'other').map((l) => md.normalizeLink(l.url));
          expect([...item!.hrefs].sort()).toEqual([...links].sort());
        }
        const back = readReadingList(text);
        expect(back.kind === 'reading-list' && back.items.map((i) => i.id)).toEqual(expect.arrayContaining(papers.map((p) => p.id)));
      }
    }
  });

  it('bibtex: parses with one entry per paper and unique keys', () => {
    const lib = parseBibtex(formatExport('bibtex', seedEntries, META, MD), { english: false, sentenceCase: false });
    expect(lib.errors).toEqual([]);
    expect(lib.entries).toHaveLength(papers.length);
    expect(new Set(lib.entries.map((e) => e.key)).size).toBe(papers.length);
    lib.entries.forEach((e, i) => expect(e.fields.title).toBe(papers[i]!.title.replace(/\s+/g, ' ').trim()));
  });

  it('csl-json: citeproc-js renders a bibliography entry for every paper', () => {
    const items = JSON.parse(formatExport('csl-json', seedEntries, META, MD)) as CslItem[];
    const bib = renderBibliography(items);
    expect(bib).toHaveLength(papers.length);
    const html = (t: string) => t.replace(/\s+/g, ' ').trim().replace(/&/g, '&#38;').replace(/</g, '&#60;').replace(/>/g, '&#62;');
    // The seed names no authors: each entry is "2025. Title." (citeproc curls apostrophes and quotes).
    bib.forEach((entry, i) => expect(entry.replace(/\u202f/g, ' ').replace(/’/g, "'").replace(/[“”]/g, '"')).toContain(`<div class="csl-entry">2025. ${html(papers[i]!.title)}`));
  });

  it('csv: round-trips through csv-parse', () => {
    const rows = parseCsv(formatExport('csv', seedEntries, META, MD), { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => [r.id, r.title, r.abstract, r.note])).toEqual(seedEntries.map((e) => [e.paper.id, e.paper.title, e.paper.abstract, e.note ?? '']));
  });

  it('ris and json: one record per paper', () => {
    expect(formatExport('ris', seedEntries, META, MD).match(/^TY {2}- /gm)).toHaveLength(papers.length);
    expect(JSON.parse(formatExport('json', seedEntries, META, MD)).papers).toHaveLength(papers.length);
  });

  describe('golden files', () => {
    const golden = (name: string) => `../../fixtures/golden/${name}`;
    it.each([
      ['seed.md', 'md', MD],
      ['seed-by-tag-full.md', 'md', { group: 'tag', abstracts: 'full' }],
      ['seed.json', 'json', MD],
      ['seed.csl.json', 'csl-json', MD],
      ['seed.bib', 'bibtex', MD],
      ['seed.ris', 'ris', MD],
      ['seed.csv', 'csv', MD],
    ] as const)('%s', async (file, format, options) => {
      const text = formatExport(format, seedEntries, META, options);
      expect(formatExport(format, seedEntries, META, options)).toBe(text);
      await expect(text).toMatchFileSnapshot(golden(file));
    });
  });
});
