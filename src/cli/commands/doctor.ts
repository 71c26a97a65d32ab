// `papers doctor [--repair]`: checks the library and rebuilds its derived files from the raw
// digests and decisions.yaml. Exit 0 when all is well (or repaired), 1 when problems remain.
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { checkLibrary, type CheckProgress, type Finding } from '../../io/library-check.js';
import { rebuildDerived } from '../../io/rebuild.js';
import { processOutput, type Output } from '../output.js';
import { startProgress, type Progress } from '../progress.js';
import { libraryFolder } from '../source.js';
import { loadParsers } from '../../io/parsers.js';
import { showControlsLine } from '../../core/text/terminal-safe.js';

interface DoctorOptions {
  repair?: boolean;
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command('doctor')
    .description('check the library (digests, caches, index, lock); --repair rebuilds every derived file')
    .option('--repair', 'rebuild the caches from the raw digests and decisions.yaml, and remove a stale lock (loses nothing)')
    .option('--json', 'print the findings as JSON')
    .addHelpText(
      'after',
      `
What is checked:
  digests/         every imported digest is present and matches its hash (the source of truth)
  decisions.yaml   your tags and notes parse (the other source of truth)
  cache/           the paper cache and the decisions cache agree with the digests and decisions.yaml
  lock             no lock left behind by a killed process

--repair deletes and rebuilds only derived files (cache/); digests, decisions.yaml, the undo
journal and the backups are never touched. Exit status: 0 when all is well, 1 when a problem remains.

Examples:
  papers doctor              check
  papers doctor --repair     check, rebuild, check again`,
    )
    .action(async (options: DoctorOptions, command: Command) => {
      await loadParsers(); // checking and repairing re-read the kept digests
      const output = processOutput();
      const dir = libraryFolder(command);
      const first = checkLibrary(dir, phaseProgress());
      let findings = first.findings;
      const before = findings;
      let repaired: string | null = null;
      const used = first.built; // the digests a repair reads are those just checked
      if (options.repair && existsSync(dir)) {
        // the database's own rebuild shows its bar (io/progress-hook.ts) when it takes a while
        const rebuilt = rebuildDerived(dir);
        repaired = `rebuilt every derived file from ${rebuilt.digests} digest${rebuilt.digests === 1 ? '' : 's'} (${rebuilt.papers} papers) and decisions.yaml`;
        findings = checkLibrary(dir, phaseProgress(), used ?? undefined).findings;
      }
      if (options.json) output.out(JSON.stringify({ library: dir, repaired, before: options.repair ? before : undefined, findings }, null, 2));
      else print(output, dir, options.repair ? before : null, repaired, findings);
      if (findings.some((f) => f.severity === 'problem')) process.exitCode = 1;
    });
}

/** One bar per phase (hashing the digests, re-reading them), each silent unless it takes over a second. */
function phaseProgress(): CheckProgress {
  let phase = '';
  let bar: Progress | null = null;
  return {
    step(name, done, total) {
      if (name !== phase) {
        bar?.done();
        phase = name;
        bar = startProgress(name === 'hashing' ? 'checking digests' : 'comparing caches', total);
      }
      bar?.update(done, total);
      if (done >= total) {
        bar?.done();
        bar = null;
        phase = '';
      }
    },
  };
}

function print(output: Output, dir: string, before: Finding[] | null, repaired: string | null, findings: Finding[]): void {
  const c = output.color;
  const mark = (f: Finding) => (f.severity === 'ok' ? c.green('ok     ') : f.severity === 'warning' ? c.yellow('warning') : c.red('problem'));
  const lines = [`library ${dir}`];
  if (before && repaired) {
    for (const f of before.filter((x) => x.severity !== 'ok' && x.repairable)) lines.push(`${c.dim('fixed  ')} ${f.subject}: ${f.message.replace(/; --repair.*$/, '')}`);
    lines.push(`${c.dim('repair ')} ${repaired}`);
  }
  // A finding can name a file of the library: shown through the terminal sanitiser.
  for (const f of findings) lines.push(`${mark(f)} ${showControlsLine(`${f.subject}: ${f.message}`)}`);
  const problems = findings.filter((f) => f.severity === 'problem');
  if (problems.length === 0) lines.push('the library is healthy');
  else if (problems.some((f) => f.repairable)) lines.push(`${problems.length} problem${problems.length === 1 ? '' : 's'}: run 'papers doctor --repair'`);
  else lines.push(`${problems.length} problem${problems.length === 1 ? '' : 's'} that --repair cannot fix: see above`);
  output.out(lines.join('\n'));
}
