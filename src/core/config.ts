// The user's settings: the schema with its defaults, validation of the YAML file (errors carry
// file:line:column and the key), values from the environment and from flags, and the merge
// defaults < file < environment < flags that records where each value came from.
// Pure: the caller reads the file and hands in the environment.
import type { Node, Pair } from 'yaml';
import type { YamlModule } from './yaml-codec.js';
import type { NearMiss } from './near-miss.js';

const QUICK_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;
export type QuickKey = (typeof QUICK_KEYS)[number];
import { ABSTRACT_MODES, EXPORT_FORMATS, GROUPINGS as EXPORT_GROUPS, type AbstractMode, type ExportFormat, type Grouping as ExportGroup } from './export/types.js';
import { DEFAULT_ARXIV_BASE, DEFAULT_HF_BASE, baseUrlProblem, categoryProblem } from './fetch/urls.js';

const COLOR_MODES = ['auto', 'always', 'never'] as const;
type ColorMode = (typeof COLOR_MODES)[number];

/** The effective configuration, as the rest of the program reads it. */
export interface Config {
  /** The tag that key 1..9 toggles in the UI; null: the key does nothing. */
  quickTags: Record<QuickKey, string | null>;
  /** Which tags count as liking / not liking a paper when ranking. */
  ranking: { positive: string[]; negative: string[] };
  /** Defaults for `papers export` when its flags are not given. */
  export: { format: ExportFormat; group: ExportGroup; abstracts: AbstractMode };
  /** Colour: auto (when stdout is a terminal), always or never. */
  color: ColorMode;
  /** What `papers fetch` fetches: the Hugging Face daily list (when enabled) and these arXiv feeds. */
  sources: { hf: { enabled: boolean; url: string }; arxiv: { categories: string[]; url: string } };
  /** Saved searches: name -> query text, used as @name in queries. */
  searches: Record<string, string>;
}

/** One value per dotted key, exactly the keys the file may hold. */
interface ConfigValues extends Record<`quick-tags.${QuickKey}`, string | null> {
  'ranking.positive': string[];
  'ranking.negative': string[];
  'export.format': ExportFormat;
  'export.group': ExportGroup;
  'export.abstracts': AbstractMode;
  color: ColorMode;
  'sources.hf.enabled': boolean;
  'sources.hf.url': string;
  'sources.arxiv.categories': string[];
  'sources.arxiv.url': string;
  searches: Record<string, string>;
}
export type ConfigKey = keyof ConfigValues;

type Origin =
  | { kind: 'default' }
  | { kind: 'file'; file: string; line: number; column: number }
  | { kind: 'env'; name: string }
  | { kind: 'flag'; name: string };

type Origins = Record<ConfigKey, Origin>;

/** A problem in the config file, located for the user. */
export interface ConfigError {
  file: string;
  line: number;
  column: number;
  /** The dotted key concerned; "" for a YAML syntax error. */
  key: string;
  message: string;
}

export function formatConfigError(e: ConfigError): string {
  return `${e.file}:${e.line}:${e.column}: ${e.key ? `${e.key}: ` : ''}${e.message}`;
}

/** A layer of values from one origin (file, environment, flags). */
export interface ConfigLayer {
  values: Partial<ConfigValues>;
  origins: Partial<Origins>;
}

// ---------------------------------------------------------------------------------------------
// The schema

type Checked<T> = { ok: true; value: T } | { ok: false; message: string };
const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const bad = <T>(message: string): Checked<T> => ({ ok: false, message });

interface Setting<T> {
  key: ConfigKey;
  description: string;
  default: T;
  /** The value as YAML gives it (string, number, boolean, null, array). */
  check(value: unknown): Checked<T>;
  /** The value written as text in an environment variable or a flag. */
  fromText(text: string): Checked<T>;
  /** The environment variable, when not the one envName derives from the key. */
  env?: string;
}

function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `a ${typeof value}`;
}

function checkTag(value: unknown): Checked<string> {
  if (typeof value !== 'string') return bad(`expected a tag name, got ${kindOf(value)}`);
  if (value === '' || /\s/.test(value)) return bad(`"${value}" is not a tag name (one word, no spaces)`);
  if (/^[+-]/.test(value)) return bad(`"${value}": a tag name cannot start with + or -`);
  return ok(value);
}

