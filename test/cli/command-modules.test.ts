// A run registers only the module of the command it runs (cli/program.ts); help and completion,
// and any line whose command is unclear, register them all. The index must name what each module
// registers, or a command would be missing from the runs that pick it.
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMAND_MODULES } from '../../src/cli/commands/index.js';
import { buildProgram } from '../../src/cli/program.js';

const registered = (argv: string[]) => buildProgram(['node', 'papers', ...argv]).commands.map((c) => c.name());

describe('the command modules', () => {
  it('each registers the commands the index names, and together the whole program in its order', () => {
    for (const entry of COMMAND_MODULES) {
      const program = new Command('papers');
      entry.module.register(program);
      expect(program.commands.map((c) => c.name()), entry.names.join(' ')).toEqual(entry.names);
    }
    expect(buildProgram().commands.map((c) => c.name())).toEqual(COMMAND_MODULES.flatMap((e) => e.names));
  });

  it('a run registers the command its first word names, past the global options and their values', () => {
    expect(registered(['tag', '3', '+read'])).toEqual(['tag']);
    expect(registered(['--library', '/tmp/lib', '--debug', 'show', '1'])).toEqual(['show']);
    expect(registered(['--color=never', 'rules', 'list'])).toEqual(['rules']);
    expect(registered([])).toEqual(['list']);
    expect(registered(['--library', 'tag'])).toEqual(['list']); // "tag" is the folder
    expect(registered(['completion', 'bash'])).toEqual(['completion', '__complete']);
  });

  it('help, completion and an unclear first word register every command', () => {
    const all = COMMAND_MODULES.flatMap((e) => e.names);
    for (const argv of [['--help'], ['tag', '-h'], ['help', 'tag'], ['__complete', 'words', 'papers', ''], ['lsit'], ['digest.txt'], ['--plain'], ['--', 'tag'], ['--debug=1', 'tag']]) {
      expect(registered(argv), argv.join(' ')).toEqual(all);
    }
  });
});
