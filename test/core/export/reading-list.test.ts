import { describe, expect, it } from 'vitest';
import { formatMarkdown } from '../../../src/core/export/markdown.js';
import { readReadingList, type ReadingItem } from '../../../src/core/export/reading-list.js';
import { fingerprint } from '../../../src/core/export/note-text.js';
import { META, entries, nastyPapers, plainPapers } from './fixtures.js';

function items(text: string): ReadingItem[] {
  const result = readReadingList(text);
  if (result.kind !== 'reading-list') throw new Error(result.reason);
  return result.items;
}

describe('readReadingList', () => {
  const papers = [...plainPapers(), ...nastyPapers()];

  it('reads back every item of every layout papers writes, with nothing the user wrote', () => {
    for (const abstracts of ['none', 'tldr', 'full'] as const) {
      for (const group of ['none', 'tag', 'date'] as const) {
        const text = formatMarkdown(entries(papers, { '2503.01234': ['read'] }), META, { group, abstracts });
        const got = items(text);
        expect(got.map((i) => i.id).sort()).toEqual(papers.map((p) => p.id).sort());
        for (const item of got) {
          expect(item.note).toBe('');
          expect(item.ticked).toBe(item.id === '2503.01234');
          expect(item.exportedTicked).toBe(item.ticked);
        }
      }
    }
  });

  it('reads exported notes back exactly, with their fingerprint', () => {
    const note = 'first line\n\n  - indented point\nlast *markdown* line';
    const text = formatMarkdown(entries(papers, {}, { tabcdefgh: note }), META, { group: 'tag', abstracts: 'full' });
    const item = items(text).find((i) => i.id === 'tabcdefgh')!;
    expect(item.note).toBe(note);
    expect(item.exportedNote).toBe(fingerprint(note));
  });

  it('sees ticks and the note lines an editor adds: indented, tab-indented or lazily under the item', () => {
    const text = formatMarkdown(entries(plainPapers()), META, { group: 'none', abstracts: 'tldr' });
    const edited = text
      .replace('- [ ] **Attention Is All You Need, Again**', '- [x] **Attention Is All You Need, Again**')
      .replace(/(<!-- papers:id=2503\.01234 -->\n)/, '$1  worth a second read\n')
      .replace(/(<!-- papers:id=2503\.05678 -->\n)/, '$1a lazy line\n')
      .replace(/(<!-- papers:id=tabcdefgh -->\n)/, '$1\n\tnote in Obsidian\n\t- with a point\n');
    const got = items(edited);
    expect(got.map((i) => [i.id, i.ticked, i.note])).toEqual([
      ['2503.01234', true, 'worth a second read'],
      ['2503.05678', false, 'a lazy line'],
      ['tabcdefgh', false, 'note in Obsidian\n- with a point'],
    ]);
  });

  it('ends an item at a heading, a new top-level list item or a paragraph outside the list', () => {
    const text = formatMarkdown(entries(plainPapers()), META, { group: 'none', abstracts: 'none' });
    const edited = `${text}- [ ] my own task, no id\n  under my own task\n\nA paragraph after the list.\n\n## Later\n  indented under a heading\n`;
    const result = readReadingList(edited);
    expect(result.kind === 'reading-list' && result.items.map((i) => i.note)).toEqual(['', '', '']);
    // What is left outside every item is reported, so a note typed in the wrong place is not lost silently.
    expect(result.kind === 'reading-list' && result.diagnostics.map((d) => [d.line, d.message.split('" is not under')[0]])).toEqual([
      [14, '"- [ ] my own task, no id'],
      [15, '"under my own task'],
      [17, '"A paragraph after the list.'],
      [20, '"indented under a heading'],
    ]);
  });

  it('still knows its TL;DR line after a formatter rewrote the emphasis', () => {
    const text = formatMarkdown(entries(plainPapers()), META, { group: 'none', abstracts: 'tldr' }).replace(/\*TL;DR:\*/g, '_TL;DR:_');
    expect(items(text).map((i) => i.note)).toEqual(['', '', '']);
  });

  it('handles CRLF files and a missing checkbox', () => {
    const text = formatMarkdown(entries(plainPapers()), META, { group: 'none', abstracts: 'none' }).replace(/\n/g, '\r\n');
    const edited = text.replace('- [ ] **Attention Is Not', '- **Attention Is Not').replace('- [ ] **No Abstract', '- [X] **No Abstract');
    expect(items(edited).map((i) => i.ticked)).toEqual([false, null, true]);
  });

  it('warns about an id listed twice and keeps the first', () => {
    const text = formatMarkdown(entries(plainPapers()), META, { group: 'none', abstracts: 'none' });
    const line = text.split('\n').find((l) => l.includes('papers:id=tabcdefgh'))!;
    const result = readReadingList(`${text}${line.replace('[ ]', '[x]')}\n`);
    expect(result.kind).toBe('reading-list');
    if (result.kind !== 'reading-list') return;
    expect(result.items.filter((i) => i.id === 'tabcdefgh')).toHaveLength(1);
    expect(result.items.find((i) => i.id === 'tabcdefgh')!.ticked).toBe(false);
    expect(result.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringContaining('tabcdefgh is listed twice') })]);
  });

  it('says a file papers did not write is not a reading list', () => {
    const result = readReadingList('---\ntitle: My notes\n---\n\n# Papers I like\n\n- [ ] Some paper\n- [x] Another one\n');
    expect(result).toEqual({ kind: 'not-a-reading-list', reason: expect.stringContaining('not a papers reading list') });
    expect(readReadingList('').kind).toBe('not-a-reading-list');
  });
});