const quickTag = (key: QuickKey, dflt: string | null): Setting<string | null> => ({
  key: `quick-tags.${key}`,
  description: `tag toggled by key ${key} in the UI (null: none)`,
  default: dflt,
  check: (value) => (value === null ? ok(null) : checkTag(value)),
  fromText: (text) => (text === '' || text === 'null' || text === 'none' ? ok(null) : checkTag(text)),
});

const tagList = (key: ConfigKey, description: string, dflt: string[]): Setting<string[]> => ({
  key,
  description,
  default: dflt,
  check(value) {
    if (!Array.isArray(value)) return bad(`expected a list of tags such as [${dflt.join(', ')}], got ${kindOf(value)}`);
    const tags: string[] = [];
    for (const item of value) {
      const tag = checkTag(item);
      if (!tag.ok) return tag;
      if (!tags.includes(tag.value)) tags.push(tag.value);
    }
    return ok(tags);
  },
  fromText(text) {
    return this.check(text.split(',').map((t) => t.trim()).filter((t) => t !== ''));
  },
});

const oneOf = <T extends string>(key: ConfigKey, description: string, choices: readonly T[], dflt: T): Setting<T> => ({
  key,
  description,
  default: dflt,
  check(value) {
    if (typeof value !== 'string') return bad(`expected one of ${choices.join(', ')}, got ${kindOf(value)}`);
    return (choices as readonly string[]).includes(value) ? ok(value as T) : bad(`"${value}" is not one of ${choices.join(', ')}`);
  },
  fromText(text) {
    return this.check(text);
  },
});

const colorSetting: Setting<ColorMode> = {
  ...oneOf('color', 'colour: auto (on a terminal), always or never; true/false also work', COLOR_MODES, 'auto'),
  check(value) {
    if (value === true) return ok('always');
    if (value === false) return ok('never');
    return oneOf('color', '', COLOR_MODES, 'auto').check(value);
  },
  fromText(text) {
    if (text === 'true') return ok('always');
    if (text === 'false') return ok('never');
    return this.check(text);
  },
};

const baseUrl = (key: ConfigKey, description: string, dflt: string, env: string): Setting<string> => ({
  key,
  description,
  default: dflt,
  env,
  check(value) {
    if (typeof value !== 'string') return bad(`expected a URL such as ${dflt}, got ${kindOf(value)}`);
    const problem = baseUrlProblem(value);
    return problem === null ? ok(value) : bad(problem);
  },
  fromText(text) {
    return this.check(text);
  },
});

const onOff = (key: ConfigKey, description: string, dflt: boolean): Setting<boolean> => ({
  key,
  description,
  default: dflt,
  check: (value) => (typeof value === 'boolean' ? ok(value) : bad(`expected true or false, got ${kindOf(value)}`)),
  fromText: (text) => (['true', 'yes', '1'].includes(text) ? ok(true) : ['false', 'no', '0'].includes(text) ? ok(false) : bad(`"${text}": expected true or false`)),
});

/** arXiv feeds: a category (cs.CL), or several joined by + for one feed (cs.CL+cs.LG). */
const feedList: Setting<string[]> = {
  key: 'sources.arxiv.categories',
  description: 'arXiv feeds papers fetch reads: categories such as cs.CL (cs.CL+cs.LG: one feed of both)',
  default: [],
  check(value) {
    if (!Array.isArray(value)) return bad(`expected a list of arXiv categories such as [cs.CL, cs.LG], got ${kindOf(value)}`);
    const feeds: string[] = [];
    for (const item of value) {
      if (typeof item !== 'string') return bad(`expected an arXiv category, got ${kindOf(item)}`);
      const problem = item.split('+').map(categoryProblem).find((p) => p !== null);
      if (problem) return bad(problem);
      if (!feeds.includes(item)) feeds.push(item);
    }
    return ok(feeds);
  },
  fromText(text) {
    return this.check(text.split(',').map((t) => t.trim()).filter((t) => t !== ''));
  },
};

/** A saved search's name: what may follow @ in a query. */
const SEARCH_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

const searchesSetting: Setting<Record<string, string>> = {
  key: 'searches',
  description: 'saved searches, name: query (used as @name in any query)',
  default: {},
  check(value) {
    if (value === null) return ok({});
    if (typeof value !== 'object' || Array.isArray(value)) return bad(`expected a mapping of names to queries, such as {mine: 'author:"Tri Dao" | cat:cs.CL'}, got ${kindOf(value)}`);
    const out: Record<string, string> = {};
    for (const [name, query] of Object.entries(value as Record<string, unknown>)) {
      if (!SEARCH_NAME.test(name)) return bad(`"${name}" cannot be a search name (letters, digits, - _ .)`);
      if (typeof query !== 'string') return bad(`${name}: expected a query, got ${kindOf(query)}`);
      out[name] = query;
    }
    return ok(out);
  },
  fromText: () => bad('saved searches are set in the config file only'),
};

