// Reads the config file ($XDG_CONFIG_HOME/papers/config.yaml, or PAPERS_CONFIG) and the
// environment, and merges them with the defaults and any flags. A missing file means defaults.
import { readFileSync } from 'node:fs';
import { writeFileAtomic } from './atomic.js';
import { failure, inputError, usageError } from '../core/errors.js';
import { editConfigText, envLayer, flagLayer, formatConfigError, mergeConfig, parseConfigFile, type ConfigFlag, type ConfigLayer, type ResolvedConfig } from '../core/config.js';
import { configPath } from './paths.js';
import { yaml } from './yaml.js';
import { nearMiss } from './near-miss.js';

export interface LoadedConfig extends ResolvedConfig {
  /** The config file looked at. */
  file: string;
  /** Whether it exists (when not, the file layer is empty). */
  fileExists: boolean;
}

/** The file's layer; throws an input error (exit 2) naming file:line:column and the key. */
function readConfigFile(file: string): { layer: ConfigLayer; exists: boolean } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { layer: { values: {}, origins: {} }, exists: false };
    if (code === 'EISDIR') throw inputError(`${file}: is a folder; the config must be a YAML file`);
    throw inputError(`${file}: cannot read the config file (${code ?? (e as Error).message})`);
  }
  const parsed = parseConfigFile(yaml(), text, file, nearMiss);
  if (!parsed.ok) {
    const [first, ...rest] = parsed.errors;
    const more = rest.length > 0 ? ` (and ${rest.length} more problem${rest.length === 1 ? '' : 's'} in the file)` : '';
    throw inputError(`${formatConfigError(first!)}${more}; fix the file, or see 'papers config --help'`);
  }
  return { layer: parsed.layer, exists: true };
}

/**
 * The effective configuration: defaults < config file < environment < flags, with the origin of
 * every value. Bad values throw a PapersError (exit 2) that says where they are.
 */
export function loadConfig(flags: readonly ConfigFlag[] = [], env: NodeJS.ProcessEnv = process.env): LoadedConfig {
  const file = configPath(env);
  const { layer: fileLayer, exists } = readConfigFile(file);
  const fromEnv = envLayer(env);
  if (!fromEnv.ok) throw usageError(`${fromEnv.errors[0]} (environment variable)`);
  const fromFlags = flagLayer(flags);
  if (!fromFlags.ok) throw usageError(fromFlags.errors[0]!);
  return { ...mergeConfig([fileLayer, fromEnv.layer, fromFlags.layer]), file, fileExists: exists };
}

/** Sets (or, with value null, removes) one key in the config file, keeping its comments; atomic. */
export function writeConfigValue(key: string, value: string | null, env: NodeJS.ProcessEnv = process.env): string {
  const file = configPath(env);
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw inputError(`${file}: cannot read the config file (${(e as NodeJS.ErrnoException).code})`);
  }
  const edited = editConfigText(yaml(), text, file, key, value);
  if (!edited.ok) throw usageError(edited.message);
  try {
    writeFileAtomic(file, edited.text);
  } catch (e) {
    throw failure(`${file}: cannot write the config file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return file;
}
