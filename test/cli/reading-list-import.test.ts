// The decisions of applying a reading list, on an in-memory library: only what changed since the
// export is applied, unknown ids are reported, nothing else is touched.
import { describe, expect, it } from 'vitest';
import { memoryLibrary } from '../../src/core/library.js';
import { formatMarkdown } from '../../src/core/export/markdown.js';
import { exportEntries } from '../../src/core/export/types.js';
import { readReadingList } from '../../src/core/export/reading-list.js';
import { applyReadingList } from '../../src/cli/reading-list-import.js';
import type { DecisionEdit } from '../../src/core/decision-edit.js';
import { META, plainPapers } from '../core/export/fixtures.js';

const OPTIONS = { group: 'none', abstracts: 'tldr' } as const;

async function setup() {
  const lib = memoryLibrary(plainPapers(), 'memory', () => '2025-04-02T00:00:00.000Z');
  await lib.tag(['2503.05678'], ['read', 'ml'], []);
  await lib.setNote('tabcdefgh', 'old note');
  // The in-memory library makes the edits one by one (the disk library makes them one change).
  const target = {
    snapshot: () => lib.snapshot(),
    edit: async (edits: readonly DecisionEdit[]) => {
      for (const e of edits) await (e.kind === 'tag' ? lib.tag(e.ids, e.add, e.remove) : lib.setNote(e.id, e.text));
    },
  };
  const text = formatMarkdown(exportEntries(lib.snapshot().papers, lib.snapshot()), META, OPTIONS);
  const apply = async (edited: string) => {
    const list = readReadingList(edited);
    if (list.kind !== 'reading-list') throw new Error(list.reason);
    return applyReadingList(target, list.items, list.diagnostics);
  };
  const state = () => lib.snapshot().papers.map((p) => {
    const d = lib.snapshot().decisions.get(p.id);
    return [p.id, d ? Object.keys(d.tags).sort() : [], d?.note?.text ?? null];
  });
  return { lib, text, apply, state };
}

describe('applyReadingList', () => {
  it('changes nothing for an unedited list', async () => {
    const { text, apply, state } = await setup();
    const before = state();
    const report = await apply(text);
    expect(report).toMatchObject({ summary: 'nothing changed', changes: [], diagnostics: [] });
    expect(state()).toEqual(before);
  });

  it('ticks, unticks and notes; keeps the other tags', async () => {
    const { text, apply, state } = await setup();
    const edited = text
      .replace('- [ ] **Attention Is All You Need, Again**', '- [x] **Attention Is All You Need, Again**')
      .replace('- [x] **Attention Is Not All You Need**', '- [ ] **Attention Is Not All You Need**')
      .replace('  old note', '  new note\n  second line');
    const report = await apply(edited);
    expect(report.summary).toBe('1 marked read, 1 marked unread, 1 note set');
    expect(state()).toEqual([
      ['2503.01234', ['read'], null],
      ['2503.05678', ['ml'], null],
      ['tabcdefgh', [], 'new note\nsecond line'],
    ]);
  });

  it('does not undo a decision made after the export, and leaves a note whose lines were deleted', async () => {
    const { lib, text, apply, state } = await setup();
    // After the export: read removed in the library, a note changed.
    await lib.tag(['2503.05678'], [], ['read']);
    await lib.setNote('tabcdefgh', 'newer note');
    const before = state();
    const report = await apply(text.replace('\n  old note\n', '\n'));
    expect(report.summary).toBe('nothing changed');
    expect(state()).toEqual(before);
  });

  it('reports items whose paper is not in the library, with their line', async () => {
    const { text, apply } = await setup();
    const report = await apply(`${text}\n- [x] **Gone** <!-- papers:id=2401.99999 -->\n`);
    expect(report.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', message: 'paper 2401.99999 is not in the library; its item was skipped' })]);
    expect(report.summary).toBe('nothing changed');
  });
});
