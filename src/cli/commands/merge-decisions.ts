// `papers merge-decisions BASE OURS THEIRS`: the git merge driver for decisions.yaml. Merges paper
// by paper and tag by tag (core/decisions.ts mergeDecisions) and writes the result over OURS, as
// git expects; exits 1 (a conflict for git) only when one of the three files is not valid.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { inputError } from '../../core/errors.js';
import { mergeDecisions, parseDecisions, serializeDecisions, type Decisions } from '../../core/decisions.js';
import { writeFileAtomic } from '../../io/atomic.js';
import { processOutput } from '../output.js';
import { yaml } from '../../io/yaml.js';

function read(path: string, role: string): Decisions {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' && role === 'base') return new Map();
    throw inputError(`${path}: cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const parsed = parseDecisions(yaml, text);
  if (!parsed.ok) throw inputError(`${path}:${parsed.error.line}:${parsed.error.column}: ${parsed.error.message} (the ${role} version); merge this file by hand`);
  return parsed.decisions;
}

export function register(program: Command): void {
  program
    .command('merge-decisions')
    .description('git merge driver for decisions.yaml: merges tags and notes paper by paper')
    .argument('<base>', 'the common ancestor (%O)')
    .argument('<ours>', 'our version, replaced by the result (%A)')
    .argument('<theirs>', 'their version (%B)')
    .addHelpText(
      'after',
      `
Two machines that tag different papers merge cleanly with plain git too: decisions.yaml keeps one
block per paper with blank lines between. This driver also merges papers that are next to each
other in the file, and changes to the same paper (tags added on both sides are kept; a note
changed on both sides keeps both texts). Set it up once per repository:

  echo 'decisions.yaml merge=papers-decisions' >> .gitattributes
  git config merge.papers-decisions.name "papers decisions"
  git config merge.papers-decisions.driver "papers merge-decisions %O %A %B"`,
    )
    .action((base: string, ours: string, theirs: string) => {
      const merged = mergeDecisions(read(base, 'base'), read(ours, 'ours'), read(theirs, 'theirs'));
      writeFileAtomic(ours, serializeDecisions(merged.decisions));
      for (const id of merged.noteConflicts) processOutput().err(`papers: ${id}: the note was changed on both sides; both texts are kept, newer first`);
    });
}
