// `papers undo`: reverts the last change to your decisions (tags, notes); repeatable.
import type { Command } from 'commander';
import { processOutput } from '../output.js';
import { openStore } from '../source.js';

export function register(program: Command): void {
  program
    .command('undo')
    .description('revert the last change of tags or notes (repeat to go further back)')
    .option('--list', 'show the changes undo would revert, newest first')
    .action(async (options: { list?: boolean }, command: Command) => {
      const output = processOutput();
      const store = openStore(command);
      if (options.list) {
        const entries = store.history(20);
        output.out(entries.length === 0 ? 'nothing to undo' : entries.map((e) => `${e.at.slice(0, 19).replace('T', ' ')}  ${e.summary}`).join('\n'));
        return;
      }
      const result = await store.undo();
      output.out(result ? result.summary : 'nothing to undo');
    });
}
