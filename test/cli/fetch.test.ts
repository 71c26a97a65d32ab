// `papers fetch` against a real HTTP server on 127.0.0.1 serving the recorded responses: imports,
// conditional requests, retries, Retry-After, timeouts, pacing, wrong bodies, size caps, and
// sources that cannot be reached.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../../src/cli/version.js';
import { DAY, HF_API, digestCount, fetchRun, idsOf, libraryIds, send, setup, useServers, type Handler } from './fetch-server.js';

const serve = useServers();

const hfOk: Handler = (_req, res) => send(res, 200, HF_API, { 'content-type': 'application/json; charset=utf-8', etag: '"day-1"', 'last-modified': 'Fri, 25 Oct 2024 10:00:00 GMT' });

describe('papers fetch hf', () => {
  it('imports exactly the papers of the answer, keeping it as a digest named by its URL', async () => {
    const server = await serve(hfOk);
    const { dir, env } = setup(server.base);
    const r = await fetchRun(['hf'], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const url = `${server.base}/api/daily_papers?date=${DAY}`;
    expect(r.stdout).toBe(`${url}: hf-api, 8 papers found (${DAY}), 8 new, 0 updated\nfetched hf: 8 new papers, 0 updated (1 request)\n`);
    expect(server.seen.map((s) => s.url)).toEqual([`/api/daily_papers?date=${DAY}`]);
    expect(server.seen[0]!.headers['user-agent']).toMatch(new RegExp(`^papers/${VERSION.replace(/\./g, '\\.')} `));
    expect(server.seen[0]!.headers['if-none-match']).toBeUndefined();
    expect(await libraryIds(env)).toEqual(idsOf(HF_API, 'hf'));
    const [meta] = readdirSync(join(dir, 'digests')).filter((f) => f.endsWith('.json'));
    const kept = JSON.parse(readFileSync(join(dir, 'digests', meta!), 'utf8')) as { file: string; importedAt: string; format: string };
    expect(kept).toMatchObject({ file: url, format: 'hf-api' });
    expect(readFileSync(join(dir, 'digests', meta!.replace('.json', '.txt')))).toEqual(HF_API);
  });

  it('asks again conditionally: a 304 imports nothing and changes nothing', async () => {
    const server = await serve((req, res) => (req.headers['if-none-match'] === '"day-1"' ? send(res, 304, '') : hfOk(req, res, 0)));
    const { dir, env } = setup(server.base);
    expect((await fetchRun(['hf', '--date', DAY], env)).code).toBe(0);
    const before = await libraryIds(env);
    const again = await fetchRun(['hf', '--date', DAY], env);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(`hf ${DAY}: unchanged since the last fetch; nothing imported\nfetched hf: 0 new papers, 0 updated (1 request, 1 unchanged)\n`);
    expect(server.seen[1]!.headers['if-none-match']).toBe('"day-1"');
    expect(server.seen[1]!.headers['if-modified-since']).toBe('Fri, 25 Oct 2024 10:00:00 GMT');
    expect(await libraryIds(env)).toEqual(before);
    expect(digestCount(dir)).toBe(1);
  });

  it('the same answer twice (a server without validators) is the same digest: nothing changes', async () => {
    const server = await serve((_req, res) => send(res, 200, HF_API, { 'content-type': 'application/json' }));
    const { dir, env } = setup(server.base);
    await fetchRun(['hf'], env);
    const again = await fetchRun(['hf'], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/: hf-api, 8 papers: already imported on .*; nothing changed\nfetched hf: 0 new papers, 0 updated \(1 request\)\n$/);
    expect(digestCount(dir)).toBe(1);
  });

  it('a damaged state file costs an unconditional request, nothing more', async () => {
    const server = await serve(hfOk);
    const { dir, env } = setup(server.base);
    mkdirSync(join(dir, 'state'), { recursive: true });
    for (const damaged of ['{"validators": {', JSON.stringify({ validators: { [`${server.base}/api/daily_papers?date=${DAY}`]: 5 }, sources: { hf: { lastFetched: 1, lastDay: '../..' } } })]) {
      writeFileSync(join(dir, 'state', 'fetch.json'), damaged);
      const r = await fetchRun(['hf'], env);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(server.seen.at(-1)!.headers['if-none-match']).toBeUndefined();
    }
    expect(server.seen.map((s) => s.url)).toEqual([`/api/daily_papers?date=${DAY}`, `/api/daily_papers?date=${DAY}`]);
  });

  it('retries a 503 and takes the 200 that follows', async () => {
    const server = await serve((req, res, n) => (n === 1 ? send(res, 503, 'busy', { 'content-type': 'text/plain' }) : hfOk(req, res, n)));
    const { env } = setup(server.base);
    const r = await fetchRun(['hf'], env);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`papers: hf ${DAY}: HTTP 503 Service Unavailable; asking again in 1 s\n`);
    expect(server.seen).toHaveLength(2);
    expect(await libraryIds(env)).toEqual(idsOf(HF_API, 'hf'));
  });

  it('waits as long as a 429’s Retry-After says (measured by the server)', async () => {
    const server = await serve((req, res, n) => (n === 1 ? send(res, 429, 'slow down', { 'retry-after': '1' }) : hfOk(req, res, n)));
    const { env } = setup(server.base);
    const r = await fetchRun(['hf'], env);
    expect(r.code).toBe(0);
    expect(server.seen).toHaveLength(2);
    expect(server.seen[1]!.at - server.seen[0]!.at).toBeGreaterThanOrEqual(1000);
  });

  it('gives up, with one line, when the server keeps failing or asks to wait too long', async () => {
    const server = await serve((_req, res) => send(res, 500, 'oops'));
    const { dir, env } = setup(server.base, server.base, { PAPERS_FETCH_RETRIES: '2' });
    const r = await fetchRun(['hf'], env);
    expect(r.code).toBe(1);
    expect(server.seen).toHaveLength(3);
    expect(r.stderr.split('\n').filter((l) => !l.includes('asking again'))).toEqual([`papers: hf ${DAY}: 127.0.0.1:${new URL(server.base).port} answered HTTP 500 Internal Server Error; gave up after 3 attempts; nothing changed`, '']);
    expect(digestCount(dir)).toBe(0);

    const patient = await serve((_req, res) => send(res, 503, 'later', { 'retry-after': '7200' }));
    const p = await fetchRun(['hf'], setup(patient.base).env);
    expect(p.code).toBe(1);
    expect(p.stderr).toMatch(/answered HTTP 503 Service Unavailable; the server asks to wait 7200 s before asking again; nothing changed\n$/);
    expect(patient.seen).toHaveLength(1);
  });

  it('times out on a server that never answers, with a clear line', async () => {
    const server = await serve(() => {});
    const { dir, env } = setup(server.base, server.base, { PAPERS_FETCH_TIMEOUT_MS: '400' });
    const r = await fetchRun(['hf'], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`papers: hf ${DAY}: no complete answer from 127.0.0.1:${new URL(server.base).port} within 0.4 s; nothing changed\n`);
    expect(r.stdout).toBe('fetched nothing; failed: hf (see above)\n');
    expect(digestCount(dir)).toBe(0);
  });

  it('says that an HTML page is not the JSON list, and imports nothing', async () => {
    const server = await serve((_req, res) => send(res, 200, '<!DOCTYPE html>\n<html><head><title>Sign in</title></head><body>Log in to continue</body></html>', { 'content-type': 'text/html; charset=utf-8' }));
    const { dir, env } = setup(server.base);
    const r = await fetchRun(['hf'], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`papers: hf ${DAY}: the server answered with an HTML page (text/html), not the JSON list of papers (${server.base}/api/daily_papers?date=${DAY}); nothing changed\n`);
    expect(digestCount(dir)).toBe(0);
  });

  it('refuses an answer over the size cap, declared or streamed', async () => {
    const declared = await serve(hfOk);
    const a = await fetchRun(['hf'], setup(declared.base, declared.base, { PAPERS_FETCH_MAX_BYTES: '10000' }).env);
    expect(a.code).toBe(1);
    expect(a.stderr).toBe(`papers: hf ${DAY}: the answer is ${HF_API.length} bytes, more than the 10000 papers accepts; nothing changed\n`);

    // No Content-Length: the body is counted as it arrives and the reading stops at the cap.
    const streamed = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write(HF_API);
      res.write(HF_API);
      res.end();
    });
    const { dir, env } = setup(streamed.base, streamed.base, { PAPERS_FETCH_MAX_BYTES: String(HF_API.length + 100) });
    const b = await fetchRun(['hf'], env);
    expect(b.code).toBe(1);
    expect(b.stderr).toBe(`papers: hf ${DAY}: the answer passed ${HF_API.length + 100} bytes, more than papers accepts; stopped reading; nothing changed\n`);
    expect(digestCount(dir)).toBe(0);

    // Compressed, the cap counts the bytes unpacked: a small answer cannot unpack past it.
    const bomb = await serve((_req, res) => send(res, 200, gzipSync(Buffer.alloc(5_000_000, 0x20)), { 'content-type': 'application/json', 'content-encoding': 'gzip' }));
    const c = await fetchRun(['hf'], setup(bomb.base, bomb.base, { PAPERS_FETCH_MAX_BYTES: '1000000' }).env);
    expect(c.code).toBe(1);
    expect(c.stderr).toBe(`papers: hf ${DAY}: the answer passed 1000000 bytes, more than papers accepts; stopped reading; nothing changed\n`);
  });

  it('asks for gzip and keeps the answer as sent before compression', async () => {
    const server = await serve((req, res) => send(res, 200, gzipSync(HF_API), { 'content-type': 'application/json', 'content-encoding': 'gzip' }));
    const { dir, env } = setup(server.base);
    expect((await fetchRun(['hf'], env)).code).toBe(0);
    expect(server.seen[0]!.headers['accept-encoding']).toBe('gzip');
    const [meta] = readdirSync(join(dir, 'digests')).filter((f) => f.endsWith('.json'));
    expect(readFileSync(join(dir, 'digests', meta!.replace('.json', '.txt')))).toEqual(HF_API);
  });

  it('follows redirects over http(s) only', async () => {
    const server = await serve((req, res) => (req.url!.startsWith('/moved') ? hfOk(req, res, 0) : send(res, 301, '', { location: `/moved${req.url}` })));
    const { env } = setup(server.base);
    expect((await fetchRun(['hf'], env)).code).toBe(0);
    expect(server.seen.map((s) => s.url)).toEqual([`/api/daily_papers?date=${DAY}`, `/moved/api/daily_papers?date=${DAY}`]);

    const away = await serve((_req, res) => send(res, 302, '', { location: 'file:///etc/passwd' }));
    const r = await fetchRun(['hf'], setup(away.base).env);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`papers: hf ${DAY}: redirected to file: URL file:///etc/passwd; only http and https are followed; nothing changed\n`);
  });

  it('fetches every weekday from the last day fetched to today, and says the weekend has no list', async () => {
    const server = await serve((req, res) => {
      if (!req.url!.endsWith(DAY)) send(res, 200, '[]', { 'content-type': 'application/json' });
      else if (req.headers['if-none-match'] === '"day-1"') send(res, 304, '');
      else hfOk(req, res, 0);
    });
    const { env } = setup(server.base);
    expect((await fetchRun(['hf'], env)).code).toBe(0);
    const r = await fetchRun(['hf'], { ...env, PAPERS_NOW: '2024-10-28T09:00:00Z' });
    expect(r.code).toBe(0);
    expect(server.seen.map((s) => s.url.slice(-10))).toEqual([DAY, DAY, '2024-10-28']);
    expect(r.stdout.split('\n')).toEqual([
      'hf: 2024-10-26 (Saturday), 2024-10-27 (Sunday): Hugging Face has no list on weekends; not fetched',
      `hf ${DAY}: unchanged since the last fetch; nothing imported`,
      'hf 2024-10-28: no papers listed for this day (yet); nothing imported',
      'fetched hf: 0 new papers, 0 updated (2 requests, 1 unchanged)',
      '',
    ]);
    const future = await fetchRun(['hf', '--date', '2024-10-26'], env);
    expect(future.code).toBe(2);
    expect(future.stderr).toBe('papers: hf: 2024-10-26 is in the future (today is 2024-10-25); there is no list yet\n');
    const saturday = await fetchRun(['hf', '--date', '2024-10-26'], { ...env, PAPERS_NOW: '2024-10-28T09:00:00Z' });
    expect(saturday.stdout).toBe('hf: 2024-10-26 (Saturday): Hugging Face has no list on weekends; not fetched\nfetched nothing\n');
    expect(saturday.code).toBe(0);
    expect(server.seen).toHaveLength(3);
  });
});
