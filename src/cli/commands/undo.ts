// `papers undo`: reverts the last change to your decisions (tags, notes); repeatable.
import type { Command } from 'commander';
import { printJson } from '../json-output.js';
import { processOutput } from '../output.js';
import { openStore } from '../source.js';

export function register(program: Command): void {
  program
    .command('undo')
    .description('revert the last change of tags or notes (repeat to go further back)')
    .option('--list', 'show the changes undo would revert, newest first')
    .option('--json', 'print JSON: {undone, summary, changed}; with --list, [{at, summary, papers}] newest first')
    .action(async (options: { list?: boolean; json?: boolean }, command: Command) => {
      const output = processOutput();
      const store = await openStore(command);
      if (options.list) {
        const entries = store.history(20);
        if (options.json) printJson(output, entries.map((e) => ({ at: e.at, summary: e.summary, papers: Object.keys(e.before) })));
        else output.out(entries.length === 0 ? 'nothing to undo' : entries.map((e) => `${e.at.slice(0, 19).replace('T', ' ')}  ${e.summary}`).join('\n'));
        return;
      }
      const result = await store.undo();
      if (options.json) printJson(output, { undone: result !== null, summary: result ? result.summary : 'nothing to undo', changed: result?.changed ?? [] });
      else output.out(result ? result.summary : 'nothing to undo');
    });
}
