// For the fetch tests: a real HTTP server on 127.0.0.1 that serves what each test's handler says,
// records every request (with the time it arrived, to measure pacing) and drops hanging
// connections when closed; and a library whose sources point at it, with short limits.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterEach, expect } from 'vitest';
import { parseDigest } from '../../src/core/parse/index.js';
import { tempDir } from '../io/library-helpers.js';
import { libraryEnv, run } from './run-in-process.js';

export const CORPORA = join(import.meta.dirname, '..', 'fixtures', 'corpora');
/** The recorded Hugging Face API answer for 2024-10-25 and a recorded arXiv RSS feed. */
export const HF_API = readFileSync(join(CORPORA, 'hf-api-1.json'));
export const ARXIV_RSS = readFileSync(join(CORPORA, 'arxiv-rss-1.xml'));

export interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  /** performance.now() when the request arrived. */
  at: number;
}

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse, n: number) => void;

export interface TestServer {
  /** http://127.0.0.1:PORT */
  base: string;
  seen: Seen[];
  /** The node server itself (a test may answer CONNECT on it). */
  server: http.Server;
  close(): Promise<void>;
}

export async function startServer(handler: Handler): Promise<TestServer> {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, at: performance.now() });
    handler(req, res, seen.length);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    seen,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 nothing listens on (a server bound it, then let go). */
export async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export function send(res: http.ServerResponse, status: number, body: Buffer | string, headers: http.OutgoingHttpHeaders = {}): void {
  res.writeHead(status, { 'content-length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

export const DAY = '2024-10-25'; // the day of the recorded Hugging Face answer, a Friday
export const NOW = `${DAY}T12:00:00Z`;

/** A `serve(handler)` for a test file; every server it starts is closed after each test. */
export function useServers(): (handler: Handler) => Promise<TestServer> {
  const servers: TestServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  return async (handler) => {
    const server = await startServer(handler);
    servers.push(server);
    return server;
  };
}

/** A fresh library whose sources point at `base` (or the two given bases), short limits for tests. */
export function setup(hf: string, arxiv = hf, extra: Record<string, string> = {}) {
  const dir = tempDir();
  const env = libraryEnv(dir, {
    PAPERS_NOW: NOW,
    PAPERS_FETCH_HF_URL: hf,
    PAPERS_FETCH_ARXIV_URL: arxiv,
    PAPERS_FETCH_BACKOFF_MS: '50',
    PAPERS_FETCH_TIMEOUT_MS: '5000',
    PAPERS_FETCH_CONNECT_TIMEOUT_MS: '2000',
    PAPERS_FETCH_ARXIV_GAP_MS: '0',
    HTTP_PROXY: '',
    HTTPS_PROXY: '',
    http_proxy: '',
    https_proxy: '',
    NO_PROXY: '',
    no_proxy: '',
    ...extra,
  });
  return { dir, env };
}

export const fetchRun = (args: string[], env: NodeJS.ProcessEnv) => run(['fetch', ...args], env);

export async function libraryIds(env: NodeJS.ProcessEnv): Promise<string[]> {
  const r = await run(['list', '--json'], env);
  expect(r.stderr).toBe('');
  return (JSON.parse(r.stdout) as Array<{ id: string }>).map((p) => p.id).sort();
}

export const digestCount = (dir: string) => (existsSync(join(dir, 'digests')) ? readdirSync(join(dir, 'digests')).filter((f) => f.endsWith('.json')).length : 0);
export const idsOf = (bytes: Buffer, file: string) => parseDigest(bytes.toString('utf8'), { file }).papers.map((p) => p.id).sort();
