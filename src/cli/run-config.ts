// The settings of one run: defaults < config file < environment < flags, resolved once for the
// command about to run (main's preAction hook) and read by that command from here, so the file is
// read once per run and every value keeps its origin for `papers config`.
import { Option, type Command } from 'commander';
import type { ConfigFlag, ConfigKey } from '../core/config.js';
import { loadConfig, type LoadedConfig } from '../io/config-file.js';
import { setColorMode } from './output.js';

/** A command-line option that sets a config value: given on the command line, it is the flag layer. */
export class ConfigOption extends Option {
  constructor(
    flags: string,
    description: string,
    readonly configKey: ConfigKey,
  ) {
    super(flags, description);
  }
}

/** The config options given on the command line, from the program down to the command. */
function givenFlags(command: Command): ConfigFlag[] {
  const chain: Command[] = [];
  for (let c: Command | null = command; c; c = c.parent) chain.unshift(c);
  const flags: ConfigFlag[] = [];
  for (const c of chain) {
    for (const option of c.options) {
      const name = option.attributeName();
      if (!(option instanceof ConfigOption) || c.getOptionValueSource(name) !== 'cli') continue;
      flags.push({ key: option.configKey, flag: option.long ?? option.flags, value: String(c.getOptionValue(name)) });
    }
  }
  return flags;
}

function programOf(command: Command): Command {
  let c = command;
  while (c.parent) c = c.parent;
  return c;
}

// Keyed by the program, which every run builds anew: one run's settings never leak into the next.
const resolved = new WeakMap<Command, LoadedConfig>();

/** Reads the config file and merges the layers for the command about to run; bad values throw (exit 2). */
export function resolveConfig(command: Command, env: NodeJS.ProcessEnv = process.env): LoadedConfig {
  const loaded = loadConfig(givenFlags(command), env);
  resolved.set(programOf(command), loaded);
  return loaded;
}

/** This run's settings (resolved now when the hook did not, as for Tab completion). */
export function configOf(command: Command): LoadedConfig {
  return resolved.get(programOf(command)) ?? resolveConfig(command);
}

/** Resolves the settings for the command about to run and applies what all commands share (colour). */
export function applyConfig(command: Command): void {
  // completion must work even with a broken config: it reads the settings only if it needs them
  if (command.name() === '__complete' || command.name() === 'completion') return setColorMode('auto');
  setColorMode(resolveConfig(command).config.color);
}
