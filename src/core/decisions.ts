// The decisions file (decisions.yaml): the user's tags and notes, one block per paper, sorted by
// id, blank line between blocks, so that it reads well, diffs well and merges well in git.
//
//   "2503.01234":
//     tags:
//       to-read: 2026-11-27T03:00:00.000Z
//     note:
//       text: "Read section 3 first."
//       at: 2026-11-27T03:04:05.000Z
//
// Parsing accepts what a person may write by hand (tags as a list without times, a note as a bare
// string) and reports anything else as line:column. Serialising is ours and deterministic: the same
// decisions always give the same bytes, on every machine. Also here: the three-way merge used by
// `papers merge-decisions` (the git merge driver). Pure: no fs.
import type { Node as YamlNode } from 'yaml';
import type { YamlModule } from './yaml-codec.js';
import type { Decision } from './library.js';
import { VIRTUAL_TAGS } from './virtual-tags.js';

export type Decisions = Map<string, Decision>;

export interface DecisionsError {
  line: number;
  column: number;
  message: string;
}

type ParsedDecisions = { ok: true; decisions: Decisions } | { ok: false; error: DecisionsError };

const TAG_NAME = /^[\p{L}\p{N}_][\p{L}\p{N}_.:/@-]*$/u;

/** Why a tag name cannot be used, or null when it can. */
export function tagNameProblem(tag: string): string | null {
  if (!TAG_NAME.test(tag)) return `"${tag}" is not a tag name: use letters, digits and _ . : / @ - (starting with a letter, digit or _)`;
  if ((VIRTUAL_TAGS as readonly string[]).includes(tag)) return `"${tag}" is a virtual tag (${VIRTUAL_TAGS.join(', ')}): it is computed, not set`;
  return null;
}

export function emptyDecision(): Decision {
  return { tags: {}, note: null };
}

export function isEmptyDecision(d: Decision): boolean {
  return Object.keys(d.tags).length === 0 && d.note === null;
}

export function sameDecision(a: Decision | undefined | null, b: Decision | undefined | null): boolean {
  const x = a && !isEmptyDecision(a) ? a : null;
  const y = b && !isEmptyDecision(b) ? b : null;
  if (x === null || y === null) return x === y;
  const xt = Object.keys(x.tags).sort();
  const yt = Object.keys(y.tags).sort();
  if (xt.length !== yt.length || xt.some((t, i) => t !== yt[i] || x.tags[t] !== y.tags[t])) return false;
  return x.note === null ? y.note === null : y.note !== null && x.note.text === y.note.text && x.note.at === y.note.at;
}

/** Two entries about one paper as one: every tag at its earliest time; the note of b when preferB and b has one, else a's, else b's. */
export function combineDecisions(a: Decision, b: Decision, preferB: boolean): Decision {
  const tags = { ...a.tags };
  for (const [t, at] of Object.entries(b.tags)) if (!(t in tags) || at < tags[t]!) tags[t] = at;
  const note = preferB ? (b.note ?? a.note) : (a.note ?? b.note);
  return { tags, note };
}

// ---------------------------------------------------------------------------------------------
// Parsing

class Problem extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/** The offset of the first key that repeats an earlier key of its mapping (as the YAML library's uniqueKeys compares them), or null. */
function repeatedKey(yaml: YamlModule, root: unknown): number | null {
  let found: number | null = null;
  yaml.visit(root as YamlNode, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = yaml.isScalar(pair.key) ? pair.key.value : pair.key;
        if (seen.has(key)) {
          const at = offsetOf(pair.key as YamlNode, 0);
          if (found === null || at < found) found = at;
          break;
        }
        seen.add(key);
      }
    },
  });
  return found;
}

function offsetOf(node: YamlNode | null | undefined, fallback: number): number {
  return node?.range?.[0] ?? fallback;
}

function scalarText(yaml: YamlModule, node: unknown, what: string, at: number): string {
  if (node === null || node === undefined) return '';
  if (yaml.isScalar(node)) return node.value === null || node.value === undefined ? '' : String(node.value);
  throw new Problem(offsetOf(node as YamlNode, at), `${what} must be a plain value, not a list or mapping`);
}

