// Digests written as markdown or HTML by people and programs: LLM summaries around English titles,
// README cards, topic tables, Jekyll posts, newsletter pages. Markdown is read with markdown-it and
// HTML with htmlparser2 into blocks; papers come from those blocks on strong evidence only
// (see markup/find-papers.ts). Browser copies of the Hugging Face page, which have no links, stay
// with hf-page.
import type { ParseOptions, ParseResult } from '../model.js';
import type { Block } from '../markup/blocks.js';
import { htmlBlocks } from '../markup/html-blocks.js';
import { markdownBlocks } from '../markup/markdown-blocks.js';
import type { DigestFormat } from './index.js';
import { findPapers } from './markup/find-papers.js';
import { htmlProbe, markdownProbe } from './markup-detect.js';

function read(name: string, blocks: Block[], options: ParseOptions): ParseResult {
  const { papers, diagnostics } = findPapers(blocks, options.file);
  if (papers.length === 0) diagnostics.push({ line: 0, severity: 'error', message: 'no paper links, ids or paper cards found' });
  return { format: name, papers, diagnostics };
}

export const markdownDigest: DigestFormat = {
  ...markdownProbe,
  parse: (text, options) => read('markdown', markdownBlocks(text), options),
};

export const htmlDigest: DigestFormat = {
  ...htmlProbe,
  parse: (text, options) => read('html', htmlBlocks(text), options),
};
