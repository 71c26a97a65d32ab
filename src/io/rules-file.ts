// The tagging rules file: rules.yaml next to the config file ($XDG_CONFIG_HOME/papers/rules.yaml,
// or beside PAPERS_CONFIG), hand-written like the config. Missing means no rules.
import type { CompileOptions } from '../core/query/index.js';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { inputError } from '../core/errors.js';
import { formatRulesError, parseRules, type Rule } from '../core/rank/rules.js';
import { configPath } from './paths.js';
import { yaml } from './yaml.js';

const RULES_NAME = 'rules.yaml';

export function rulesPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(dirname(configPath(env)), RULES_NAME);
}

/**
 * The rules of a file. A missing file is no rules when `missingOk` (the default location), else an
 * input error; a bad file is an input error naming file:line:column.
 */
export function readRulesFile(file: string, missingOk: boolean, options: CompileOptions = {}): { rules: Rule[]; exists: boolean } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && missingOk) return { rules: [], exists: false };
    if (code === 'ENOENT') throw inputError(`${file}: no such file; give a rules file (YAML, see 'papers rules --help')`);
    if (code === 'EISDIR') throw inputError(`${file}: is a folder; a rules file is a YAML file`);
    throw inputError(`${file}: cannot read the rules file (${code ?? (e as Error).message})`);
  }
  const parsed = parseRules(yaml(), text, file, options);
  if (!parsed.ok) throw inputError(`${formatRulesError(parsed.error)}; fix the file (see 'papers rules --help')`);
  return { rules: parsed.rules, exists: true };
}
