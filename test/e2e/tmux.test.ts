// The UI in a real terminal: tmux runs the built `papers` on the bundled seed with a temporary
// library; the test types like a user, reads the screen with capture-pane, and checks the library.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startPapers, type Terminal } from './terminal.js';

let term: Terminal;

beforeAll(() => {
  term = startPapers('papers-e2e');
});

afterAll(() => term?.close());

test('filter to the protein paper, tag it to-read, quit: the library keeps the tag', async () => {
  const first = await term.waitForScreen((s) => /1\/100 · 100 untriaged/.test(s), 'the first frame');
  expect(first).toContain('MixtureGrowth');

  term.text('/protein');
  const filtered = await term.waitForScreen((s) => s.includes('/ protein') && !s.includes('MixtureGrowth'), 'the filtered list');
  expect(filtered).toContain('De novo protein design using geometric vector field networks');
  expect(filtered).toMatch(/›.*De novo protein design/);

  term.keys('Enter');
  term.keys('t');
  await term.waitForScreen((s) => s.includes('add tag to 1 paper'), 'the tag prompt');
  term.text('to-read');
  term.keys('Enter');
  const tagged = await term.waitForScreen((s) => s.includes('tagged 1 paper'), 'the tag being written');
  expect(tagged).toMatch(/De novo protein design.*\+to-read/);
  expect(tagged).toContain('/ protein');

  term.keys('q');
  const after = await term.waitForScreen((s) => s.includes('[papers exited'), 'papers to exit');
  expect(after).toContain('[papers exited 0]');
  // The alternate screen is gone: the terminal shows what it showed before, not the UI.
  expect(after).not.toContain('untriaged');

  const papers = JSON.parse(term.papers('list', '--tag', 'to-read', '--json')) as Array<{ title: string; tags: string[] }>;
  expect(papers.map((p) => p.title)).toEqual(['De novo protein design using geometric vector field networks']);
  expect(papers[0]!.tags).toContain('to-read');
});
