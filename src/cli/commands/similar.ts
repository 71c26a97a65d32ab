// `papers similar ID`: the papers nearest to one paper by tf-idf cosine of title and abstract.
import type { Command } from 'commander';
import { usageError } from '../../core/errors.js';
import { similarPapers } from '../../core/rank/interest.js';
import { processOutput } from '../output.js';
import { recordShownListing, resolvePapers } from '../paper-refs.js';
import { openStore } from '../source.js';
import { truncate } from '../render/paper-rows.js';

interface SimilarOptions {
  limit?: string;
  json?: boolean;
}

function countFlag(value: string | undefined): number {
  if (value === undefined) return 10;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw usageError(`--limit ${value}: expected a whole number of papers such as 10`);
  return n;
}

export function register(program: Command): void {
  program
    .command('similar')
    .description('the papers most like one paper (tf-idf cosine of title and abstract), with their scores')
    .argument('<id>', 'paper id, unique id prefix or row number of the last listing')
    .option('-n, --limit <k>', 'how many papers (default 10)')
    .option('--json', 'print [{id, title, score}] as JSON')
    .addHelpText(
      'after',
      `
Scores are cosines from 0 to 1 over words and word pairs weighed by tf-idf. The rows printed
become the last listing, so "papers tag 1 +to-read" tags the first of them.

Examples:
  papers similar 2312.06635          papers like this one
  papers similar 3 -n 5 --json       the five nearest to row 3 of the last listing, as JSON`,
    )
    .action(async (ref: string, options: SimilarOptions, command: Command) => {
      const output = processOutput();
      const k = countFlag(options.limit);
      const store = await openStore(command);
      const [id] = resolvePapers(store, [ref]);
      const papers = store.snapshot().papers;
      const found = similarPapers(papers, id!, k);
      recordShownListing(store, output, options, found.map((s) => s.id));
      if (options.json) {
        output.out(JSON.stringify(found.map((s) => ({ id: s.id, title: s.title, score: round(s.score) })), null, 2));
        return;
      }
      if (found.length === 0) {
        output.err(`papers: no paper shares a word or word pair with ${id} that another paper also has`);
        return;
      }
      const idWidth = Math.max(...found.map((s) => s.id.length));
      const rowWidth = String(found.length).length;
      const { color } = output;
      const titleWidth = Number.isFinite(output.width) ? Math.max(10, output.width - rowWidth - idWidth - 12) : Number.POSITIVE_INFINITY;
      for (const [i, s] of found.entries()) {
        const title = Number.isFinite(titleWidth) ? truncate(s.title, titleWidth) : s.title;
        output.out(`${color.dim(String(i + 1).padStart(rowWidth))}  ${s.score.toFixed(3)}  ${color.yellow(s.id.padEnd(idWidth))}  ${title}`);
      }
    });
}

const round = (x: number) => Math.round(x * 10000) / 10000;
