// How the tests read exports as their consumers would: Markdown through markdown-it (HTML on, as on
// GitHub and in Obsidian), CSL-JSON through citeproc-js with the hand-written style and locale in
// test/fixtures/csl/.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import MarkdownIt from 'markdown-it';
import type { CslItem } from '../../../src/core/export/csl-json.js';

export const md = new MarkdownIt({ html: true });
type Token = ReturnType<typeof md.parse>[number];

interface TaskItem {
  ticked: boolean;
  title: string;
  hrefs: string[];
  htmlInline: string[];
}

/** The task items of a rendered document: list items whose first paragraph starts with "[ ] " or "[x] ". */
export function taskItems(markdown: string): TaskItem[] {
  const tokens = md.parse(markdown, {});
  const items: TaskItem[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.type !== 'list_item_open') continue;
    const inline = tokens[i + 2];
    if (tokens[i + 1]?.type !== 'paragraph_open' || inline?.type !== 'inline') continue;
    const box = /^\[( |x)\] /.exec(inline.content);
    if (!box) continue;
    items.push({ ticked: box[1] === 'x', ...inlineParts(inline.children ?? []) });
  }
  return items;
}

function inlineParts(children: Token[]): Omit<TaskItem, 'ticked'> {
  let depth = 0;
  let title = '';
  let strongSeen = false;
  const hrefs: string[] = [];
  const htmlInline: string[] = [];
  for (const t of children) {
    if (t.type === 'strong_open' && !strongSeen) depth++;
    else if (t.type === 'strong_close' && depth > 0) {
      depth--;
      strongSeen = true;
    } else if (depth > 0) title += t.type === 'text' ? t.content : `<${t.type}>`;
    if (t.type === 'link_open') hrefs.push(String(t.attrGet('href') ?? ''));
    if (t.type === 'html_inline') htmlInline.push(t.content);
  }
  return { title, hrefs, htmlInline };
}

const require = createRequire(import.meta.url);
// citeproc-js ships as CommonJS without types.
const CSL = require('citeproc') as { Engine: new (sys: object, style: string) => CiteprocEngine };
interface CiteprocEngine {
  updateItems(ids: string[]): void;
  makeBibliography(): [{ bibstart: string }, string[]] | false;
}

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/csl/${name}`, import.meta.url), 'utf8');

/** The bibliography citeproc-js renders (as HTML) for the items, in their order. */
export function renderBibliography(items: CslItem[]): string[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  const engine = new CSL.Engine({ retrieveLocale: () => fixture('locales-en-US.xml'), retrieveItem: (id: string) => byId.get(id) }, fixture('papers-test.csl'));
  engine.updateItems(items.map((i) => i.id));
  const result = engine.makeBibliography();
  if (!result) throw new Error('citeproc rendered no bibliography');
  return result[1];
}

