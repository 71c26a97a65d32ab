// Saved searches and fetching in a real terminal: @1 runs the first saved search of the config
// file; F fetches the Hugging Face list from a real HTTP server on 127.0.0.1 (the recorded answer)
// in the background, and the list grows under the cursor.
import { afterEach, expect, test } from 'vitest';
import { DAY, HF_API, NOW, send, startServer, type TestServer } from '../cli/fetch-server.js';
import { startPapers, type Terminal } from './terminal.js';

let term: Terminal | undefined;
let server: TestServer | undefined;
afterEach(async () => {
  term?.close();
  term = undefined;
  await server?.close();
  server = undefined;
});

test('@1 runs the first saved search; F fetches in the background and the list grows under the cursor', async () => {
  server = await startServer((_req, res) => send(res, 200, HF_API, { 'content-type': 'application/json' }));
  const env = { PAPERS_FETCH_HF_URL: server.base, PAPERS_NOW: NOW, PAPERS_FETCH_CONNECT_TIMEOUT_MS: '2000', HTTP_PROXY: '', HTTPS_PROXY: '', http_proxy: '', https_proxy: '' };
  term = startPapers('papers-fetch', { columns: 120, rows: 30, env, config: "searches:\n  nets: 'networks'\n  zzz: 'nothing-matches-this'\n" });
  await term.waitForScreen((s) => s.includes('1/100 · 100 untriaged'), 'the first frame');
  await term.waitForScreen((s) => s.includes('fetched hf never · F fetches now'), 'when hf was last fetched');

  term.text('@');
  await term.waitForScreen((s) => s.includes('run saved search: 1 @nets  2 @zzz'), 'the picker');
  term.text('1');
  const found = await term.waitForScreen((s) => /@nets: \d+ papers/.test(s), 'the saved search run');
  expect(found).toContain('/ @nets   Esc clears   saved search: networks');
  term.keys('Escape');
  await term.waitForScreen((s) => s.includes('/ filter'), 'the filter cleared');
  term.keys('g');

  // Tagging the first paper makes the sample digest the library; then fetch the day's list.
  term.text('1');
  await term.waitForScreen((s) => s.includes('tagged 1 paper +to-read') && s.includes('2/100 · 99 untriaged'), 'the first tag');
  term.text('F');
  const done = await term.waitForScreen((s) => s.includes('fetched hf: 8 new papers'), 'the fetch to finish');
  expect(done).toContain('2/108 · 107 untriaged');
  expect(server.seen.map((s) => s.url)).toEqual([`/api/daily_papers?date=${DAY}`]);
  term.text('j');
  await term.waitForScreen((s) => s.includes('fetched hf just now · F fetches now'), 'the age read again');
  term.text('q');
  await term.waitForScreen((s) => s.includes('[papers exited 0]'), 'papers to exit');
  expect(JSON.parse(term.papers('list', '--json')).length).toBe(108);
}, 60_000);
