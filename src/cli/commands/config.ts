// `papers config`: the effective settings and where each came from; `papers config path`.
import { Argument, type Command } from 'commander';
import { CONFIG_KEYS, SETTINGS, describeOrigin, envName, formatValue, isConfigKey, unknownKey } from '../../core/config.js';
import { nearMiss } from '../../io/near-miss.js';
import { usageError } from '../../core/errors.js';
import { writeConfigValue, type LoadedConfig } from '../../io/config-file.js';
import { processOutput } from '../output.js';
import { configOf, resolveConfig } from '../run-config.js';

/** Every key, its default, its environment variable and what it does, for `papers config --help`. */
function keyTable(): string {
  const rows = SETTINGS.map((s) => ({ key: s.key, dflt: formatValue(s.default), env: s.key === 'searches' ? '(file only)' : envName(s.key), what: s.description }));
  const w = (f: (r: (typeof rows)[number]) => string) => Math.max(...rows.map((r) => f(r).length));
  const [kw, dw, ew] = [w((r) => r.key), w((r) => r.dflt), w((r) => r.env)];
  return rows.map((r) => `  ${r.key.padEnd(kw)}  ${r.dflt.padEnd(dw)}  ${r.env.padEnd(ew)}  ${r.what}`).join('\n');
}

export function register(program: Command): void {
  const config = program
    .command('config')
    .description('print the effective settings and where each came from (default, file:line, environment, flag)')
    // choices() tells shell completion the keys; any word is accepted so that a near miss gets runConfig's suggestion
    .addArgument(new Argument('[key]', 'print only this key (e.g. quick-tags.3)').choices(CONFIG_KEYS).argParser((key: string) => key))
    .argument('[value]', 'set the key to this value in the config file (lists: a,b; "none" for no quick tag)')
    .option('--json', 'print the settings as JSON')
    .option('--unset', 'remove the key from the config file (back to its default)')
    .addHelpText(
      'after',
      () => `
The config file is YAML at $XDG_CONFIG_HOME/papers/config.yaml (~/.config/papers/config.yaml),
or wherever PAPERS_CONFIG points. Every key is optional; for example:

  quick-tags:          # keys 1-9 in the UI
    1: to-read
    2: skip
    3: later
  ranking:
    positive: [to-read, read]
    negative: [skip]
  export:
    format: md         # md, json, csl-json, bibtex, ris, csv
    group: none        # none, tag, date
    abstracts: tldr    # none, tldr, full
  color: auto          # auto, always, never

Each key can also be set in the environment (${envName('export.format')}, ${envName('quick-tags.3')},
${envName('ranking.positive')}=a,b, ${envName('color')}; NO_COLOR and FORCE_COLOR are honoured), colour
with --color, and the export keys with papers export --format, --group and --abstracts.
Later wins: defaults < file < environment < flags.

Keys (default, environment variable):
${keyTable()}

Examples:
  papers config                        the settings and their origins
  papers config --json                 the same for scripts
  papers config quick-tags.3           one setting and its origin
  papers config quick-tags.3 later     set it in the config file (comments are kept)
  papers config ranking.positive to-read,read,fav
  papers config quick-tags.3 --unset   back to the default
  papers config path                   where the file is (or would be)`,
    )
    .action((key: string | undefined, value: string | undefined, options: { json?: boolean; unset?: boolean }, command: Command) => {
      runConfig(key, value, options, command);
    });

  config
    .command('path')
    .description('print the path of the config file (whether or not it exists)')
    .action((_options: unknown, command: Command) => {
      processOutput().out(configOf(command).file);
    });
}

function runConfig(key: string | undefined, value: string | undefined, options: { json?: boolean; unset?: boolean }, command: Command): void {
  const output = processOutput();
  if (key !== undefined && !isConfigKey(key)) throw usageError(`${unknownKey(key, CONFIG_KEYS, nearMiss)}; keys: ${CONFIG_KEYS.join(', ')}`);
  if (options.unset && value !== undefined) throw usageError('--unset takes no value: papers config KEY --unset');
  if ((options.unset || value !== undefined) && key !== undefined) {
    const file = writeConfigValue(key, options.unset ? null : value!);
    const loaded = resolveConfig(command); // the file as just written
    const origin = loaded.origins[key];
    const shadowed = origin.kind === 'env' || origin.kind === 'flag' ? ` (but ${describeOrigin(origin)} overrides it)` : '';
    output.out(`${file}: ${options.unset ? `removed ${key}; it is now` : `set ${key} to`} ${formatValue(loaded.values[key])}${shadowed}`);
    return;
  }
  if (options.unset) throw usageError('--unset needs a key: papers config KEY --unset');
  const loaded = configOf(command);
  if (key === undefined) return printConfig(loaded, options.json ?? false);
  if (options.json) output.out(JSON.stringify({ key, value: loaded.values[key], origin: loaded.origins[key], from: describeOrigin(loaded.origins[key]) }, null, 2));
  else output.out(`${formatValue(loaded.values[key])}\t${describeOrigin(loaded.origins[key])}`);
}

function printConfig(loaded: LoadedConfig, json: boolean): void {
  const output = processOutput();
  if (json) {
    output.out(
      JSON.stringify(
        {
          file: loaded.file,
          fileExists: loaded.fileExists,
          config: loaded.config,
          settings: CONFIG_KEYS.map((key) => ({ key, value: loaded.values[key], origin: loaded.origins[key], from: describeOrigin(loaded.origins[key]) })),
        },
        null,
        2,
      ),
    );
    return;
  }
  const c = output.color;
  const rows = CONFIG_KEYS.map((key) => ({ key, value: formatValue(loaded.values[key]), from: describeOrigin(loaded.origins[key]) }));
  const keyWidth = Math.max(...rows.map((r) => r.key.length));
  const valueWidth = Math.max(...rows.map((r) => r.value.length));
  const lines = [`config file: ${loaded.file}${loaded.fileExists ? '' : ' (not found: defaults apply)'}`, ''];
  for (const row of rows) {
    const from = loaded.origins[row.key].kind === 'default' ? c.dim(row.from) : c.cyan(row.from);
    lines.push(`${row.key.padEnd(keyWidth)}  ${row.value.padEnd(valueWidth)}  ${from}`);
  }
  output.out(lines.join('\n'));
}
