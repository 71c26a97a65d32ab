// `papers note ID TEXT`: sets (or with --clear removes) the note of a paper.
import type { Command } from 'commander';
import { usageError } from '../../core/errors.js';
import { printJson } from '../json-output.js';
import { processOutput } from '../output.js';
import { quotedTitles, resolvePapers } from '../paper-refs.js';
import { openStore } from '../source.js';

export function register(program: Command): void {
  program
    .command('note')
    .description('set the note of a paper (--clear removes it)')
    .argument('<id>', 'paper id, unique id prefix or row number of the last listing')
    .argument('[text...]', 'the note (the words are joined by spaces)')
    .option('--clear', 'remove the note')
    .option('--json', 'print {summary, id, note, changed} as JSON: note is the text now (null: none), changed the ids changed')
    .addHelpText(
      'after',
      `
Examples:
  papers note 3 "compare with the LoRA baseline"
  papers note 2503.01234 --clear`,
    )
    .action(async (ref: string, words: string[], options: { clear?: boolean; json?: boolean }, command: Command) => {
      const text = words.join(' ').trim();
      if (options.clear && text !== '') throw usageError('--clear and a note text together; give one');
      if (!options.clear && text === '') throw usageError('no note text; give the text, or --clear to remove the note');
      const store = await openStore(command);
      const [id] = resolvePapers(store, [ref]);
      const result = await store.setNote(id!, options.clear ? null : text);
      if (options.json) {
        printJson(processOutput(), { summary: result.summary, id, note: store.decisionFor(id!)?.note?.text ?? null, changed: result.changed });
        return;
      }
      // The summary names the id ("noted 2503.01234"); the title confirms it is the paper meant.
      const title = quotedTitles(store, [id!]).get(id!);
      processOutput().out(title ? `${result.summary} ${title}` : result.summary);
    });
}
