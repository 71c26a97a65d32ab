// `papers completion bash|zsh|fish`: a script that completes commands, flags, tags and ids, and
// the hidden `papers __complete` it calls back into (see ../complete.ts for the logic).
import { Argument, Command, Option } from 'commander';
import { usageError } from '../../core/errors.js';
import { VIRTUAL_TAGS } from '../../core/virtual-tags.js';
import { bashLines, complete, fishLines, isShellWord, shellWords, zshLines, type Candidate, type CompletionSource } from '../complete.js';
import { processOutput } from '../output.js';
import { openLibrary, type LibraryStore } from '../../io/library-store.js';
import { libraryDir } from '../../io/paths.js';
import { seedDigest } from '../source.js';
import { loadParsers } from '../../io/parsers.js';
import { configOf } from '../run-config.js';
import { libraryTags, sortTags } from '../../core/tags.js';

const SHELLS = ['bash', 'zsh', 'fish'] as const;
type Shell = (typeof SHELLS)[number];

export function register(program: Command): void {
  program
    .command('completion')
    .description('print a shell script that completes papers commands, flags, tags and ids')
    .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(SHELLS))
    .addHelpText(
      'after',
      `
Install:
  bash  add to ~/.bashrc:          eval "$(papers completion bash)"
  zsh   add to ~/.zshrc (after compinit):  eval "$(papers completion zsh)"
        or save it as _papers in a folder of your $fpath
  fish  papers completion fish > ~/.config/fish/completions/papers.fish

Commands and flags come from this version of papers; tags and ids are read from your library when
you press Tab (the --library given on the line is honoured).`,
    )
    .action((shell: Shell) => {
      processOutput().out(script(shell));
    });

  program
    .command('__complete', { hidden: true })
    .description('completion candidates for the shell scripts (internal)')
    .addOption(new Option('--shell <shell>').choices(SHELLS).default('bash'))
    .option('--wordbreaks <chars>', "bash's COMP_WORDBREAKS", '')
    .argument('<what>', 'tags, ids, line (the command line up to the cursor, bash) or words (zsh, fish)')
    .argument('[words...]')
    .allowUnknownOption()
    .action(async (what: string, words: string[], options: { shell: Shell; wordbreaks: string }, command: Command) => {
      await loadParsers(); // the library opened for its tags and ids may be rebuilt from its digests
      const output = processOutput();
      const librarySource = (library: string | undefined) => sourceOf(library, command);
      if (what === 'tags') return output.out(librarySource(undefined).tags().filter(isShellWord).join('\n'));
      if (what === 'ids') return output.out(librarySource(undefined).ids('').map((c) => c.value).filter(isShellWord).join('\n'));
      let typed: string[];
      let currentRaw: string;
      if (what === 'line') {
        const split = shellWords(words.join(' '));
        typed = split.words;
        currentRaw = split.lastRaw;
      } else if (what === 'words') {
        typed = words.length > 0 ? words : [''];
        currentRaw = typed[typed.length - 1]!;
      } else throw usageError(`__complete ${what}: expected tags, ids, line or words`);
      // the first word is the command name itself
      const done = typed.slice(1, -1);
      const current = typed[typed.length - 1] ?? '';
      const completion = complete(program, done, current, librarySource);
      const lines =
        options.shell === 'bash' ? bashLines(completion, currentRaw, current, options.wordbreaks) : options.shell === 'zsh' ? zshLines(completion) : fishLines(completion);
      if (lines.length > 0) output.out(lines.join('\n'));
    });
}

/** Tags and ids from the library (or the seed while it is empty), plus the configured tags; read lazily and cheaply. */
function sourceOf(library: string | undefined, command: Command): CompletionSource {
  let opened: LibraryStore | undefined;
  const store = () => (opened ??= openLibrary(libraryDir(library), { seed: seedDigest }));
  const configured = (): string[] => {
    try {
      const { config } = configOf(command);
      return [...Object.values(config.quickTags).filter((t): t is string => t !== null), ...config.ranking.positive, ...config.ranking.negative];
    } catch {
      return []; // a broken config is reported by the commands, not by Tab
    }
  };
  let tags: string[] | undefined;
  const own = () => {
    if (tags) return tags;
    return (tags = sortTags(new Set([...configured(), ...libraryTags(store().decisions().values())])));
  };
  return {
    tags: own,
    filterTags: () => [...own(), ...VIRTUAL_TAGS],
    ids(prefix) {
      const { ids, aliases } = store().idIndex();
      const matching = ids.filter((id) => id.startsWith(prefix));
      const listed = new Set(matching);
      for (const [alias, id] of aliases) if (alias.startsWith(prefix) && !listed.has(id)) matching.push(alias);
      // titles help choose among a few; for many, reading them would cost more than they help
      if (matching.length > TITLED_IDS) return matching.map((value) => ({ value }));
      const titles = new Map(store().papersById(matching.map((m) => aliases.get(m) ?? m)).map((p) => [p.id, p.title]));
      return matching.map((value): Candidate => ({ value, description: titles.get(aliases.get(value) ?? value) }));
    },
  };
}

const TITLED_IDS = 200;

export function script(shell: Shell): string {
  switch (shell) {
    case 'bash':
      return BASH;
    case 'zsh':
      return ZSH;
    case 'fish':
      return FISH;
  }
}

const BASH = `# bash completion for papers. Load it with:  eval "$(papers completion bash)"
_papers_complete() {
  local IFS=$'\\n'
  local -a out
  out=($(command papers __complete --shell bash --wordbreaks "$COMP_WORDBREAKS" line -- "\${COMP_LINE:0:COMP_POINT}" 2>/dev/null))
  case "\${out[0]}" in
    :files)
      compopt -o filenames 2>/dev/null
      COMPREPLY=($(compgen -f -- "\${out[1]}")) ;;
    :dirs)
      compopt -o filenames 2>/dev/null
      COMPREPLY=($(compgen -d -- "\${out[1]}")) ;;
    *)
      COMPREPLY=("\${out[@]}") ;;
  esac
  return 0
}
complete -F _papers_complete papers
`;

const ZSH = `#compdef papers
# zsh completion for papers. Load it with:  eval "$(papers completion zsh)"  (after compinit)
_papers() {
  local -a lines
  lines=("\${(@f)$(command papers __complete --shell zsh words -- "\${(@Q)words[1,CURRENT-1]}" "\${(Q)PREFIX}" 2>/dev/null)}")
  case "\${lines[1]}" in
    :files) compset -P '*='; _files ;;
    :dirs) compset -P '*='; _files -/ ;;
    '') return 1 ;;
    *) _describe -t values 'papers' lines ;;
  esac
}
if [[ "\${zsh_eval_context[-1]}" == loadautofunc ]]; then
  _papers "$@"
else
  compdef _papers papers
fi
`;

const FISH = `# fish completion for papers. Install it with:
#   papers completion fish > ~/.config/fish/completions/papers.fish
function __papers_complete
    set -l words (commandline -opc) (commandline -ct)
    set -l out (command papers __complete --shell fish words -- $words 2>/dev/null)
    switch "$out[1]"
        case :files :dirs
            __fish_complete_path (string replace -r -- '^--[^=]*=' '' (commandline -ct))
        case '*'
            printf '%s\\n' $out
    end
end
complete -c papers -f -a '(__papers_complete)'
`;