function parseTags(yaml: YamlModule, node: unknown, at: number): Record<string, string> {
  const tags: Record<string, string> = {};
  if (node === null || node === undefined) return tags;
  if (yaml.isScalar(node) && (node.value === null || node.value === '')) return tags;
  const add = (nameNode: unknown, time: string, fallback: number) => {
    const name = scalarText(yaml, nameNode, 'a tag name', fallback);
    const problem = tagNameProblem(name);
    if (problem) throw new Problem(offsetOf(nameNode as YamlNode, fallback), problem);
    tags[name] = time;
  };
  if (yaml.isMap(node)) {
    for (const pair of node.items) add(pair.key, scalarText(yaml, pair.value, 'a tag time', offsetOf(pair.key as YamlNode, at)), offsetOf(node, at));
    return tags;
  }
  if (yaml.isSeq(node)) {
    for (const item of node.items) add(item, '', offsetOf(node, at));
    return tags;
  }
  throw new Problem(offsetOf(node as YamlNode, at), 'tags must be a mapping (tag: time) or a list of tag names');
}

function parseNote(yaml: YamlModule, node: unknown, at: number): Decision['note'] {
  if (node === null || node === undefined) return null;
  if (yaml.isScalar(node)) {
    const text = scalarText(yaml, node, 'a note', at);
    return text === '' ? null : { text, at: '' };
  }
  if (yaml.isMap(node)) {
    let text = '';
    let time = '';
    for (const pair of node.items) {
      const key = scalarText(yaml, pair.key, 'a note field', offsetOf(node, at));
      if (key === 'text') text = scalarText(yaml, pair.value, 'the note text', offsetOf(pair.key as YamlNode, at));
      else if (key === 'at') time = scalarText(yaml, pair.value, 'the note time', offsetOf(pair.key as YamlNode, at));
      else throw new Problem(offsetOf(pair.key as YamlNode, at), `unknown note field "${key}" (expected text or at)`);
    }
    return text === '' ? null : { text, at: time };
  }
  throw new Problem(offsetOf(node as YamlNode, at), 'note must be text, or a mapping with text and at');
}

function parseEntry(yaml: YamlModule, node: unknown, at: number): Decision {
  if (node === null || node === undefined) return emptyDecision();
  if (yaml.isScalar(node) && (node.value === null || node.value === '')) return emptyDecision();
  if (!yaml.isMap(node)) throw new Problem(offsetOf(node as YamlNode, at), 'a paper entry must be a mapping with tags and/or note');
  const decision = emptyDecision();
  for (const pair of node.items) {
    const key = scalarText(yaml, pair.key, 'a field name', offsetOf(node, at));
    const keyAt = offsetOf(pair.key as YamlNode, at);
    if (key === 'tags') decision.tags = parseTags(yaml, pair.value, keyAt);
    else if (key === 'note') decision.note = parseNote(yaml, pair.value, keyAt);
    else throw new Problem(keyAt, `unknown field "${key}" (expected tags or note)`);
  }
  return decision;
}

/** The yaml library's message in one line and in our words where it has a hard one. */
function yamlProblem(message: string): string {
  const line = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  return /^Map keys must be unique/.test(line) ? 'this key appears twice in its mapping (two entries for one paper, or a field given twice); join them into one' : line;
}

/**
 * Reads decisions.yaml text. Never throws: problems come back with line and column (1-based). The
 * YAML library is loaded only for text that is not in papers' own layout.
 */
