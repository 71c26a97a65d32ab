import { describe, expect, it } from 'vitest';
import { createMerger, mergeInto } from '../../src/core/merge.js';
import { emptyPaper, type Paper } from '../../src/core/model.js';
import { paperId } from '../../src/core/ids.js';

function paper(fields: Partial<Paper> & { title: string }, line = 1): Paper {
  const base = emptyPaper({ file: 'f', line });
  const arxivId = fields.arxivId ?? null;
  return { ...base, ...fields, id: fields.id ?? paperId(arxivId, fields.title) };
}
const info = (digest: string, importedAt = '2025-03-12T08:00:00.000Z') => ({ digest, file: `${digest}.txt`, importedAt });

describe('mergeInto', () => {
  it('adds new papers in digest order, one sighting each', () => {
    const r = mergeInto([], [paper({ title: 'A', date: '2025-03-12' }), paper({ title: 'B' }, 5)], info('d1'));
    expect(r.added).toEqual([paperId(null, 'A'), paperId(null, 'B')]);
    expect(r.papers.map((p) => [p.title, p.firstSeen, p.lastSeen, p.sightings.length])).toEqual([
      ['A', '2025-03-12', '2025-03-12', 1],
      ['B', '2025-03-12', '2025-03-12', 1],
    ]);
  });

  it('merges the same title across digests (case, accents and punctuation aside), keeping every sighting', () => {
    const first = mergeInto([], [paper({ title: 'Déjà Vu: Attention, Again', date: '2025-03-12', abstract: 'Short.', abstractKind: 'summary' })], info('d1'));
    const second = mergeInto(first.papers, [paper({ title: 'deja vu attention again', date: '2025-03-14', abstract: 'The full abstract, much longer.', abstractKind: 'abstract', authors: ['Ann', 'Bo'], upvotes: 7 })], info('d2'));
    expect(second.added).toEqual([]);
    expect(second.updated).toEqual([first.papers[0]!.id]);
    const [p] = second.papers;
    expect(second.papers).toHaveLength(1);
    expect(p).toMatchObject({ id: first.papers[0]!.id, title: 'Déjà Vu: Attention, Again', abstract: 'The full abstract, much longer.', abstractKind: 'abstract', authors: ['Ann', 'Bo'], upvotes: 7, firstSeen: '2025-03-12', lastSeen: '2025-03-14' });
    expect(p!.sightings.map((s) => s.digest)).toEqual(['d1', 'd2']);
    // the input library is not modified
    expect(first.papers[0]!.sightings).toHaveLength(1);
  });

  it('keeps a title-hash id when the arXiv id is learned later: the arXiv id becomes an alias', () => {
    const hf = mergeInto([], [paper({ title: 'Scaling Laws for Everything', abstract: 'HF text.', abstractKind: 'abstract', upvotes: 12, links: [{ url: 'https://github.com/a/b', kind: 'code' }] })], info('hf'));
    const id = hf.papers[0]!.id;
    expect(id).toMatch(/^t/);
    const arxiv = mergeInto(hf.papers, [paper({ title: 'Scaling laws for everything', arxivId: '2503.01234', version: 2, authors: ['X'], categories: ['cs.LG'], abstract: 'HF text.', abstractKind: 'abstract', links: [{ url: 'https://proj.example', kind: 'project' }, { url: 'https://github.com/a/b', kind: 'code' }] })], info('ax'));
    const [p] = arxiv.papers;
    expect(p).toMatchObject({ id, arxivId: '2503.01234', aliases: ['2503.01234'], version: 2, authors: ['X'], categories: ['cs.LG'], upvotes: 12 });
    expect(p!.links.map((l) => l.url)).toEqual(['https://github.com/a/b', 'https://proj.example']);
    // seen again by arXiv id only (another title spelling): still the same paper
    const again = mergeInto(arxiv.papers, [paper({ title: 'Scaling Laws for Everything (v3)', arxivId: '2503.01234', version: 3 })], info('ax2'));
    expect(again.papers).toHaveLength(1);
    expect(again.papers[0]).toMatchObject({ id, version: 3 });
  });

  it('a paper first seen by arXiv id answers to its title hash too', () => {
    const r = mergeInto([], [paper({ title: 'Known By Number', arxivId: '2501.00001' })], info('ax'));
    expect(r.papers[0]!.aliases).toEqual([paperId(null, 'Known By Number')]);
    const hf = mergeInto(r.papers, [paper({ title: 'Known by number' })], info('hf'));
    expect(hf.papers).toHaveLength(1);
    expect(hf.papers[0]!.sightings).toHaveLength(2);
  });

  it('does not merge two papers with the same title but different arXiv ids', () => {
    const r = mergeInto([], [paper({ title: 'Erratum', arxivId: '2501.00001' }), paper({ title: 'Erratum', arxivId: '2502.00002' })], info('d'));
    expect(r.papers.map((p) => p.id)).toEqual(['2501.00001', '2502.00002']);
  });

  it('a card listed twice in one digest is one paper with one sighting', () => {
    const m = createMerger([]);
    const out = m.add([paper({ title: 'Twice' }, 1), paper({ title: 'Twice', upvotes: 3 }, 9)], info('d'));
    expect(out.added).toHaveLength(1);
    expect(m.papers).toHaveLength(1);
    expect(m.papers[0]!.sightings).toHaveLength(1);
    expect(m.papers[0]!.upvotes).toBe(3);
  });

  it('first and last seen use the import day when a digest has no date', () => {
    const a = mergeInto([], [paper({ title: 'Undated' })], info('d1', '2025-01-02T10:00:00.000Z'));
    const b = mergeInto(a.papers, [paper({ title: 'Undated', date: '2024-12-30' })], info('d2', '2025-01-05T10:00:00.000Z'));
    expect([b.papers[0]!.firstSeen, b.papers[0]!.lastSeen]).toEqual(['2024-12-30', '2025-01-02']);
  });
});
