// `papers fetch` with arXiv feeds (pacing measured by the server), every configured source at
// once, sources that cannot be reached (the others are still fetched), and proxies.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARXIV_RSS, HF_API, DAY, closedPort, digestCount, fetchRun, idsOf, libraryIds, send, setup, useServers, type Handler } from './fetch-server.js';

const serve = useServers();
const rss: Handler = (_req, res) => send(res, 200, ARXIV_RSS, { 'content-type': 'application/rss+xml; charset=utf-8' });
const hf: Handler = (_req, res) => send(res, 200, HF_API, { 'content-type': 'application/json' });

/** The environment of `setup`, with the sources set in a config file instead of the environment. */
function withConfig(env: NodeJS.ProcessEnv, yaml: string): NodeJS.ProcessEnv {
  const dir = join(env.XDG_CONFIG_HOME!, 'papers');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'config.yaml'), yaml);
  const { PAPERS_FETCH_HF_URL: _hf, PAPERS_FETCH_ARXIV_URL: _arxiv, ...rest } = env;
  return rest;
}

describe('papers fetch arxiv', () => {
  it('reads each feed named, one request each, at least the configured gap apart', async () => {
    const server = await serve(rss);
    const { env } = setup(server.base, server.base, { PAPERS_FETCH_ARXIV_GAP_MS: '300' });
    const r = await fetchRun(['arxiv', 'cs.CL', 'cs.LG'], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(server.seen.map((s) => s.url)).toEqual(['/rss/cs.CL', '/rss/cs.LG']);
    expect(server.seen[1]!.at - server.seen[0]!.at).toBeGreaterThanOrEqual(300);
    expect(r.stdout.split('\n')[0]).toBe(`${server.base}/rss/cs.CL: arxiv-feed, 11 papers found (2025-06-18; arXiv: 11 new, 0 cross-lists, 0 replacements), 11 new, 0 updated`);
    expect(await libraryIds(env)).toEqual(idsOf(ARXIV_RSS, 'rss'));
  });

  it('asks for a+b as one feed, and refuses what is not a category', async () => {
    const server = await serve(rss);
    const { env } = setup(server.base);
    expect((await fetchRun(['arxiv', 'cs.CL+cs.LG'], env)).code).toBe(0);
    expect(server.seen.map((s) => s.url)).toEqual(['/rss/cs.CL+cs.LG']);
    const bad = await fetchRun(['arxiv', 'cs.CL', '../../etc'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('papers: arxiv: "../../etc" is not an arXiv category; expected a name such as cs.CL, math.OA or astro-ph\n');
    expect(server.seen).toHaveLength(1);
  });

  it('says that an HTML page is not a feed', async () => {
    const server = await serve((_req, res) => send(res, 200, '<html><body><h1>502 Bad Gateway</h1></body></html>', { 'content-type': 'text/html' }));
    const { dir, env } = setup(server.base);
    const r = await fetchRun(['arxiv', 'cs.CL'], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`papers: arxiv cs.CL: the server answered with an HTML page (text/html), not an RSS or Atom feed (${server.base}/rss/cs.CL); nothing changed\n`);
    expect(digestCount(dir)).toBe(0);
  });
});

describe('papers fetch, every source', () => {
  it('fetches every source of the config file; -q prints one line, -q -q nothing', async () => {
    const server = await serve((req, res, n) => (req.url!.startsWith('/rss/') ? rss(req, res, n) : hf(req, res, n)));
    const base = setup(server.base);
    const env = withConfig(base.env, `sources:\n  hf:\n    url: ${server.base}\n  arxiv:\n    url: ${server.base}/\n    categories: [cs.CL]\n`);
    const r = await fetchRun(['-q'], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('fetched hf, arxiv: 19 new papers, 0 updated (2 requests)\n');
    expect(server.seen.map((s) => s.url)).toEqual([`/api/daily_papers?date=${DAY}`, '/rss/cs.CL']);
    const quieter = await fetchRun(['-q', '-q'], env);
    expect([quieter.code, quieter.stdout, quieter.stderr]).toEqual([0, '', '']);
  });

  it('a source nobody answers for (closed port, unknown host) is one line and exit 1; the others are still fetched', async () => {
    const server = await serve(rss);
    const port = await closedPort();
    for (const [url, line] of [
      [`http://127.0.0.1:${port}`, `papers: hf: 127.0.0.1:${port} refused the connection (nothing listens there); nothing changed; check the network, or sources.hf.url\n`],
      ['http://nonexistent.invalid', 'papers: hf: cannot resolve nonexistent.invalid (no such host, or offline); nothing changed; check the network, or sources.hf.url\n'],
    ] as const) {
      const base = setup(url);
      const env = withConfig(base.env, `sources:\n  hf:\n    url: ${url}\n  arxiv:\n    url: ${server.base}\n    categories: [cs.CL]\n`);
      const r = await fetchRun(['--since', '2024-10-23'], env);
      expect(r.stderr).toBe(line);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/^.*\/rss\/cs\.CL: arxiv-feed, 11 papers found .*, 11 new, 0 updated\nfetched arxiv: 11 new papers, 0 updated \(2 requests\); failed: hf \(see above\)\n$/);
      expect(digestCount(base.dir)).toBe(1);
    }
  });

  it('says when no source is configured', async () => {
    const { env } = setup('http://127.0.0.1:9');
    const r = await fetchRun([], withConfig(env, 'sources:\n  hf:\n    enabled: false\n'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^papers: no sources to fetch: sources\.hf\.enabled is false and sources\.arxiv\.categories is empty; /);
  });

  it('refuses flags that do not go together', async () => {
    const { env } = setup('http://127.0.0.1:9');
    const both = await fetchRun(['hf', '--date', DAY, '--since', DAY], env);
    expect([both.code, both.stderr]).toEqual([2, 'papers: --date and --since: give one of them\n']);
    const cats = await fetchRun(['hf', 'cs.CL'], env);
    expect([cats.code, cats.stderr]).toEqual([2, 'papers: cs.CL: categories are for arxiv (papers fetch arxiv cs.CL)\n']);
  });

  it('refuses a base URL that is not http or https', async () => {
    const { env } = setup('file:///etc/passwd');
    const r = await fetchRun(['hf'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('papers: PAPERS_FETCH_HF_URL=file:///etc/passwd: "file:///etc/passwd": only http:// and https:// URLs can be fetched (environment variable)\n');
  });
});

describe('papers fetch through a proxy', () => {
  it('sends http requests to HTTP_PROXY with the absolute URL, and bypasses it for NO_PROXY hosts', async () => {
    const proxy = await serve(hf);
    const { env } = setup('http://huggingface.test', 'http://huggingface.test', { HTTP_PROXY: proxy.base });
    const r = await fetchRun(['hf'], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(proxy.seen.map((s) => [s.url, s.headers.host])).toEqual([[`http://huggingface.test/api/daily_papers?date=${DAY}`, 'huggingface.test']]);

    const direct = await serve(hf);
    const bypass = setup(direct.base, direct.base, { HTTP_PROXY: `http://127.0.0.1:${await closedPort()}`, NO_PROXY: 'localhost,127.0.0.1' });
    expect((await fetchRun(['hf'], bypass.env)).code).toBe(0);
    expect(direct.seen).toHaveLength(1);
  });

  it('tunnels https through CONNECT, and says when the proxy refuses the tunnel', async () => {
    const proxy = await serve(hf);
    const tunnels: string[] = [];
    proxy.server.on('connect', (req, socket) => {
      tunnels.push(req.url ?? '');
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    });
    const { dir, env } = setup('https://huggingface.test', 'https://huggingface.test', { HTTPS_PROXY: proxy.base });
    const r = await fetchRun(['hf'], env);
    expect(r.code).toBe(1);
    expect(tunnels).toEqual(['huggingface.test:443']);
    expect(r.stderr).toBe(`papers: hf: the proxy 127.0.0.1:${new URL(proxy.base).port} refused the tunnel to huggingface.test (HTTP 403); nothing changed; check the network, or sources.hf.url\n`);
    expect(digestCount(dir)).toBe(0);
  });
});
