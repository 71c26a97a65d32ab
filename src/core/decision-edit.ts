// One change a user asks of their decisions (a tag edit over some papers, or one paper's note),
// applied to one paper's decision. A command may make several edits as one change (one undo
// step), e.g. `papers rules apply` with two rules, or an edited reading list. Pure.
import { isEmptyDecision, sameDecision } from './decisions.js';
import type { ChangeResult, Decision } from './library.js';
import { sameTag, spellTagEdits } from './tags.js';

export type DecisionEdit =
  | { kind: 'tag'; ids: readonly string[]; add: readonly string[]; remove: readonly string[] }
  /** text null (or blank): remove the note. */
  | { kind: 'note'; id: string; text: string | null };

export function editIds(edit: DecisionEdit): readonly string[] {
  return edit.kind === 'tag' ? edit.ids : [edit.id];
}

/**
 * The decision after the edit; tags and notes it sets are stamped `at`. Tags match regardless of
 * case: a tag already there (in any case) keeps its spelling and time; a removal takes every case.
 */
export function applyEdit(edit: DecisionEdit, before: Decision, at: string): Decision {
  if (edit.kind === 'tag') {
    const tags = { ...before.tags };
    for (const t of Object.keys(tags)) if (edit.remove.some((r) => sameTag(r, t))) delete tags[t];
    for (const t of edit.add) if (!Object.keys(tags).some((k) => sameTag(k, t))) tags[t] = at;
    return { ...before, tags };
  }
  const text = noteText(edit);
  if (text === null) return { ...before, note: null };
  return { ...before, note: before.note?.text === text ? before.note : { text, at } };
}

/**
 * The edits, in order, as one change to decisions keyed by paper id (no aliases): tags in the
 * library's spellings (spellTagEdits), each paper's decision after applyEdit, emptied ones dropped.
 * For a library without aliases (the in-memory one); the store folds aliases in around the same steps.
 */
export function editDecisions(edits: readonly DecisionEdit[], decisions: ReadonlyMap<string, Decision>, at: string): { next: Map<string, Decision>; parts: ChangeResult[] } {
  const next = new Map(decisions);
  const parts: ChangeResult[] = [];
  for (const edit of spellTagEdits(edits, decisions)) {
    const changed: string[] = [];
    for (const id of editIds(edit)) {
      const before = next.get(id) ?? { tags: {}, note: null };
      const after = applyEdit(edit, before, at);
      if (sameDecision(before, after)) continue;
      changed.push(id);
      if (isEmptyDecision(after)) next.delete(id);
      else next.set(id, after);
    }
    parts.push({ summary: describeEdit(edit, changed), changed });
  }
  return { next, parts };
}

function noteText(edit: Extract<DecisionEdit, { kind: 'note' }>): string | null {
  return edit.text === null || edit.text.trim() === '' ? null : edit.text;
}

/** One line for the user: what the edit changed (`changed`: the papers whose decision it changed). */
export function describeEdit(edit: DecisionEdit, changed: readonly string[]): string {
  if (edit.kind === 'tag') {
    const words = [...edit.add.map((t) => `+${t}`), ...edit.remove.map((t) => `-${t}`)].join(' ');
    const n = edit.ids.length;
    if (changed.length === 0) return `nothing to change: ${n === 1 ? 'the paper is' : `the ${n} papers are`} already ${words}`;
    return `tagged ${changed.length} paper${changed.length === 1 ? '' : 's'} ${words}`;
  }
  const text = noteText(edit);
  if (changed.length === 0) return `nothing to change: ${text === null ? `${edit.id} has no note` : `${edit.id} already has this note`}`;
  return text === null ? `removed the note of ${edit.id}` : `noted ${edit.id}`;
}
