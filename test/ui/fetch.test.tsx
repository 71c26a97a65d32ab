// Fetching from the UI (F) with the real fetch client against a real HTTP server on 127.0.0.1
// serving recorded answers, into a real library on disk: the status line says when each source
// was last fetched; a fetch shows its progress while every other key keeps working; the new
// papers join the list with the cursor on the same paper; a failure is one line.
import type http from 'node:http';
import { describe, expect, test } from 'vitest';
import { uiFetcher } from '../../src/cli/ui-fetcher.js';
import type { Config } from '../../src/core/config.js';
import { updateFetchState } from '../../src/io/fetch/state.js';
import { openLibrary, type LibraryStore } from '../../src/io/library-store.js';
import type { UiFetcher } from '../../src/ui/fetch-status.js';
import { ARXIV_RSS, DAY, HF_API, NOW, closedPort, idsOf, send, setup, useServers, type Handler } from '../cli/fetch-server.js';
import { parsed, SEED_TEXT } from '../io/library-helpers.js';
import { renderApp } from './helpers.js';

const serve = useServers();

/** A library of the seed's papers, and the UI's fetcher into it in the fetch tests' environment (fixed clock, short limits, no proxy, no rules). */
function library(): { store: LibraryStore; fetcher: (s: Config['sources']) => UiFetcher } {
  const { dir, env } = setup('http://unused');
  const store = openLibrary(dir, { now: () => new Date(NOW) });
  store.importDigest(parsed(SEED_TEXT, 'seed.txt'));
  return { store, fetcher: (s) => uiFetcher({ store, sources: s, env, rules: () => [] }) };
}

const sources = (hf: string | null, arxiv: string | null): Config['sources'] => ({
  hf: { enabled: hf !== null, url: hf ?? 'http://unused' },
  arxiv: { categories: arxiv !== null ? ['cs.CL'] : [], url: arxiv ?? 'http://unused' },
});


const lines = (frame: string) => frame.split('\n');
const statusLine = (frame: string) => lines(frame).at(-2)!;
const counts = (frame: string) => /(\d+)\/(\d+)/.exec(lines(frame)[0]!)!.slice(1).map(Number);
/** The start of the title under the cursor (the rest of the row shows its tags). */
const cursorRow = (frame: string) => lines(frame).find((l) => l.startsWith('›'))!.slice(0, 35);

/** Answers hf with the recorded day and arxiv with the recorded feed; hf waits for release() when held. */
function recorded(hold: boolean) {
  const waiting: http.ServerResponse[] = [];
  let released = !hold;
  const hfAnswer = (res: http.ServerResponse) => send(res, 200, HF_API, { 'content-type': 'application/json' });
  const handler: Handler = (req, res) => {
    if (req.url?.startsWith('/api/daily_papers')) {
      if (released) hfAnswer(res);
      else waiting.push(res);
    } else send(res, 200, ARXIV_RSS, { 'content-type': 'application/rss+xml' });
  };
  return {
    handler,
    waiting,
    release() {
      released = true;
      for (const res of waiting.splice(0)) hfAnswer(res);
    },
  };
}

