// Triage in a real terminal, on the bundled seed's 100 papers: decision keys apply to the paper
// under the cursor (or the marked ones) and move on, so that a run of keys decides the papers one
// after another, each exactly once, whether the list keeps them or the filter lets them go.
import { afterEach, expect, test } from 'vitest';
import { startPapers, type Terminal } from './terminal.js';

let term: Terminal | undefined;
afterEach(() => {
  term?.close();
  term = undefined;
});

const TAG_OF_KEY: Record<string, string> = { '1': 'to-read', x: 'skip' };

/** 100 decision keys, `1` and `x` mixed irregularly, so that a paper skipped or decided twice shows as a wrong tag further on. */
const DECISION_KEYS = Array.from({ length: 100 }, (_, i) => ((i * 37) % 11 < 4 ? '1' : 'x'));

/** The seed's paper ids in library order (the order the UI lists them without a sort). */
const seedIds = (t: Terminal) => (JSON.parse(t.papers('list', '--json')) as Array<{ id: string }>).map((p) => p.id);

/** Each paper's tags in decisions.yaml, and the tagging times in library order. */
function decided(t: Terminal, ids: readonly string[]) {
  const decisions = t.decisions();
  return {
    tags: ids.map((id) => Object.keys(decisions.get(id)?.tags ?? {}).join(' ')),
    times: ids.map((id) => Object.values(decisions.get(id)?.tags ?? {})[0] ?? ''),
    count: decisions.size,
  };
}

async function opened(t: Terminal): Promise<void> {
  await t.waitForScreen((s) => s.includes('1/100 · 100 untriaged'), 'the first frame');
}

async function quit(t: Terminal): Promise<void> {
  t.keys('q');
  await t.waitForScreen((s) => s.includes('[papers exited 0]'), 'papers to exit');
}

for (const filter of [null, '+untriaged']) {
  test(`100 decision keys${filter ? ` under the filter ${filter}` : ' with no filter'} decide the 100 papers in order, each exactly once`, async () => {
    term = startPapers('papers-triage', { columns: 100, rows: 30 });
    await opened(term);
    if (filter) {
      term.text(`/${filter}`);
      term.keys('Enter');
      await term.waitForScreen((s) => s.includes(`/ ${filter}   Esc clears`), 'the filter kept');
    }
    // All at once, as fast as tmux types: the keys run ahead of the library's writes.
    term.text(DECISION_KEYS.join(''));
    const done = await term.waitForScreen((s) => s.includes('the digest is done'), 'the last decision', 60_000);
    expect(done).toContain(filter ? '0/0 of 100 · all triaged' : '100/100 · all triaged');
    await quit(term);
    const ids = seedIds(term);
    expect(ids).toHaveLength(100);
    const result = decided(term, ids);
    expect(result.count).toBe(100);
    expect(result.tags).toEqual(DECISION_KEYS.map((k) => TAG_OF_KEY[k]));
    expect([...result.times].sort()).toEqual(result.times); // tagged in library order
  }, 120_000);
}

test('three marked papers take the first tag; the next key tags only the paper under the cursor', async () => {
  term = startPapers('papers-marks', { columns: 100, rows: 30 });
  await opened(term);
  term.text('   ');
  await term.waitForScreen((s) => s.includes('4/100 · 100 untriaged · 3 marked'), 'three marks');
  term.text('1');
  await term.waitForScreen((s) => s.includes('tagged 3 papers +to-read') && s.includes('4/100 · 97 untriaged'), 'the marked papers tagged');
  expect(term.screen()).not.toContain('marked');
  term.text('2');
  await term.waitForScreen((s) => s.includes('tagged 1 paper +skip') && s.includes('5/100 · 96 untriaged'), 'the current paper tagged');
  await quit(term);
  const ids = seedIds(term);
  const result = decided(term, ids);
  expect(result.count).toBe(4);
  expect(result.tags.slice(0, 5)).toEqual(['to-read', 'to-read', 'to-read', 'skip', '']);
}, 60_000);

test('a scripted triage of the seed, 33 to-read, 66 skip and one custom tag, takes at most 110 keys', async () => {
  term = startPapers('papers-script', { columns: 100, rows: 30 });
  await opened(term);
  // Every entry is one key press.
  const script: string[] = [];
  for (let i = 0; i < 99; i++) script.push(i % 3 === 0 ? '1' : 'x');
  script.push('t', ...'idea', 'Enter');
  expect(script.length).toBeLessThanOrEqual(110);
  for (const key of script) {
    if (key === 'Enter') term.keys('Enter');
    else term.text(key);
  }
  await term.waitForScreen((s) => s.includes('the digest is done'), 'the last decision', 60_000);
  await quit(term);
  const result = decided(term, seedIds(term));
  const count = (tag: string) => result.tags.filter((t) => t === tag).length;
  expect([count('to-read'), count('skip'), count('idea'), result.count]).toEqual([33, 66, 1, 100]);
  expect(result.tags[99]).toBe('idea');
}, 120_000);
