// Telling the data formats (JSON, JSON lines, YAML) from other text, apart from their readers, whose
// records may hold markdown table rows (read with markdown-it).
import type { FormatProbe } from '../detect.js';

const TITLE_KEY = /"(?:title|paper_?title|title_?en)"\s*:/i;
const ROW_VALUE = /"\s*\|[^"\n]*\]\(https?:/;

function detectJson(text: string): number {
  const head = text.slice(0, 20_000).replace(/^\ufeff/, '').trimStart();
  if (!head.startsWith('[') && !head.startsWith('{')) return 0;
  return TITLE_KEY.test(head) || ROW_VALUE.test(head) ? 0.6 : 0.1;
}

/** Two lines that each hold a JSON object: `{…}` then `{` on the next line. */
function detectJsonLines(text: string): number {
  const head = text.slice(0, 50_000).replace(/^\ufeff/, '').trimStart();
  if (!head.startsWith('{')) return 0;
  return /\}[ \t]*\r?\n[ \t]*\{/.test(head) ? 0.7 : 0;
}

const KEY_LINE = /^(?:- )?[A-Za-z_][\w -]{0,40}:(?: |$)/;

/** The lines of the head that are not comments, blank lines or document markers. */
function meaningfulLines(head: string): string[] {
  return head.split(/\r?\n/).filter((l) => l.trim() !== '' && !l.startsWith('#') && l !== '---' && l !== '...');
}

/** A YAML mapping or list of mappings with a `title:` key; not markdown with front matter. */
function detectYaml(text: string): number {
  const head = text.slice(0, 10_000).replace(/^\ufeff/, '');
  const frontMatter = /^---\r?\n[\s\S]*?\r?\n---\r?\n([\s\S]*)$/.exec(head);
  if (frontMatter && frontMatter[1]!.trim() !== '' && !KEY_LINE.test(meaningfulLines(frontMatter[1]!)[0] ?? '')) return 0;
  const lines = meaningfulLines(head);
  if (!KEY_LINE.test(lines[0] ?? '')) return 0;
  return lines.some((l) => /^\s*(?:- )?title: /.test(l)) ? 0.6 : 0;
}

export const jsonRecordsProbe: FormatProbe = { name: 'json-records', description: 'JSON of paper records in any schema (an array, or objects holding arrays or maps, of records or markdown table rows)', detect: detectJson };

export const jsonLinesProbe: FormatProbe = { name: 'jsonl', description: 'JSON lines (one paper record per line, any schema)', detect: detectJsonLines };

export const yamlProbe: FormatProbe = { name: 'yaml', description: 'YAML dump of paper records (a list of mappings with a title and a link or id)', detect: detectYaml };
