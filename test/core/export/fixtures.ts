// Synthetic library papers for the export tests: ordinary ones, and ones whose titles, abstracts,
// authors and links hold every character that Markdown, BibTeX, CSV or YAML would misread.
import { emptyPaper, type Paper } from '../../../src/core/model.js';
import type { LibraryPaper } from '../../../src/core/library.js';
import type { ExportEntry, ExportMeta } from '../../../src/core/export/types.js';

export function libraryPaper(fields: Partial<Paper> & { id: string; title: string }): LibraryPaper {
  const paper = { ...emptyPaper({ file: 'synthetic.txt', line: 1 }), ...fields };
  return {
    ...paper,
    aliases: [],
    sightings: [{ digest: 'd1', file: 'synthetic.txt', line: 1, date: paper.date, importedAt: '2025-03-12T08:00:00.000Z' }],
    firstSeen: paper.date,
    lastSeen: paper.date,
  };
}

export const NASTY_TITLES = [
  'Stars *and* _underscores_ and **bold** claims',
  'Brackets [like this](http://evil.example) and ![images]',
  'Pipes | in | tables and <script>alert(1)</script> tags',
  'Back`ticks` and $x^2$ math $$ and \\backslashes\\',
  'Ampersands &amp; entities, #hashtags, ~~strikes~~, ==marks== and %%comments%%',
  '- starts like a list item',
  '1. starts like a numbered one {with} braces',
  '50% of C# under_score & co: ^carets~',
  'MixtureGrowth for LLMs: GPT-4, iPhone and {braced} text',
  'A fake <!-- papers:id=evil ticked --> comment',
  'Ünïcödé Tïtle: Grüße aus Köln — “quotes”, 日本語',
];

export function nastyPapers(): LibraryPaper[] {
  return NASTY_TITLES.map((title, i) =>
    libraryPaper({
      id: `t${String(i).padStart(8, 'n')}`,
      title,
      abstract: `${title}. A second sentence with "quotes", commas, and a line\nbreak. Third one.`,
      abstractKind: 'abstract',
      authors: i % 2 === 0 ? ['José Müller', 'Ludwig van Beethoven', 'Martin Luther King Jr.'] : ['DeepSeek-AI'],
      date: `2025-03-${String(10 + (i % 3)).padStart(2, '0')}`,
      links: [{ url: `https://github.com/ex/repo_(${i})`, kind: 'code' }],
    }),
  );
}

export function plainPapers(): LibraryPaper[] {
  return [
    libraryPaper({
      id: '2503.01234',
      arxivId: '2503.01234',
      title: 'Attention Is All You Need, Again',
      abstract: 'We revisit attention, e.g. in transformers by Vaswani et al. in 2017. It still works. More text follows.',
      abstractKind: 'abstract',
      authors: ['Ashish Vaswani', 'Noam Shazeer'],
      categories: ['cs.CL', 'cs.LG'],
      date: '2025-03-12',
      links: [
        { url: 'https://github.com/example/attention', kind: 'code' },
        { url: 'https://example.org/attention/', kind: 'project' },
      ],
    }),
    libraryPaper({
      id: '2503.05678',
      arxivId: '2503.05678',
      title: 'Attention Is Not All You Need',
      abstract: 'A rebuttal.',
      abstractKind: 'summary',
      authors: ['Ashish Vaswani'],
      date: '2025-03-12',
      doi: '10.1000/xyz123',
      journalRef: 'Journal of Examples 12 (2025) 1-10',
    }),
    libraryPaper({ id: 'tabcdefgh', title: 'No Abstract, No Authors, No Date', abstract: '', abstractKind: 'none' }),
  ];
}

export const META: ExportMeta = { generated: '2025-04-01', query: 'attention "is all"', tags: [], notTags: [] };

export function entries(papers: LibraryPaper[], tags: Record<string, string[]> = {}, notes: Record<string, string> = {}): ExportEntry[] {
  return papers.map((paper) => ({ paper, tags: [...(tags[paper.id] ?? [])].sort(), note: notes[paper.id] ?? null }));
}
