// Digests written as markdown or HTML by people and programs: LLM summaries around English titles,
// README cards, topic tables, Jekyll posts, newsletter pages. Markdown is read with markdown-it and
// HTML with htmlparser2 into blocks; papers come from those blocks on strong evidence only
// (see markup/find-papers.ts). Browser copies of the Hugging Face page, which have no links, stay
// with hf-page.
import type { ParseOptions, ParseResult } from '../model.js';
import type { BlockSink } from '../markup/blocks.js';
import { htmlBlocks } from '../markup/html-blocks.js';
import { markdownBlocks } from '../markup/markdown-blocks.js';
import type { DigestFormat } from './index.js';
import { PaperFinder } from './markup/find-papers.js';
import { htmlProbe, markdownProbe } from './markup-detect.js';

/** Papers as the blocks are read: a block is done with before the next is made. */
function read(name: string, readBlocks: (into: BlockSink) => void, options: ParseOptions): ParseResult {
  const finder = new PaperFinder(options.file);
  readBlocks(finder);
  const { papers, diagnostics } = finder.finish();
  if (papers.length === 0) diagnostics.push({ line: 0, severity: 'error', message: 'no paper links, ids or paper cards found' });
  return { format: name, papers, diagnostics };
}

export const markdownDigest: DigestFormat = {
  ...markdownProbe,
  parse: (text, options) => read('markdown', (into) => markdownBlocks(text, into), options),
};

export const htmlDigest: DigestFormat = {
  ...htmlProbe,
  parse: (text, options) => read('html', (into) => htmlBlocks(text, 1, into), options),
};
