// A real HTTP server on 127.0.0.1 for the fetch tests: it serves what each test's handler says,
// records every request (with the time it arrived, to measure pacing) and drops hanging
// connections when closed.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

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