describe('F fetches from the UI', () => {
  test('the status line says when each source was last fetched', async () => {
    const { store, fetcher } = library();
    updateFetchState(store.dir, (s) => {
      s.sources.hf = { lastFetched: new Date(Date.parse(NOW) - 2 * 3600_000 - 60_000).toISOString() };
    });
    const r = await renderApp({ handle: store, fetcher: fetcher(sources('http://127.0.0.1:9', 'http://127.0.0.1:9')) });
    const frame = await r.waitFor((f) => statusLine(f).includes('fetched'), 'the ages');
    expect(statusLine(frame).trim()).toBe('fetched hf 2h ago · arxiv cs.CL never · F fetches now');
    r.unmount();
  });

  test('a fetch shows its progress, keys keep working meanwhile, and the new papers join the list under the same cursor', async () => {
    const { store, fetcher } = library();
    const before = store.snapshot().papers.length;
    const answers = recorded(true);
    const server = await serve(answers.handler);
    const r = await renderApp({ handle: store, fetcher: fetcher(sources(server.base, server.base)), columns: 120, rows: 30 });
    await r.write('j', 'j');
    const on = cursorRow(r.frame());
    await r.write('F');
    await r.waitFor(() => answers.waiting.length === 1, 'the hf request to arrive');
    expect(statusLine(r.frame()).trim()).toBe(`fetching hf ${DAY} (1/2) (keys keep working)`);
    // Meanwhile: moving and tagging go on, the progress line stays.
    await r.write('j');
    expect(counts(r.frame())[0]).toBe(4);
    await r.write('k', '1');
    expect(Object.keys(store.snapshot().decisions.get(store.snapshot().papers[2]!.id)?.tags ?? {})).toEqual(['to-read']);
    await r.write('k');
    expect(cursorRow(r.frame())).toBe(on);
    expect(counts(r.frame())).toEqual([3, before]);
    expect(statusLine(r.frame())).toContain('fetching');
    answers.release();
    const done = await r.waitFor((f) => statusLine(f).includes('new papers'), 'the fetch to finish');
    const added = store.snapshot().papers.length - before;
    expect(added).toBeGreaterThanOrEqual(idsOf(HF_API, 'hf').length);
    expect(statusLine(done).trim()).toBe(`fetched hf, arxiv: ${added} new papers, 0 updated (2 requests)`);
    expect(counts(done)).toEqual([3, before + added]);
    expect(cursorRow(done)).toBe(on);
    expect(server.seen.map((s) => s.url.split('?')[0])).toEqual(['/api/daily_papers', '/rss/cs.CL']);
    // The ages are read again: both just answered.
    // (the refreshed list may still be loading its rest: the key waits for it, then runs)
    await r.write('j');
    await r.waitFor((f) => statusLine(f).trim() === 'fetched hf just now · arxiv cs.CL just now · F fetches now', 'the ages line after a key');
    expect(cursorRow(r.frame())).not.toBe(on); // the key moved the cursor
    r.unmount();
  });

  test('a source that cannot be reached is one line; the other source is still fetched', async () => {
    const { store, fetcher } = library();
    const before = store.snapshot().papers.length;
    const server = await serve(recorded(false).handler);
    const port = await closedPort();
    const r = await renderApp({ handle: store, fetcher: fetcher(sources(`http://127.0.0.1:${port}`, server.base)), columns: 200 });
    await r.write('F');
    const frame = await r.waitFor((f) => statusLine(f).includes('fetch failed'), 'the failure');
    const added = store.snapshot().papers.length - before;
    expect(added).toBeGreaterThan(0);
    expect(statusLine(frame).trim()).toBe(`fetch failed: hf: 127.0.0.1:${port} refused the connection (nothing listens there) · fetched arxiv: ${added} new papers, 0 updated (2 requests)`);
    expect(counts(frame)[1]).toBe(before + added);
    r.unmount();
  });

  test('offline altogether: one line, nothing imported, and F can be pressed again', async () => {
    const { store, fetcher } = library();
    const before = store.snapshot().papers.length;
    const port = await closedPort();
    const r = await renderApp({ handle: store, fetcher: fetcher(sources(`http://127.0.0.1:${port}`, null)), columns: 200 });
    await r.write('F');
    const frame = await r.waitFor((f) => statusLine(f).includes('fetch failed'), 'the failure');
    expect(statusLine(frame).trim()).toBe(`fetch failed: hf: 127.0.0.1:${port} refused the connection (nothing listens there) · fetched nothing`);
    expect(store.snapshot().papers.length).toBe(before);
    await r.write('F');
    await r.waitFor((f) => statusLine(f).includes('fetch failed'), 'the second failure');
    r.unmount();
  });

  test('with no sources configured, F says how to configure one; without a library, that it cannot fetch', async () => {
    const { store, fetcher } = library();
    const r = await renderApp({ handle: store, fetcher: fetcher(sources(null, null)) });
    await r.write('F');
    expect(statusLine(r.frame()).trim()).toBe('no sources to fetch; set one: papers config sources.arxiv.categories cs.CL');
    r.unmount();
    const bare = await renderApp({ handle: store });
    await bare.write('F');
    expect(statusLine(bare.frame()).trim()).toBe('fetching goes into the library; this view shows no library');
    bare.unmount();
  });
});
