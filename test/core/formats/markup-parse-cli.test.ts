// `papers parse` through the built program on a markdown capture with junk around its two papers:
// the papers on stdout, and one line on stderr for each block it skipped, saying what and why.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from '../../cli/run-in-process.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/markup/', import.meta.url));

function parse(args: string[]) {
  const home = mkdtempSync(join(tmpdir(), 'papers-markup-'));
  const env = { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', PAPERS_HOME: home, XDG_DATA_HOME: home, XDG_CONFIG_HOME: home, HOME: home };
  return run(['parse', ...args], env, undefined, FIXTURES);
}

describe('papers parse on a markdown capture with junk', () => {
  it('finds the two papers and reports each skipped block on its own line', async () => {
    const r = await parse(['junk-capture.md']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('junk-capture.md: markdown, 2 papers found (no dates)\n');
    expect(r.stderr.split('\n').filter((l) => l !== '')).toEqual([
      'junk-capture.md:7: info: heading "📈 Statistics" skipped: no paper link or id in it',
      'junk-capture.md:11: info: table row "2 | 187" skipped: no paper link or id in it',
      'junk-capture.md:24: info: section label "概要" skipped: not a paper\'s title',
      'junk-capture.md:26: info: list item "创新性：5/5" skipped: no paper link or id in it',
      'junk-capture.md:28: info: code block skipped: code is never a paper',
      'junk-capture.md:32: info: paragraph "📅 Archives" skipped: its links name no paper',
    ]);
  });

  it('gives the papers with their ids and clean titles in --json, and nothing skipped with --quiet', async () => {
    const json = await parse(['junk-capture.md', '--json']);
    const [file] = JSON.parse(json.stdout) as Array<{ papers: Array<{ arxivId: string; title: string }> }>;
    expect(file!.papers.map((p) => [p.arxivId, p.title])).toEqual([
      ['2601.00101', 'Sparse Mixtures for Long Context'],
      ['2601.00102', 'Planning With World Models'],
    ]);
    expect((await parse(['junk-capture.md', '--quiet'])).stderr).toBe('');
  });
});
