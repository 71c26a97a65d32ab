// `papers tag ID... +to-read -skip`: adds and removes tags, taskwarrior style.
import type { Command } from 'commander';
import { usageError } from '../../core/errors.js';
import { splitTagArgs } from '../../core/refs.js';
import type { ChangeResult } from '../../core/library.js';
import { canonicalTag, sameTag, spellTagWords, tagSpellings, tagsOf } from '../../core/tags.js';
import type { LibraryStore } from '../../io/library-store.js';
import { printJson } from '../json-output.js';
import { processOutput } from '../output.js';
import { namePapers, resolvePapers } from '../paper-refs.js';
import { openStore } from '../source.js';

export function register(program: Command): void {
  program
    .command('tag')
    .description('add (+tag) and remove (-tag) tags of papers')
    .argument('<words...>', 'paper ids, unique id prefixes or row numbers of the last listing, and +tag / -tag')
    .option('--json', 'print {summary, add, remove, papers, changed, tags} as JSON (see below)')
    .allowUnknownOption()
    .addHelpText(
      'after',
      `
Examples:
  papers tag 3 +to-read              row 3 of the last listing shown on a terminal
  papers tag 2503.01234 +to-read     by id (a unique prefix is enough: 2503.012)
  papers tag 1 4 7 +skip -to-read    several papers, several tags at once

Tags match regardless of case: +To-Read adds the to-read your library already has; a new tag is
kept as typed. Virtual tags (new, seen, untriaged) are computed and cannot be set. "papers undo" reverts.

--json prints {"summary": "tagged 1 paper +to-read", "add": ["to-read"], "remove": [],
"papers": [ids named], "changed": [ids whose tags changed], "tags": {"<id>": [its tags now]}}.`,
    )
    .action(async (words: string[], options: { json?: boolean }, command: Command) => {
      // After an unknown option (-skip) commander hands on the rest as words, --json included.
      const json = options.json === true || words.includes('--json');
      const typed = splitTagArgs(words.filter((w) => w !== '--json'));
      if (typed.add.length === 0 && typed.remove.length === 0) throw usageError('no tag given; write +tag to add a tag, -tag to remove one (e.g. papers tag 3 +to-read)');
      const store = await openStore(command);
      // The store spells the tags as the library does; here only the case-blind clash check.
      const { clash } = spellTagWords(typed.add, typed.remove, new Map());
      if (clash) throw usageError(`+${clash} and -${clash} together; give one`);
      const ids = resolvePapers(store, typed.refs);
      const result = await store.tag(ids, typed.add, typed.remove);
      const output = processOutput();
      if (json) printJson(output, tagJson(store, ids, typed, result));
      else output.out(result.summary + namePapers(store, result.changed.length > 0 ? result.changed : ids));
    });
}

/** --json: the tags as stored (read after the change, so an invalid decisions.yaml has refused it already). */
function tagJson(store: LibraryStore, ids: readonly string[], typed: { add: string[]; remove: string[] }, result: ChangeResult): object {
  const spellings = tagSpellings(store.decisionsById().values());
  const entry = result.changed.length > 0 ? store.history(1)[0] : undefined;
  const removed = entry ? Object.entries(entry.before).flatMap(([key, d]) => Object.keys(d?.tags ?? {}).filter((t) => !(t in (entry.after[key]?.tags ?? {})))) : [];
  const remove = typed.remove.map((t) => removed.find((r) => sameTag(r, t)) ?? canonicalTag(t, spellings));
  const { add } = spellTagWords(typed.add, [], spellings);
  const tags = Object.fromEntries(ids.map((id) => [id, tagsOf(store.decisionFor(id))]));
  return { summary: result.summary, add, remove: [...new Set(remove)], papers: ids, changed: result.changed, tags };
}