export function parseDecisions(loadYaml: () => YamlModule, text: string): ParsedDecisions {
  const own = readOwnLayout(text);
  if (own) return { ok: true, decisions: own };
  const yaml = loadYaml();
  const lineCounter = new yaml.LineCounter();
  const position = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  try {
    // The library's own check of unique keys compares each key with every one before it: minutes
    // over a hundred thousand decisions. repeatedKey makes the same check in one pass.
    const doc = yaml.parseDocument(text, { schema: 'failsafe', lineCounter, prettyErrors: false, uniqueKeys: false });
    const first = doc.errors[0];
    if (first) return { ok: false, error: { ...position(first.pos[0]), message: yamlProblem(first.message) } };
    const repeated = repeatedKey(yaml, doc.contents);
    if (repeated !== null) return { ok: false, error: { ...position(repeated), message: yamlProblem('Map keys must be unique') } };
    const decisions: Decisions = new Map();
    const root = doc.contents;
    if (root === null || (yaml.isScalar(root) && (root.value === null || root.value === ''))) return { ok: true, decisions };
    if (!yaml.isMap(root)) return { ok: false, error: { ...position(offsetOf(root, 0)), message: 'the file must be a mapping of paper ids to their tags and note' } };
    // Ids are compared without surrounding whitespace; two keys naming one paper are refused,
    // never merged (one of the two entries would be lost at the next write).
    const firstAt = new Map<string, number>();
    for (const pair of root.items) {
      const keyAt = offsetOf(pair.key as YamlNode, 0);
      const id = scalarText(yaml, pair.key, 'a paper id', keyAt).trim();
      if (id === '') throw new Problem(keyAt, 'empty paper id');
      const earlier = firstAt.get(id);
      if (earlier !== undefined) throw new Problem(keyAt, `paper ${id} has a second entry (the first is at line ${position(earlier).line}); join the two into one`);
      firstAt.set(id, keyAt);
      const decision = parseEntry(yaml, pair.value, keyAt);
      if (!isEmptyDecision(decision)) decisions.set(id, decision);
    }
    return { ok: true, decisions };
  } catch (e) {
    if (e instanceof Problem) return { ok: false, error: { ...position(e.offset), message: e.message } };
    return { ok: false, error: { line: 1, column: 1, message: e instanceof Error ? e.message : String(e) } };
  }
}

// ---------------------------------------------------------------------------------------------
// Serialising

const DECISIONS_HEADER = [
  '# papers: your decisions (tags and notes), one block per paper, sorted by paper id.',
  '# Hand edits are welcome; papers checks this file before every change and never overwrites it',
  '# while it is invalid. Merging in git: see "papers merge-decisions --help".',
];

// Plain YAML scalars that every YAML reader takes as a string (not a number, bool, null, date...).
const PLAIN_SAFE = /^[A-Za-z_][A-Za-z0-9_./@-]*$/;
const YAML_WORDS = /^(?:y|n|yes|no|on|off|true|false|null)$/i;

/** A key or value as YAML: plain when unambiguous, else double-quoted (JSON escapes are valid YAML). */
function yamlScalar(value: string): string {
  if (PLAIN_SAFE.test(value) && !YAML_WORDS.test(value)) return value;
  return JSON.stringify(value);
}

const YAML_TIME = /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/;

function yamlTime(value: string): string {
  return YAML_TIME.test(value) ? value : JSON.stringify(value);
}

/** A key or value as yamlScalar and yamlTime write it. */
const unquote = (scalar: string): unknown => (scalar.startsWith('"') ? JSON.parse(scalar) : scalar);
const FIELD = /^ {4}("(?:[^"\\]|\\.)*"|[^" ][^:]*): (.*)$/;

/**
 * The file read without the YAML library when it is laid out exactly as serializeDecisions writes
 * it (the library takes minutes over a hundred thousand decisions); null for any other layout (a
 * hand edit), which the YAML library then reads. Accepted only when these decisions would be
 * written as this very text: then the YAML reading of it is the same.
 */
