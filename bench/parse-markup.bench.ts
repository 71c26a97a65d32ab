// Throughput of the markdown and HTML digest readers at 1, 4 and 16 MB of digests built from the real
// samples (ids made unique) and of the shapes generators write, next to the ceiling on the same text:
// markdown-it's `parse` alone, htmlparser2's Tokenizer alone. MB are of the UTF-8 text (the file's
// size); the samples are largely CJK, 1.2 to 1.5 bytes a character. Linear time shows as flat MB/s:
// the "time per MB" ratios should be close to 1. Then adversarial text at 1 and 4 MB. Wall time is
// best of 5, 3 or 2 runs (1, 4, 16 MB); CPU time (this process, all threads) is given too, as it is
// less bent by a loaded machine, and "ours/alone" compares with the ceiling measured right after.
// The smallest size is timed a second time with no full collection between runs, for the share
// of its time that is the JIT optimizing again after each collection.
import MarkdownIt from 'markdown-it';
import { Tokenizer } from 'htmlparser2';
import { htmlDigest, markdownDigest } from '../src/core/parse/markup-digest.js';
import type { DigestFormat } from '../src/core/parse/index.js';
import { adversarialHtmlOfSize, adversarialOfSize, generatedHtml, generatedMarkdown, realHtml, realMarkdown } from './markup-inputs.js';

const MB = 1024 * 1024;
const OPTIONS = { file: 'bench', year: 2025, yearSource: 'flag' as const };

const markdownIt = new MarkdownIt({ html: true, linkify: false, typographer: false });
const noop = () => {};
const TOKENIZER_CALLBACKS = {
  ontext: noop, ontextentity: noop, onopentagname: noop, onattribname: noop, onattribdata: noop, onattribentity: noop, onattribend: noop,
  onopentagend: noop, onselfclosingtag: noop, onclosetag: noop, oncdata: noop, oncomment: noop, ondeclaration: noop, onprocessinginstruction: noop, onend: noop,
};
const tokenizeOnly = (text: string) => {
  const tokenizer = new Tokenizer({ xmlMode: false, decodeEntities: true }, TOKENIZER_CALLBACKS);
  tokenizer.write(text);
  tokenizer.end();
};

interface Timing {
  wall: number;
  cpu: number;
}

/** Best wall and best CPU seconds of `runs` calls, each after a full garbage collection unless `collect` is false. */
function time(fn: () => void, runs: number, collect = true): Timing {
  let wall = Infinity;
  let cpu = Infinity;
  for (let r = 0; r < runs; r++) {
    if (collect) (globalThis as { gc?: () => void }).gc?.();
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    fn();
    wall = Math.min(wall, Number(process.hrtime.bigint() - t0) / 1e9);
    const c = process.cpuUsage(c0);
    cpu = Math.min(cpu, (c.user + c.system) / 1e6);
  }
  return { wall, cpu };
}

const rate = (mb: number, s: number) => (mb / s).toFixed(1).padStart(6);

function report(label: string, format: DigestFormat, build: (bytes: number) => string, sizes: readonly number[], ceiling?: { name: string; run: (text: string) => void }): void {
  const perMb: number[] = [];
  for (const size of sizes) {
    const text = build(size * MB);
    const mb = Buffer.byteLength(text) / MB;
    const runs = size >= 16 ? 2 : size >= 4 ? 3 : 5;
    let papers = 0;
    const ours = time(() => {
      papers = format.parse(text, OPTIONS).papers.length;
    }, runs);
    perMb.push(ours.wall / mb);
    let line = `${label} ${mb.toFixed(1).padStart(5)} MB: ${rate(mb, ours.wall)} MB/s (cpu ${rate(mb, ours.cpu)}), ${papers} papers`;
    if (ceiling) {
      const alone = time(() => ceiling.run(text), runs);
      line += `; ${ceiling.name} alone ${rate(mb, alone.wall)} MB/s (cpu ${rate(mb, alone.cpu)}); ours/alone time ${(ours.wall / alone.wall).toFixed(2)}`;
    }
    console.log(line);
    if (size === sizes[0]) {
      // A full collection drops the object shapes a parse made once nothing holds them, and with them
      // the optimized code that relied on them: on 1 MB, re-optimizing is a large part of each run.
      const kept = time(() => void format.parse(text, OPTIONS), runs, false);
      console.log(`${label} ${mb.toFixed(1).padStart(5)} MB: ${rate(mb, kept.wall)} MB/s (cpu ${rate(mb, kept.cpu)}) with no full collection between runs (optimized code kept)`);
    }
  }
  console.log(`${label} time per MB relative to ${sizes[0]} MB: ${sizes.map((s, i) => `${s} MB ${(perMb[i]! / perMb[0]!).toFixed(2)}`).join(', ')} (1.00 = linear)`);
}

export async function run(): Promise<void> {
  const parseOnly = { name: 'markdown-it parse', run: (text: string) => void markdownIt.parse(text, {}) };
  const tokenizerOnly = { name: 'htmlparser2 Tokenizer', run: tokenizeOnly };
  // warm the JIT up first, so that the smallest size is not measured on colder code than the others
  for (const [format, build] of [[markdownDigest, realMarkdown], [markdownDigest, generatedMarkdown], [htmlDigest, realHtml], [htmlDigest, generatedHtml]] as const) {
    const text = build(2 * MB);
    for (let k = 0; k < 3; k++) format.parse(text, OPTIONS);
  }
  for (let k = 0; k < 3; k++) {
    markdownIt.parse(realMarkdown(MB), {});
    tokenizeOnly(realHtml(MB));
  }
  report('markdown, real samples', markdownDigest, realMarkdown, [1, 4, 16], parseOnly);
  report('markdown, generated   ', markdownDigest, generatedMarkdown, [1, 4, 16], parseOnly);
  report('html, real sample     ', htmlDigest, realHtml, [1, 4, 16], tokenizerOnly);
  report('html, generated       ', htmlDigest, generatedHtml, [1, 4, 16], tokenizerOnly);
  report('markdown, adversarial ', markdownDigest, adversarialOfSize, [1, 4]);
  report('html, adversarial     ', htmlDigest, adversarialHtmlOfSize, [1, 4]);
}
