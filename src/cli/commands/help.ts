// `papers help [COMMAND... | TOPIC]`: a command's help (as `papers COMMAND --help`), or a topic
// such as the query language. Replaces commander's built-in help command, which knows no topics.
import type { Command } from 'commander';
import { usageError } from '../../core/errors.js';
import { QUERY_HELP } from '../../core/query/index.js';
import { processOutput } from '../output.js';

/** Help topics that are not commands. */
const TOPICS: Record<string, { summary: string; text: () => string }> = {
  query: { summary: 'the query language of search, list -q and the UI', text: () => QUERY_HELP },
};

export function register(program: Command): void {
  program.helpCommand(false);
  program
    .command('help')
    .description(`show help: of a command (papers help search) or a topic (${Object.keys(TOPICS).map((t) => `papers help ${t}`).join(', ')})`)
    .argument('[topic...]', 'a command (and subcommand), or a topic: query')
    .action((topic: string[]) => {
      runHelp(program, topic);
    });
}

function runHelp(program: Command, topic: readonly string[]): void {
  const output = processOutput();
  const [first, ...rest] = topic;
  if (first === undefined) {
    program.outputHelp();
    output.out(`\nTopics:\n${Object.entries(TOPICS).map(([name, t]) => `  papers help ${name.padEnd(10)} ${t.summary}`).join('\n')}`);
    return;
  }
  const name = first.toLowerCase();
  const t = TOPICS[name];
  if (t && rest.length === 0) {
    output.out(t.text());
    return;
  }
  let command: Command = program;
  for (const part of topic) {
    const sub = command.commands.find((c) => c.name() === part || c.aliases().includes(part));
    if (!sub || sub.name() === 'help') {
      const known = program.commands.map((c) => c.name()).filter((n) => n !== 'help' && !n.startsWith('_'));
      throw usageError(`help ${topic.join(' ')}: no such command or topic; commands: ${known.join(', ')}; topics: ${Object.keys(TOPICS).join(', ')}`);
    }
    command = sub;
  }
  command.outputHelp();
}
