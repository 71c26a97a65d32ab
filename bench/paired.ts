// Whole-process timings as ratios to `node -e 0` run right before each (medians of paired runs), so
// that the load of a shared machine cancels out. Shared by the benches that time the CLI.
import { spawnSync } from 'node:child_process';

const PAIRS = 5;

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export interface Timed {
  ms: number;
  rssMB: number;
}

/** One process: wall time and peak RSS (GNU time's %M). */
export function timed(args: string[], env: NodeJS.ProcessEnv = process.env): Timed {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '@@%M', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...env, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${r.stderr}`);
  return { ms, rssMB: Number(/@@(\d+)/.exec(r.stderr)?.[1] ?? 0) / 1024 };
}

export interface PairedTiming {
  ratio: number;
  ms: number;
  rssMB: number;
}

/** Median ratio of `command` to `node -e 0`, each run right after its baseline; also the median wall and the peak RSS. */
export function paired(command: (i: number) => string[], pairs = PAIRS, env: NodeJS.ProcessEnv = process.env): PairedTiming {
  const ratios: number[] = [];
  const walls: number[] = [];
  let rss = 0;
  for (let i = 0; i < pairs; i++) {
    const base = timed(['-e', '0'], env);
    const run = timed(command(i), env);
    ratios.push(run.ms / base.ms);
    walls.push(run.ms);
    rss = Math.max(rss, run.rssMB);
  }
  return { ratio: median(ratios), ms: median(walls), rssMB: rss };
}

export function row(label: string, m: PairedTiming, budget = ''): void {
  console.log(`  ${label.padEnd(34)} ${m.ratio.toFixed(2).padStart(6)}x node   ${m.ms.toFixed(0).padStart(6)} ms   ${m.rssMB.toFixed(0).padStart(5)} MB peak${budget ? `   budget ${budget}` : ''}`);
}
