// `papers why ID`: why a paper ranks where it does under --sort interest: the words that pushed it
// up or down, and the tagged papers most like it.
import type { Command } from 'commander';
import { explainInterest, DEFAULT_NEGATIVE_TAGS, DEFAULT_POSITIVE_TAGS, type Explanation } from '../../core/rank/interest.js';
import type { TermContribution } from '../../core/rank/model.js';
import { processOutput, type Output } from '../output.js';
import { resolvePapers } from '../paper-refs.js';
import { openStore } from '../source.js';
import { interestOptions } from '../interest.js';
import { truncate } from '../render/paper-rows.js';
import { tagsOf as tagsOfDecision } from '../../core/tags.js';

const round = (x: number) => Math.round(x * 10000) / 10000;

function termsJson(list: readonly TermContribution[]) {
  return list.map((c) => ({ term: c.term, weight: round(c.weight), tfidf: round(c.value), contribution: round(c.contribution) }));
}

function formatWhy(
  e: Explanation,
  title: string,
  tags: { positive: readonly string[]; negative: readonly string[] },
  tagsOf: (id: string) => string[],
  output: Output,
): string {
  const { color } = output;
  const lines = [`${color.yellow(e.id)}  ${color.bold(title)}`];
  const pos = tags.positive.join('/');
  const neg = tags.negative.join('/');
  const how = e.mode === 'model' ? `by a model of your ${pos} papers against your ${neg} ones` : e.mode === 'likeness' ? `by likeness to your ${pos} papers` : 'by the fallback order';
  lines.push(`row ${e.place} of ${e.of} in "papers list --sort interest"${e.score === null ? '' : ` (score ${e.score.toFixed(3)})`}, ${how}`);
  if (e.reason) lines.push(color.dim(e.reason));
  const terms = (label: string, list: readonly TermContribution[]) => {
    if (list.length === 0) return;
    lines.push(`${label}:`);
    const width = Math.max(...list.map((c) => c.term.length));
    for (const c of list) {
      lines.push(`  ${c.term.padEnd(width)}  ${c.contribution >= 0 ? '+' : ''}${c.contribution.toFixed(4)}  ${color.dim(`(weight ${c.weight.toFixed(2)} x tf-idf ${c.value.toFixed(2)})`)}`);
    }
  };
  terms('pushed up by', e.up);
  terms('pushed down by', e.down);
  if (e.like.length > 0) {
    lines.push('most like these tagged papers:');
    const idWidth = Math.max(...e.like.map((l) => l.id.length));
    const titleWidth = Number.isFinite(output.width) ? Math.max(10, output.width - idWidth - 24) : Number.POSITIVE_INFINITY;
    for (const l of e.like) {
      const own = tagsOf(l.id).map((t) => `+${t}`).join(' ');
      const label = l.label === 'positive' ? color.green(own) : color.red(own);
      const t = Number.isFinite(titleWidth) ? truncate(l.title, titleWidth) : l.title;
      lines.push(`  ${l.score.toFixed(3)}  ${color.yellow(l.id.padEnd(idWidth))}  ${t}  ${label}`);
    }
  } else if (e.mode !== 'fallback' || e.reason === null) {
    lines.push(color.dim('no tagged paper shares its words'));
  }
  return lines.join('\n');
}

export function register(program: Command): void {
  program
    .command('why')
    .description('why a paper ranks where it does by interest: the words that moved it, the tagged papers most like it')
    .argument('<id>', 'paper id, unique id prefix or row number of the last listing')
    .option('--json', 'print the explanation as JSON')
    .addHelpText(
      'after',
      `
"papers list --sort interest" learns from your tags: papers tagged ${DEFAULT_POSITIVE_TAGS.join(' or ')} against those
tagged ${DEFAULT_NEGATIVE_TAGS.join(', ')} (other tags: ranking.positive and ranking.negative in the config).
Each word or word pair of the paper adds weight x tf-idf to its score.

Examples:
  papers why 2312.06635
  papers why 1 --json`,
    )
    .action(async (ref: string, options: { json?: boolean }, command: Command) => {
      const output = processOutput();
      const store = await openStore(command);
      const [id] = resolvePapers(store, [ref]);
      const snapshot = store.snapshot();
      const interest = interestOptions(command, snapshot, store);
      const e = explainInterest(snapshot, id!, interest);
      const paper = snapshot.papers.find((p) => p.id === id)!;
      const tagsOf = (other: string) => tagsOfDecision(snapshot.decisions.get(other));
      if (options.json) {
        output.out(
          JSON.stringify(
            {
              id: e.id,
              mode: e.mode,
              reason: e.reason,
              score: e.score === null ? null : round(e.score),
              place: e.place,
              of: e.of,
              up: termsJson(e.up),
              down: termsJson(e.down),
              like: e.like.map((l) => ({ id: l.id, title: l.title, score: round(l.score), label: l.label, tags: tagsOf(l.id) })),
            },
            null,
            2,
          ),
        );
        return;
      }
      output.out(formatWhy(e, paper.title, { positive: interest.positive ?? DEFAULT_POSITIVE_TAGS, negative: interest.negative ?? DEFAULT_NEGATIVE_TAGS }, tagsOf, output));
    });
}
