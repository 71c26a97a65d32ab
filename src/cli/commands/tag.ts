// `papers tag ID... +to-read -skip`: adds and removes tags, taskwarrior style.
import type { Command } from 'commander';
import { usageError } from '../../core/errors.js';
import { splitTagArgs } from '../../core/refs.js';
import { processOutput } from '../output.js';
import { namePapers, resolvePapers } from '../paper-refs.js';
import { openStore } from '../source.js';

export function register(program: Command): void {
  program
    .command('tag')
    .description('add (+tag) and remove (-tag) tags of papers')
    .argument('<words...>', 'paper ids, unique id prefixes or row numbers of the last listing, and +tag / -tag')
    .allowUnknownOption()
    .addHelpText(
      'after',
      `
Examples:
  papers tag 3 +to-read              row 3 of the last listing shown on a terminal
  papers tag 2503.01234 +to-read     by id (a unique prefix is enough: 2503.012)
  papers tag 1 4 7 +skip -to-read    several papers, several tags at once

Virtual tags (new, seen, untriaged) are computed and cannot be set. "papers undo" reverts.`,
    )
    .action(async (words: string[], _options: unknown, command: Command) => {
      const { refs, add, remove } = splitTagArgs(words);
      if (add.length === 0 && remove.length === 0) throw usageError('no tag given; write +tag to add a tag, -tag to remove one (e.g. papers tag 3 +to-read)');
      const clash = add.find((t) => remove.includes(t));
      if (clash) throw usageError(`+${clash} and -${clash} together; give one`);
      const store = openStore(command);
      const ids = resolvePapers(store, refs);
      const result = await store.tag(ids, add, remove);
      processOutput().out(result.summary + namePapers(store, result.changed.length > 0 ? result.changed : ids));
    });
}
