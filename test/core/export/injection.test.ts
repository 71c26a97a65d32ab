// Exports of papers whose fields a stranger wrote: nothing in a field runs in a spreadsheet, leaves
// its Markdown link, starts a RIS tag or ends a BibTeX field.
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, formatCsv } from '../../../src/core/export/csv.js';
import { formatMarkdown } from '../../../src/core/export/markdown.js';
import { formatRis } from '../../../src/core/export/ris.js';
import { formatBibtex } from '../../../src/core/export/bibtex.js';
import { formatJson } from '../../../src/core/export/json.js';
import { META, entries, libraryPaper } from './fixtures.js';
import { md } from './render.js';

const FORMULAS = ['=HYPERLINK("http://evil.example","x")', '+1+cmd|" /C calc"!A0', '-2+3', '@SUM(A1:A9)', '\t=1+1', '\r=1+1'];

describe('csv', () => {
  const papers = FORMULAS.map((f, i) => libraryPaper({ id: `f${i}`, title: f, authors: [f], abstract: f }));

  it('defuses every cell a spreadsheet would run with a leading quote', () => {
    const rows = parseCsv(formatCsv(entries(papers)), { columns: true }) as Array<Record<string, string>>;
    rows.forEach((row, i) => {
      for (const column of ['title', 'authors', 'abstract']) expect(row[column], `${column} ${i}`).toBe(`'${FORMULAS[i]}`);
      expect(row.id).toBe(`f${i}`);
    });
  });

  it('keeps cells exactly as they are with raw', () => {
    const text = formatCsv(entries(papers), { raw: true });
    expect(text.startsWith(`${CSV_COLUMNS.join(',')}\r\n`)).toBe(true);
    const rows = parseCsv(text, { columns: true }) as Array<Record<string, string>>;
    rows.forEach((row, i) => expect(row.title).toBe(FORMULAS[i]));
  });

  it('leaves ordinary cells alone', () => {
    const rows = parseCsv(formatCsv(entries([libraryPaper({ id: 'p', title: 'A = B + C', date: '2025-03-12', authors: ['O’Neil'] })])), { columns: true }) as Array<Record<string, string>>;
    expect(rows[0]).toMatchObject({ title: 'A = B + C', date: '2025-03-12', authors: 'O’Neil' });
  });
});

const HOSTILE_URLS = [
  'https://github.com/x/y\n\n# Injected heading\n\n[click](https://evil.example)',
  'https://github.com/x/y) [second](https://evil.example',
  'https://github.com/x/y>\n<https://evil.example>',
  'https://github.com/x/y\r\n- [ ] fake item <!-- papers:id=2501.00011 ticked -->',
  'https://github.com/x/\u001b]52;c;cm0K\u0007y z',
  'https://github.com/x/[y]`z`{w}|v\\u',
];

describe('markdown', () => {
  const papers = HOSTILE_URLS.map((url, i) => libraryPaper({ id: `u${i}`, title: `Paper ${i}`, links: [{ url, kind: 'code' }], doi: i === 0 ? '10.1/x)\n# doi heading' : null }));
  const text = formatMarkdown(entries(papers), META, { group: 'none', abstracts: 'none' });
  const tokens = md.parse(text, {});

  it('keeps every URL inside its link: one link per link written, one heading, one item per paper', () => {
    const links = tokens.flatMap((t) => t.children ?? []).filter((t) => t.type === 'link_open');
    // paper 0 has a DOI link and a code link; the others a code link each
    expect(links).toHaveLength(papers.length + 1);
    // as many headings as the same export of harmless papers has (markdown-it reads the front matter's end as one)
    const benign = md.parse(formatMarkdown(entries([libraryPaper({ id: 'ok', title: 'Fine' })]), META, { group: 'none', abstracts: 'none' }), {});
    expect(tokens.filter((t) => t.type === 'heading_open')).toHaveLength(benign.filter((t) => t.type === 'heading_open').length);
    expect(tokens.filter((t) => t.type === 'list_item_open')).toHaveLength(papers.length);
    // the hostile text stays inside the URL it came with (percent-encoded), never a link of its own
    for (const link of links) expect(String(link.attrGet('href'))).toMatch(/^https:\/\/(github\.com\/x\/|doi\.org\/10\.1\/x)\S*$/);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });

  it('writes each paper on one line ending in its id comment', () => {
    const items = text.split('\n').filter((l) => l.startsWith('- ['));
    expect(items).toHaveLength(papers.length);
    items.forEach((line, i) => expect(line).toMatch(new RegExp(`<!-- papers:id=u${i} -->$`)));
  });

  it('percent-encodes what a URL cannot hold, so the link still leads to the same place', () => {
    const plain = formatMarkdown(entries([libraryPaper({ id: 'a', title: 'T', links: [{ url: 'https://例え.jp/パス?q=a b&x=%41', kind: 'project' }] })]), META, { group: 'none', abstracts: 'none' });
    expect(plain).toContain('(https://%E4%BE%8B%E3%81%88.jp/%E3%83%91%E3%82%B9?q=a%20b&x=%41)');
  });
});