const QUICK_DEFAULTS: Record<QuickKey, string | null> = { 1: 'to-read', 2: 'skip', 3: null, 4: null, 5: null, 6: null, 7: null, 8: null, 9: null };

/** Every setting, in the order `papers config` prints them. */
export const SETTINGS: readonly Setting<unknown>[] = [
  ...QUICK_KEYS.map((k) => quickTag(k, QUICK_DEFAULTS[k])),
  tagList('ranking.positive', 'tags that mean "I want papers like this" when ranking', ['to-read', 'read']),
  tagList('ranking.negative', 'tags that mean "not for me" when ranking', ['skip']),
  oneOf('export.format', 'default format of papers export', EXPORT_FORMATS, 'md'),
  oneOf('export.group', 'default grouping of papers export', EXPORT_GROUPS, 'none'),
  oneOf('export.abstracts', 'default abstracts of a Markdown export: none, tldr (the first sentence) or full', ABSTRACT_MODES, 'tldr'),
  colorSetting,
  onOff('sources.hf.enabled', 'whether papers fetch reads the Hugging Face daily papers', true),
  baseUrl('sources.hf.url', 'where papers fetch reads the Hugging Face daily papers API', DEFAULT_HF_BASE, 'PAPERS_FETCH_HF_URL'),
  feedList,
  baseUrl('sources.arxiv.url', 'where papers fetch reads the arXiv listing feeds', DEFAULT_ARXIV_BASE, 'PAPERS_FETCH_ARXIV_URL'),
  searchesSetting,
] as Setting<unknown>[];

export const CONFIG_KEYS: readonly ConfigKey[] = SETTINGS.map((s) => s.key);
const settingOf = new Map<string, Setting<unknown>>(SETTINGS.map((s) => [s.key, s]));

export function isConfigKey(key: string): key is ConfigKey {
  return settingOf.has(key);
}

export function defaultValues(): ConfigValues {
  return Object.fromEntries(SETTINGS.map((s) => [s.key, structuredClone(s.default)])) as unknown as ConfigValues;
}

export function toConfig(v: ConfigValues): Config {
  return {
    quickTags: Object.fromEntries(QUICK_KEYS.map((k) => [k, v[`quick-tags.${k}`]])) as Record<QuickKey, string | null>,
    ranking: { positive: v['ranking.positive'], negative: v['ranking.negative'] },
    export: { format: v['export.format'], group: v['export.group'], abstracts: v['export.abstracts'] },
    color: v.color,
    sources: {
      hf: { enabled: v['sources.hf.enabled'], url: v['sources.hf.url'] },
      arxiv: { categories: v['sources.arxiv.categories'], url: v['sources.arxiv.url'] },
    },
    searches: v.searches,
  };
}

// ---------------------------------------------------------------------------------------------
// The file

/** Sections (mappings) and the keys they hold; a top-level key with no section is a leaf. */
function childKeys(prefix: string): string[] {
  const start = prefix === '' ? '' : `${prefix}.`;
  const names = new Set<string>();
  for (const key of CONFIG_KEYS) if (key.startsWith(start)) names.add(key.slice(start.length).split('.')[0]!);
  return [...names];
}

type ParsedConfigFile = { ok: true; layer: ConfigLayer } | { ok: false; errors: ConfigError[] };

