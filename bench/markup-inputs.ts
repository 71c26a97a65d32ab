// Digest text of a given size for the parse benches: the real markdown and HTML samples of
// test/fixtures/corpora repeated with their arXiv ids made unique per copy (a copy keeps its own
// repeats, so a paper listed twice in a sample stays one paper), the shapes generators write, and
// text built to trip backtracking regexes and quadratic scans.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Paper } from '../src/core/model.js';
import { syntheticPapers } from './synthetic.js';

const CORPORA = fileURLToPath(new URL('../test/fixtures/corpora/', import.meta.url));
const sample = (name: string) => readFileSync(CORPORA + name, 'utf8');

const MARKDOWN_SAMPLES = ['digest-ja-1.md', 'digest-zh-1.md', 'jekyll-ko-1.md', 'jekyll-zh-1.md', 'newsletter-zh-1.md', 'readme-details-1.md', 'scholar-report-1.md', 'table-1.md', 'themes-md-1.md'];

/** New-style ids (`2505.03135`) and their dotless file-name spelling (`250503135v1-`), renumbered for copy `copy`. */
function renumber(text: string, copy: number): string {
  const ids = new Map<string, string>();
  const fresh = (id: string) => {
    let out = ids.get(id);
    if (!out) {
      const n = copy * 4000 + ids.size;
      out = `${String(2300 + Math.floor(n / 90000)).padStart(4, '0')}.${10000 + (n % 90000)}`;
      ids.set(id, out);
    }
    return out;
  };
  return text
    .replace(/\b(\d{4})\.(\d{4,5})(?=v\d|\b)/g, (id) => fresh(id))
    .replace(/\b(\d{4})(\d{5})(v\d+[-_.])/g, (_, a: string, b: string, v: string) => fresh(`${a}.${b}`).replace('.', '') + v);
}

/** `unit(i)` repeated up to `bytes`, between a head and a tail. */
function grow(bytes: number, head: string, unit: (i: number) => string, tail: string): string {
  const parts = [head];
  let size = head.length + tail.length;
  for (let i = 0; size < bytes; i++) {
    const u = unit(i);
    parts.push(u);
    size += u.length;
  }
  parts.push(tail);
  return parts.join('');
}

const markdownSamples = MARKDOWN_SAMPLES.map(sample).join('\n\n');
/** The real markdown samples, one after another, renumbered per round. */
export const realMarkdown = (bytes: number) => grow(bytes, '', (i) => `${renumber(markdownSamples, i)}\n\n`, '');

const page = sample('html-ko-1.html');
const bodyStart = page.indexOf('>', page.indexOf('<body')) + 1;
const bodyEnd = page.lastIndexOf('</body>');
/** The real HTML page with its body repeated, renumbered per copy. */
export const realHtml = (bytes: number) => grow(bytes, page.slice(0, bodyStart), (i) => renumber(page.slice(bodyStart, bodyEnd), i), page.slice(bodyEnd));

/**
 * Text built to trip backtracking regexes and quadratic scans: cards whose abstracts are long runs of
 * dots, brackets, URL schemes, LaTeX groups that never close, dollar signs, link stubs, labels glued to
 * URLs, odd spaces; and headings that never close their bracket.
 */
export function adversarialOfSize(bytes: number): string {
  const patterns = [
    'a.'.repeat(5000),
    '[['.repeat(5000),
    'https://'.repeat(2000),
    '\\frac{'.repeat(2000),
    '\\href{'.repeat(2000),
    '\\color['.repeat(2000),
    '$'.repeat(10000),
    '{this '.repeat(2000),
    'https://x.org{here}'.repeat(500),
    'github.com/'.repeat(1000),
    ' '.repeat(10000) + 'x',
    '{'.repeat(5000) + '}'.repeat(5000),
    '1times'.repeat(2000),
    'a\u00a0\u200b '.repeat(3000),
  ];
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const card = i % 7 === 6 ? `### [${'word '.repeat(2000)}\n\n` : `Adversarial Card ${i}\n\n${patterns[i % patterns.length]} end.\n\n`;
    parts.push(card);
    size += card.length;
  }
  return parts.join('').slice(0, bytes);
}

/** A made-up id for the `n`th paper of a text, unique up to 9 million papers. */
const idOf = (n: number) => `${2300 + Math.floor(n / 90000)}.${10000 + (n % 90000)}`;

/** Markdown in three generators' shapes, cycling per paper: numbered linked headings with fields, table rows, `<details>` cards. */
function markdownChunk(papers: readonly Paper[], first: number): string {
  return papers
    .map((p, i) => {
      const id = idOf(first + i);
      if (i % 3 === 0) return `### ${i + 1}. **[${p.title}](https://arxiv.org/abs/${id}v1)**\n- **评分**: ⭐ 78/100 | **日期**: ${p.date}\n- **AI摘要**: ${p.abstract.slice(0, 80)}\n\n**概要**\n\n${p.abstract}\n`;
      if (i % 3 === 1) return `|**${p.date}**|**${p.title}**|A. Author et.al.|[${id}](http://arxiv.org/abs/${id})|null|\n`;
      return `<details>\n<summary><b>${i + 1}. ${p.title}</b> ⭐ ${i % 97}</summary>\n\n**🔗 Links:** [🤗 HuggingFace](https://huggingface.co/papers/${id}) • [📄 arXiv](https://arxiv.org/abs/${id})\n\n> ${p.abstract}\n\n</details>\n`;
    })
    .join('\n');
}

/** `<div class="paper">` cards. */
function htmlChunk(papers: readonly Paper[], first: number): string {
  return papers
    .map((p, i) => `<div class="paper">\n<div class="paper-line1">📄 <a href="https://arxiv.org/abs/${idOf(first + i)}"><strong>${p.title}</strong></a> <span class="badge">CV</span></div>\n<div class="paper-authors">👥 A. Author, B. Author et al.</div>\n<p>${p.abstract}</p>\n</div>\n`)
    .join('\n');
}

function generated(chunk: (papers: readonly Paper[], first: number) => string, head: string, tail: string): (bytes: number) => string {
  return (bytes) => grow(bytes, head, (i) => `${chunk(syntheticPapers(500, i + 1, i * 500), i * 500)}\n`, tail);
}

export const generatedMarkdown = generated(markdownChunk, '# 精选论文\n\n## Topic\n\n|Publish Date|Title|Authors|PDF|Code|\n|---|---|---|---|---|\n', '');
export const generatedHtml = generated(htmlChunk, '<!DOCTYPE html><html><head><title>Daily Briefing</title></head><body><h2>Papers</h2>', '</body></html>');

/** The adversarial cards as HTML, with runs of unclosed and stray tags between them. */
export function adversarialHtmlOfSize(bytes: number): string {
  const nests = ['<div><span>'.repeat(3000), '</span></b>'.repeat(3000), '<li><p>'.repeat(3000), '<a href="https://arxiv.org/abs/2601.00001">'.repeat(2000)];
  const cards = adversarialOfSize(bytes).split('\n\n');
  const parts = ['<!DOCTYPE html><html><body>'];
  let size = parts[0]!.length;
  for (let i = 0; size < bytes && i < cards.length; i++) {
    const part = `<div class="paper"><p>${cards[i]}</p></div>${i % 5 === 4 ? nests[(i / 5) % nests.length | 0] : ''}\n`;
    parts.push(part);
    size += part.length;
  }
  return `${parts.join('').slice(0, bytes)}</body></html>`;
}