export function readOwnLayout(text: string): Decisions | null {
  const lines = text.split('\n');
  if (DECISIONS_HEADER.some((h, i) => lines[i] !== h)) return null;
  const decisions: Decisions = new Map();
  let entry: Decision | null = null;
  let section: 'tags' | 'note' | null = null;
  try {
    for (let i = DECISIONS_HEADER.length; i < lines.length; i++) {
      const line = lines[i]!;
      if (line === '') continue;
      if (line === '  tags:' || line === '  note:') {
        if (!entry) return null;
        section = line === '  tags:' ? 'tags' : 'note';
        if (section === 'note') entry.note = { text: '', at: '' };
        continue;
      }
      if (!line.startsWith(' ') && line.endsWith(':')) {
        const id = unquote(line.slice(0, -1));
        if (typeof id !== 'string' || decisions.has(id)) return null;
        decisions.set(id, (entry = emptyDecision()));
        section = null;
        continue;
      }
      const field = FIELD.exec(line);
      if (!field || !entry || !section) return null;
      const [key, value] = [unquote(field[1]!), unquote(field[2]!)];
      if (typeof key !== 'string' || typeof value !== 'string') return null;
      if (section === 'tags') {
        if (tagNameProblem(key)) return null;
        entry.tags[key] = value;
      } else if (key === 'text' || key === 'at') entry.note![key] = value;
      else return null;
    }
  } catch {
    return null; // a quoted scalar that is not JSON
  }
  for (const d of decisions.values()) if (d.note?.text === '') d.note = null;
  return serializeDecisions(decisions) === text ? decisions : null;
}

/** The file's bytes for these decisions: header, then one block per paper sorted by id, blank lines between. */
export function serializeDecisions(decisions: ReadonlyMap<string, Decision>): string {
  let out = `${DECISIONS_HEADER.join('\n')}\n`;
  // the default sort compares UTF-16 code units, as compareCodeUnits does, without a call per pair
  for (const id of [...decisions.keys()].sort()) {
    const d = decisions.get(id)!;
    if (!isEmptyDecision(d)) out += blockOf(id, d);
  }
  return out;
}

/** One paper's block: a blank line, its id, its tags and note (every line indented but the id's). */
function blockOf(id: string, d: Decision): string {
  let out = `\n${yamlScalar(id)}:\n`;
  const tags = Object.keys(d.tags).sort();
  if (tags.length > 0) {
    out += '  tags:\n';
    for (const t of tags) out += `    ${yamlScalar(t)}: ${yamlTime(d.tags[t]!)}\n`;
  }
  if (d.note) out += `  note:\n    text: ${JSON.stringify(d.note.text)}\n    at: ${yamlTime(d.note.at)}\n`;
  return out;
}

/** Past this many changed papers the whole file is written again: splicing would gain nothing. */
const SPLICED_AT_MOST = 256;

/**
 * serializeDecisions(next), made from `text` = serializeDecisions(prev) by rewriting only the
 * blocks of the papers whose decision in `next` is not the very object it is in `prev` (a change
 * copies the map and replaces what it changes). Null when many changed, or when `text` turns out
 * not to hold a block it should: then the caller serializes `next` whole.
 */
export function reserializeDecisions(text: string, prev: ReadonlyMap<string, Decision>, next: ReadonlyMap<string, Decision>): string | null {
  const changes = new Map<string, Decision | null>();
  for (const [id, d] of next) if (prev.get(id) !== d) changes.set(id, d);
  for (const id of prev.keys()) if (!next.has(id)) changes.set(id, null);
  const keyAfter = (id: string) => {
    let following: string | null = null;
    for (const [k, d] of prev) if (k > id && (following === null || k < following) && !isEmptyDecision(d)) following = k;
    return following;
  };
  return spliceDecisions(text, changes, { get: (id) => prev.get(id), keyAfter });
}

/** What spliceDecisions reads of the decisions `text` holds. */
interface DecisionsBefore {
  get(id: string): Decision | undefined;
  /** The least id above `id` (code units, as the sort) with a decision that is not empty; null when none. */
  keyAfter(id: string): string | null;
}

/**
 * `text` (serializeDecisions of the decisions `before` reads) with the blocks of the changed ids
 * rewritten (null: the id has no decision now). Null when many changed, or when `text` turns out
 * not to hold a block it should: then the caller serializes the decisions whole.
 */