/** Validates the text of a config file; every value found gets its file:line:column as origin. */
export function parseConfigFile(yaml: YamlModule, text: string, file: string, nearMiss?: NearMiss): ParsedConfigFile {
  const { LineCounter, isMap, isScalar, parseDocument } = yaml;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const errors: ConfigError[] = [];
  const at = (offset: number | undefined) => {
    const pos = lineCounter.linePos(offset ?? 0);
    return { line: pos.line, column: pos.col };
  };
  for (const e of doc.errors) {
    errors.push({ file, ...at(e.pos[0]), key: '', message: `invalid YAML: ${e.message.split('\n')[0]}` });
  }
  if (errors.length > 0) return { ok: false, errors };

  const layer: ConfigLayer = { values: {}, origins: {} };
  const walk = (node: Node | null, prefix: string): void => {
    if (node === null || (isScalar(node) && node.value === null)) return; // an empty section sets nothing
    if (!isMap(node)) {
      errors.push({ file, ...at(node.range?.[0]), key: prefix, message: `expected a mapping of keys (${childKeys(prefix).join(', ')}), got ${kindOf(node.toJSON())}` });
      return;
    }
    for (const pair of node.items as Pair<Node, Node | null>[]) {
      const name = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const key = prefix === '' ? name : `${prefix}.${name}`;
      const keyPos = at(pair.key?.range?.[0]);
      const setting = settingOf.get(key);
      if (setting) {
        const checked = setting.check(pair.value === null ? null : pair.value.toJSON());
        if (!checked.ok) {
          errors.push({ file, ...at(firstBadOffset(yaml, pair.value) ?? pair.key?.range?.[0]), key, message: checked.message });
          continue;
        }
        (layer.values as Record<string, unknown>)[key] = checked.value;
        layer.origins[key as ConfigKey] = { kind: 'file', file, ...keyPos };
      } else if (childKeys(key).length > 0 && !CONFIG_KEYS.includes(key as ConfigKey)) {
        walk(pair.value, key);
      } else {
        const known = childKeys(prefix);
        errors.push({ file, ...keyPos, key, message: `${unknownKey(name, known, nearMiss)}${prefix ? ` in ${prefix}` : ''}; known keys: ${known.join(', ')}` });
      }
    }
  };
  walk(doc.contents as Node | null, '');
  return errors.length > 0 ? { ok: false, errors } : { ok: true, layer };
}

/** `unknown key "colour" (did you mean color?)`, the suggestion when there is one. */
export function unknownKey(name: string, known: readonly string[], nearMiss?: NearMiss): string {
  const close = nearMiss?.(name, known) ?? null;
  return `unknown key "${name}"${close === null ? '' : ` (did you mean ${close}?)`}`;
}

/** Where a value went wrong: the value itself (a list's non-string item, for a list). */
function firstBadOffset(yaml: YamlModule, node: Node | null): number | undefined {
  if (node === null) return undefined;
  if (yaml.isSeq(node)) {
    const item = (node.items as Node[]).find((i) => !yaml.isScalar(i) || typeof i.value !== 'string');
    if (item) return item.range?.[0];
  }
  return node.range?.[0];
}

// ---------------------------------------------------------------------------------------------
// Environment and flags

/** PAPERS_EXPORT_FORMAT for export.format, PAPERS_QUICK_TAGS_1 for quick-tags.1, ... (PAPERS_FETCH_HF_URL for sources.hf.url). */
export function envName(key: ConfigKey): string {
  return settingOf.get(key)?.env ?? `PAPERS_${key.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}`;
}

type TextLayer = { ok: true; layer: ConfigLayer } | { ok: false; errors: string[] };

