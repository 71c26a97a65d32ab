// `papers searches`: the saved searches of the config file (`searches:`), each usable as @name in
// any query. A saved search that does not compile (a typo in it, an unknown @name, a loop) is shown
// with its problem, so that the list is also where to find what to fix.
import type { Command } from 'commander';
import { compileQuery } from '../../core/query/index.js';
import { configOf } from '../run-config.js';
import { processOutput } from '../output.js';
import { localToday } from '../../io/clock.js';

interface SavedSearch {
  name: string;
  query: string;
  /** Why it does not compile, or null. */
  problem: string | null;
}

function savedSearches(searches: Readonly<Record<string, string>>, today: string): SavedSearch[] {
  return Object.keys(searches)
    .sort()
    .map((name) => {
      const compiled = compileQuery(`@${name}`, { today, searches });
      return { name, query: searches[name]!, problem: compiled.ok ? null : compiled.error.message };
    });
}

export function register(program: Command): void {
  program
    .command('searches')
    .description('list the saved searches of the config file, each usable as @name in a query')
    .option('--json', 'print a JSON array of {name, query, problem}')
    .addHelpText(
      'after',
      `
Saved searches live in the config file ('papers config path'), under searches:
  searches:
    mine: 'author:"Tri Dao" | cat:cs.CL'
    morning: '@mine since:yesterday -tag:skip'

Then, anywhere a query is taken:
  papers search @mine
  papers list -q '@mine -video'
  papers export -q @morning -o today.md
  (and in the UI's search box)`,
    )
    .action((options: { json?: boolean }, command: Command) => {
      const output = processOutput();
      const { config, file } = configOf(command);
      const list = savedSearches(config.searches, localToday());
      if (options.json) {
        output.out(JSON.stringify(list, null, 2));
        return;
      }
      if (list.length === 0) {
        output.err(`papers: no saved searches yet; add them under searches: in ${file} (see 'papers searches --help')`);
        return;
      }
      const width = Math.max(...list.map((s) => s.name.length)) + 1;
      output.out(list.map((s) => `${`@${s.name}`.padEnd(width)}  ${s.query}${s.problem ? `   (broken: ${s.problem})` : ''}`).join('\n'));
    });
}