export function spliceDecisions(text: string, changes: ReadonlyMap<string, Decision | null>, before: DecisionsBefore): string | null {
  if (changes.size > SPLICED_AT_MOST) return null;
  // A block starts at the blank line before its id, the only line not indented (notes, tags and
  // odd ids are quoted on one line), and ends where the next block starts.
  const blockAt = (id: string): { start: number; end: number } | null => {
    const at = text.indexOf(`\n\n${yamlScalar(id)}:\n`);
    if (at < 0) return null;
    const next = text.indexOf('\n\n', at + 2);
    return { start: at + 1, end: next < 0 ? text.length : next + 1 };
  };
  const edits: Array<{ start: number; end: number; id: string; block: string }> = [];
  for (const [id, after] of changes) {
    const was = before.get(id);
    const block = after && !isEmptyDecision(after) ? blockOf(id, after) : '';
    if (was && !isEmptyDecision(was)) {
      const found = blockAt(id);
      if (!found) return null;
      edits.push({ ...found, id, block });
    } else if (block !== '') {
      // a new block goes before the first block of a greater id
      const following = before.keyAfter(id);
      const found = following === null ? { start: text.length, end: text.length } : blockAt(following);
      if (!found) return null;
      edits.push({ start: found.start, end: found.start, id, block });
    }
  }
  edits.sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : 1));
  let out = '';
  let from = 0;
  for (const e of edits) {
    out += text.slice(from, e.start) + e.block;
    from = Math.max(from, e.end);
  }
  return out + text.slice(from);
}

// ---------------------------------------------------------------------------------------------
// Three-way merge (the git merge driver)

interface MergedDecisions {
  decisions: Decisions;
  /** Papers whose note was changed differently on both sides: both texts are kept, joined. */
  noteConflicts: string[];
}

function merge3<T>(base: T | undefined, ours: T | undefined, theirs: T | undefined, same: (a: T | undefined, b: T | undefined) => boolean): { value: T | undefined; conflict: boolean } {
  if (same(ours, base)) return { value: theirs, conflict: false };
  if (same(theirs, base)) return { value: ours, conflict: false };
  if (same(ours, theirs)) return { value: ours, conflict: false };
  return { value: undefined, conflict: true };
}

/**
 * Merges two descendants of a common ancestor paper by paper, tag by tag: a tag added or removed on
 * one side is added or removed; added on both, it is kept with the earlier time. Changed on one side
 * and removed on the other, it is kept (a decision is never lost silently). A note changed
 * differently on both sides keeps both texts (newer first) and is reported.
 */
export function mergeDecisions(base: ReadonlyMap<string, Decision>, ours: ReadonlyMap<string, Decision>, theirs: ReadonlyMap<string, Decision>): MergedDecisions {
  const decisions: Decisions = new Map();
  const noteConflicts: string[] = [];
  const ids = new Set([...base.keys(), ...ours.keys(), ...theirs.keys()]);
  for (const id of ids) {
    const b = base.get(id);
    const o = ours.get(id);
    const t = theirs.get(id);
    const tags: Record<string, string> = {};
    const names = new Set([...Object.keys(b?.tags ?? {}), ...Object.keys(o?.tags ?? {}), ...Object.keys(t?.tags ?? {})]);
    for (const name of names) {
      const r = merge3(b?.tags[name], o?.tags[name], t?.tags[name], (x, y) => x === y);
      if (!r.conflict) {
        if (r.value !== undefined) tags[name] = r.value;
        continue;
      }
      const ot = o?.tags[name];
      const tt = t?.tags[name];
      if (ot !== undefined && tt !== undefined) tags[name] = ot < tt ? ot : tt;
      else tags[name] = (ot ?? tt)!;
    }
    const sameNote = (x: Decision['note'] | undefined, y: Decision['note'] | undefined) => (x ?? null) === null ? (y ?? null) === null : y != null && x!.text === y.text && x!.at === y.at;
    const n = merge3(b?.note ?? undefined, o?.note ?? undefined, t?.note ?? undefined, sameNote);
    let note: Decision['note'] = n.value ?? null;
    if (n.conflict) {
      const on = o?.note ?? null;
      const tn = t?.note ?? null;
      if (on && tn) {
        const [newer, older] = on.at >= tn.at ? [on, tn] : [tn, on];
        note = { text: `${newer.text}\n\n${older.text}`, at: newer.at };
        noteConflicts.push(id);
      } else note = on ?? tn;
    }
    const merged: Decision = { tags, note };
    if (!isEmptyDecision(merged)) decisions.set(id, merged);
  }
  return { decisions, noteConflicts };
}