/** Values from PAPERS_* variables; NO_COLOR and FORCE_COLOR also decide `color` unless PAPERS_COLOR does. */
export function envLayer(env: Readonly<Record<string, string | undefined>>): TextLayer {
  const layer: ConfigLayer = { values: {}, origins: {} };
  const errors: string[] = [];
  for (const setting of SETTINGS) {
    const name = envName(setting.key);
    const text = env[name];
    if (text === undefined) continue;
    const checked = setting.fromText(text.trim());
    if (!checked.ok) errors.push(`${name}=${text}: ${checked.message}`);
    else {
      (layer.values as Record<string, unknown>)[setting.key] = checked.value;
      layer.origins[setting.key] = { kind: 'env', name };
    }
  }
  if (layer.values.color === undefined && env[envName('color')] === undefined) {
    const noColor = env.NO_COLOR;
    const force = env.FORCE_COLOR;
    if (noColor !== undefined && noColor !== '') {
      layer.values.color = 'never';
      layer.origins.color = { kind: 'env', name: 'NO_COLOR' };
    } else if (force !== undefined) {
      layer.values.color = force === '0' || force === 'false' ? 'never' : 'always';
      layer.origins.color = { kind: 'env', name: 'FORCE_COLOR' };
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, layer };
}

/** A command-line flag that sets a config value; `value` undefined when the flag was not given. */
export interface ConfigFlag {
  key: ConfigKey;
  /** The flag as the user typed it, e.g. "--format". */
  flag: string;
  value: string | undefined;
}

export function flagLayer(flags: readonly ConfigFlag[]): TextLayer {
  const layer: ConfigLayer = { values: {}, origins: {} };
  const errors: string[] = [];
  for (const { key, flag, value } of flags) {
    if (value === undefined) continue;
    const checked = settingOf.get(key)!.fromText(value);
    if (!checked.ok) errors.push(`${flag} ${value}: ${checked.message}`);
    else {
      (layer.values as Record<string, unknown>)[key] = checked.value;
      layer.origins[key] = { kind: 'flag', name: flag };
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, layer };
}

// ---------------------------------------------------------------------------------------------
// The merge

export interface ResolvedConfig {
  config: Config;
  values: ConfigValues;
  origins: Origins;
}

/** Defaults, then each layer in turn (later wins); each key keeps the origin of the value it ends with. */
export function mergeConfig(layers: readonly ConfigLayer[]): ResolvedConfig {
  const values = defaultValues();
  const origins = Object.fromEntries(CONFIG_KEYS.map((k) => [k, { kind: 'default' }])) as Origins;
  for (const layer of layers) {
    for (const key of CONFIG_KEYS) {
      if (!(key in layer.values)) continue;
      (values as unknown as Record<string, unknown>)[key] = layer.values[key];
      origins[key] = layer.origins[key] ?? { kind: 'default' };
    }
  }
  return { config: toConfig(values), values, origins };
}

export function describeOrigin(origin: Origin): string {
  switch (origin.kind) {
    case 'default':
      return 'default';
    case 'file':
      return `${origin.file}:${origin.line}`;
    case 'env':
      return `environment ${origin.name}`;
    case 'flag':
      return `flag ${origin.name}`;
  }
}

/** A value as `papers config` shows it: lists in brackets, null as "none". */
export function formatValue(value: unknown): string {
  if (value === null) return 'none';
  if (Array.isArray(value)) return `[${value.join(', ')}]`;
  if (typeof value === 'object') return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(', ')}}`;
  return String(value);
}

// ---------------------------------------------------------------------------------------------
// Editing the file

type EditedConfig = { ok: true; text: string } | { ok: false; message: string };

/**
 * The config file's text with one key set (value as typed on a command line: lists comma-separated,
 * "none" for no quick tag) or removed (value null). Comments and the other keys stay as they were.
 * Refuses a file that is already invalid, so a broken file is never rewritten.
 */
export function editConfigText(yaml: YamlModule, text: string, file: string, key: string, value: string | null): EditedConfig {
  const { isMap, isScalar, parseDocument } = yaml;
  const setting = settingOf.get(key);
  if (!setting) return { ok: false, message: `unknown key "${key}"; keys: ${CONFIG_KEYS.join(', ')}` };
  const before = parseConfigFile(yaml, text, file);
  if (!before.ok) return { ok: false, message: `${formatConfigError(before.errors[0]!)}; fix the file first` };
  const doc = parseDocument(text, { uniqueKeys: true });
  const path = key.split('.').map((part) => (/^[1-9]$/.test(part) ? Number(part) : part));
  if (value === null) {
    if (doc.contents !== null && doc.hasIn(path)) doc.deleteIn(path);
    // drop sections left empty
    const section = path.length > 1 ? doc.getIn(path.slice(0, -1)) : undefined;
    if (isMap(section) && section.items.length === 0) doc.deleteIn(path.slice(0, -1));
  } else {
    const checked = setting.fromText(value);
    if (!checked.ok) return { ok: false, message: `${key} ${value}: ${checked.message}` };
    if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) doc.contents = doc.createNode({}) as never;
    // make the section a mapping first: setIn would make a list for the numeric keys of quick-tags
    if (path.length > 1 && !isMap(doc.getIn(path.slice(0, -1)))) doc.setIn(path.slice(0, -1), doc.createNode({}));
    doc.setIn(path, doc.createNode(checked.value));
  }
  const out = doc.contents === null || (isMap(doc.contents) && doc.contents.items.length === 0 && !doc.commentBefore && !doc.comment) ? '' : doc.toString();
  const after = parseConfigFile(yaml, out, file);
  if (!after.ok) return { ok: false, message: `cannot write ${key} into this file (${formatConfigError(after.errors[0]!)}); edit it by hand` };
  return { ok: true, text: out };
}
