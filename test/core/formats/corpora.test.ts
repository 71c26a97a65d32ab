// Every real digest in test/fixtures/corpora/expected.json gives exactly its listed papers, in order:
// each title (compared as the list's README says: lowercased, runs of non-letters and non-digits
// folded to one space) and arXiv id, with no extra and no duplicate row. The expected lists were
// written by reading the sources; this test reads them and restates nothing.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createMerger } from '../../../src/core/merge.js';
import { parseDigest } from '../../../src/core/parse/index.js';
import { CORPORA } from './fixtures.js';
import * as YAML from 'yaml';

interface Expected {
  kind: string;
  papers: Array<[string | null, string]>;
}
const expected = JSON.parse(readFileSync(CORPORA + 'expected.json', 'utf8')) as Record<string, Expected>;

const norm = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
const bareId = (id: string | null) => (id ? id.replace(/^arxiv:/i, '').replace(/v\d+$/, '') : null);

/** The papers as the library keeps them from one digest: parsed, then merged (one row per paper). */
function libraryRows(file: string): Array<[string | null, string]> {
  const text = readFileSync(CORPORA + file, 'utf8');
  const result = parseDigest(text, { file, year: 2025, yearSource: 'flag', yaml: () => YAML });
  const merger = createMerger([]);
  merger.add(result.papers, { digest: 'd', file, importedAt: '2025-01-01T00:00:00.000Z' });
  return merger.papers.map((p) => [p.arxivId, norm(p.title)]);
}

describe('real digests give exactly their papers', () => {
  for (const [file, spec] of Object.entries(expected)) {
    it(`${file} (${spec.kind})`, () => {
      const want = spec.papers.map(([id, title]) => [bareId(id), norm(title)]);
      expect(libraryRows(file)).toEqual(want);
    });
  }
});
