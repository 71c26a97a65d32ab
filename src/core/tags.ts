// Tags as the user sees them: matched regardless of case, kept as first written, always printed
// in one order (code-unit order, the order decisions.yaml keeps them in). Pure.
import type { DecisionEdit } from './decision-edit.js';
import { compareCodeUnits } from './text/order.js';
import type { Decision } from './library.js';
import { VIRTUAL_TAGS } from './virtual-tags.js';
import type { NearMiss } from './near-miss.js';

/** What two spellings of one tag have in common: `To-Read` and `to-read` are one tag. */
export function tagKey(tag: string): string {
  return tag.toLowerCase();
}

export function sameTag(a: string, b: string): boolean {
  return tagKey(a) === tagKey(b);
}

/** The one order tags print in everywhere (rows, show, tags, JSON, exports). */
export function sortTags(tags: Iterable<string>): string[] {
  return [...tags].sort(compareCodeUnits);
}

/** A decision's own tags, in the one order. */
export function tagsOf(decision: Decision | undefined): string[] {
  return decision ? sortTags(Object.keys(decision.tags)) : [];
}

/** Whether a paper's tags hold `tag`, whatever its case. */
export function hasTag(tags: Iterable<string>, tag: string): boolean {
  const key = tagKey(tag);
  for (const t of tags) if (tagKey(t) === key) return true;
  return false;
}

/**
 * The library's spelling of each tag, by key: the first written (earliest tag time; a time left
 * out by a hand edit counts as earliest; ties in code-unit order). With `only`, of those keys alone.
 */
export function tagSpellings(decisions: Iterable<Decision>, only?: ReadonlySet<string>): Map<string, string> {
  const first = new Map<string, { tag: string; at: string }>();
  // a library has few distinct tags on many papers: each one's key is worked out once
  const keys = new Map<string, string>();
  for (const d of decisions) {
    for (const tag in d.tags) {
      let key = keys.get(tag);
      if (key === undefined) keys.set(tag, (key = tagKey(tag)));
      if (only && !only.has(key)) continue;
      const at = d.tags[tag]!;
      const seen = first.get(key);
      if (!seen || at < seen.at || (at === seen.at && compareCodeUnits(tag, seen.tag) < 0)) first.set(key, { tag, at });
    }
  }
  return new Map([...first].map(([key, v]) => [key, v.tag]));
}

/** How a tag the user typed is stored: the library's spelling when it has the tag in any case, else as typed. */
export function canonicalTag(tag: string, spellings: ReadonlyMap<string, string>): string {
  return spellings.get(tagKey(tag)) ?? tag;
}

const FEW_TAGS = 8;

/**
 * The warning for a tag no paper carries (`known`: the user tags papers carry), in one line: the
 * closest tag when there is one, else the tags when they are few. Null for a known or virtual tag.
 */
export function unknownTagWarning(tag: string, known: Iterable<string>, nearMiss: NearMiss): string | null {
  const all = sortTags(new Set(known));
  if (hasTag(all, tag) || hasTag(VIRTUAL_TAGS, tag)) return null;
  const close = nearMiss(tag, [...all, ...VIRTUAL_TAGS]);
  if (close !== null) return `no paper has the tag "${tag}"; did you mean "${close}"?`;
  if (all.length === 0) return `no paper has the tag "${tag}"; no paper has any tag yet`;
  if (all.length <= FEW_TAGS) return `no paper has the tag "${tag}"; the tags are: ${all.join(', ')}`;
  return `no paper has the tag "${tag}"; see "papers tags" for the ${all.length} tags`;
}

/** Every user tag some decision holds, each spelling once, in the one order. */
export function libraryTags(decisions: Iterable<Decision>): string[] {
  const tags = new Set<string>();
  for (const d of decisions) for (const t of Object.keys(d.tags)) tags.add(t);
  return sortTags(tags);
}

/**
 * Tag words as typed (`+To-Read -SKIP`) in the library's spellings, each tag once; a tag both
 * added and removed (in any case) comes back as `clash`.
 */
export function spellTagWords(add: readonly string[], remove: readonly string[], spellings: ReadonlyMap<string, string>): { add: string[]; remove: string[]; clash: string | null } {
  const once = (tags: readonly string[]) => [...new Map(tags.map((t) => [tagKey(t), canonicalTag(t, spellings)])).values()];
  const a = once(add);
  const r = once(remove);
  return { add: a, remove: r, clash: a.find((t) => hasTag(r, t)) ?? null };
}

/** The edits with their tags in the library's spellings (so `+To-Read` adds the `to-read` already in use). */
export function spellTagEdits<E extends DecisionEdit>(edits: readonly E[], decisions: ReadonlyMap<string, Decision> | { spellings(keys: ReadonlySet<string>): Map<string, string> }): E[] {
  if (!edits.some((e) => e.kind === 'tag')) return [...edits];
  const typed = new Set(edits.flatMap((e) => (e.kind === 'tag' ? [...e.add, ...e.remove].map(tagKey) : [])));
  const spellings = 'spellings' in decisions ? decisions.spellings(typed) : tagSpellings(decisions.values(), typed);
  return edits.map((e) => {
    if (e.kind !== 'tag') return e;
    const { add, remove } = spellTagWords(e.add, e.remove, spellings);
    return { ...e, add, remove };
  });
}