describe('ris', () => {
  const breaks = ['\n', '\r', '\r\n', '\u2028', '\u0085', '\u000b', '\u000c'];
  const papers = breaks.map((b, i) =>
    libraryPaper({ id: `r${i}`, title: `Title${b}ER  - ${b}TY  - JOUR`, authors: [`Evil${b}AU  - Injected`], abstract: `a${b}UR  - https://evil.example`, doi: `10.1/x${b}DO  - y`, venue: `v${b}T2  - w` }),
  );
  const text = formatRis(entries(papers));

  it('keeps every value on its line: one record per paper, no tag the digest wrote', () => {
    const lines = text.split('\r\n');
    for (const line of lines) expect(line).toMatch(/^([A-Z][A-Z0-9] {2}- .*)?$/);
    expect(lines.filter((l) => l.startsWith('TY  - '))).toHaveLength(papers.length);
    expect(lines.filter((l) => l.startsWith('ER  - '))).toHaveLength(papers.length);
    for (const tag of ['TI', 'AU', 'DO', 'T2', 'AB']) expect(lines.filter((l) => l.startsWith(`${tag}  - `)), tag).toHaveLength(papers.length);
    expect(lines.filter((l) => l.startsWith('UR  - ')).every((l) => l.startsWith('UR  - https://doi.org/'))).toBe(true);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028]/);
  });
});

describe('bibtex', () => {
  const papers = [
    libraryPaper({ id: 'b1', title: 'x}, note = "injected", t = {', authors: ['A} and {B'], abstract: 'lone } brace', date: '2025-01-02' }),
    libraryPaper({ id: 'b2', title: 'opens { only', abstract: 'a\n@misc{evil, title={x}}', doi: '10.1/}{', links: [], arxivId: null }),
    libraryPaper({ id: 'b3', title: 'paired {braces} stay', abstract: 'W_{ij}', date: '2025-01-02' }),
  ];
  const text = formatBibtex(entries(papers), META);

  /** Brace depth as BibTeX counts it (backslashes do not escape braces): never below zero, zero at each entry's end. */
  function entryBodies(bib: string): string[] {
    const bodies: string[] = [];
    let depth = 0;
    let start = -1;
    for (let i = 0; i < bib.length; i++) {
      if (bib[i] === '{') {
        if (depth === 0) start = i;
        depth++;
      } else if (bib[i] === '}') {
        depth--;
        expect(depth).toBeGreaterThanOrEqual(0);
        if (depth === 0) bodies.push(bib.slice(start, i + 1));
      }
    }
    expect(depth).toBe(0);
    return bodies;
  }

  it('keeps braces balanced in every field, so no field ends early and none is injected', () => {
    const bodies = entryBodies(text);
    expect(bodies).toHaveLength(papers.length);
    expect(text.match(/^@/gm)).toHaveLength(papers.length);
    expect(text).not.toMatch(/^\s*note = \{?"injected/m);
    for (const body of bodies) {
      // each field is `name = {value}` on a line of its own; the values' braces pair up
      const fields = body.split('\n').filter((l) => /^ {2}\w+ = /.test(l));
      for (const f of fields) expect(f).toMatch(/^ {2}[a-zA-Z]+ = (\{.*\}|[a-z]+),?$/);
    }
    expect(text).toContain('paired \\{braces\\} stay');
    expect(text).toContain('W\\_\\{ij\\}');
  });
});

describe('json', () => {
  it('escapes every control, keeping the data exact', () => {
    const title = 'a\u001b]52;c;x\u0007b\u009b31m\u202ec\u007f';
    const text = formatJson(entries([libraryPaper({ id: 'j', title })]), META);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(JSON.parse(text).papers[0].title).toBe(title);
  });
});
