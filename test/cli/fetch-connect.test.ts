// The fetch client's connect timeout, against sockets on 127.0.0.1 that misbehave below HTTP:
// a listener whose accept queue is full (the kernel drops the SYN, so the connect never
// completes), and a server that accepts the connection and then says nothing. Each fails with
// one line naming the source and the limit that ran out, and imports nothing.
import net, { type AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { DAY, digestCount, fetchRun, setup } from './fetch-server.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/**
 * A listening socket that never accepts: it listens in a worker thread whose event loop is then
 * blocked, so nothing takes connections off the queue; `backlog` + 1 connections fill it (Linux
 * queues one more than the backlog), and every connect after them waits for a SYN-ACK that never
 * comes.
 */
async function fullBacklog(): Promise<number> {
  const hold = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(
    `const { workerData, parentPort } = require('node:worker_threads');
     const server = require('node:net').createServer();
     server.listen({ port: 0, host: '127.0.0.1', backlog: 1 }, () => {
       parentPort.postMessage(server.address().port);
       Atomics.wait(workerData, 0, 0);
     });`,
    { eval: true, workerData: hold },
  );
  const port = await new Promise<number>((resolve) => worker.once('message', resolve));
  const fillers: net.Socket[] = [];
  cleanups.push(async () => {
    for (const f of fillers) f.destroy();
    Atomics.store(hold, 0, 1);
    Atomics.notify(hold, 0);
    await worker.terminate();
  });
  for (let i = 0; i < 2; i++) {
    const socket = net.connect(port, '127.0.0.1');
    fillers.push(socket);
    await new Promise<void>((resolve, reject) => socket.once('connect', () => resolve()).once('error', reject));
  }
  return port;
}

/** Accepts every connection and never reads from it or writes to it. */
async function silentServer(): Promise<number> {
  const sockets: net.Socket[] = [];
  const server = net.createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => (sockets.forEach((s) => s.destroy()), server.close(() => resolve()))));
  return (server.address() as AddressInfo).port;
}

describe('papers fetch: the connect timeout', () => {
  it('a connect that never completes fails after the connect timeout, naming the source; nothing imported', async () => {
    const port = await fullBacklog();
    const base = `http://127.0.0.1:${port}`;
    // The total timeout is far away: the line must come from the connect timeout.
    const { dir, env } = setup(base, base, { PAPERS_FETCH_CONNECT_TIMEOUT_MS: '300', PAPERS_FETCH_TIMEOUT_MS: '60000' });
    const r = await fetchRun(['hf'], env);
    expect(r.stderr).toBe(`papers: hf: no connection to 127.0.0.1:${port} within 0.3 s; nothing changed; check the network, or sources.hf.url\n`);
    expect(r.stdout).toBe('fetched nothing; failed: hf (see above)\n');
    expect(r.code).toBe(1);
    expect(digestCount(dir)).toBe(0);
  });

  it('a server that accepts and says nothing is connected (the connect timeout stops) and fails after the total timeout', async () => {
    const port = await silentServer();
    const base = `http://127.0.0.1:${port}`;
    // A connect timeout still running would end this at 0.3 s with "no connection".
    const { dir, env } = setup(base, base, { PAPERS_FETCH_CONNECT_TIMEOUT_MS: '300', PAPERS_FETCH_TIMEOUT_MS: '1500' });
    const hf = await fetchRun(['hf'], env);
    expect(hf.stderr).toBe(`papers: hf ${DAY}: no complete answer from 127.0.0.1:${port} within 1.5 s; nothing changed\n`);
    expect(hf.code).toBe(1);
    const arxiv = await fetchRun(['arxiv', 'cs.CL'], env);
    expect(arxiv.stderr).toBe(`papers: arxiv cs.CL: no complete answer from 127.0.0.1:${port} within 1.5 s; nothing changed\n`);
    expect(arxiv.stdout).toBe('fetched nothing; failed: arxiv (see above)\n');
    expect(digestCount(dir)).toBe(0);
  });
});
