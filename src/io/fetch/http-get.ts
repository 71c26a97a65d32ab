// One HTTP GET with node's http and https modules, bounded in every way a stranger's server can
// misbehave: a connect timeout, a total timeout (headers and body), a size cap counted on the
// bytes as they arrive (after gunzip, so a small compressed body cannot grow past it).
// Proxies (http:// only): plain requests go to the proxy with the absolute URL; https goes
// through a CONNECT tunnel and TLS to the origin over it. Node 20's global fetch neither reads
// HTTP(S)_PROXY nor exposes the undici proxy agents it bundles, hence these modules.
import type { ClientRequest, IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { createRequire } from 'node:module';
import type { Socket } from 'node:net';

// Node's network modules are required on the first request: loading them costs milliseconds,
// which every command that fetches nothing would pay at start-up.
const requireBuiltin = createRequire(import.meta.url);
interface NetModules {
  http: typeof import('node:http');
  https: typeof import('node:https');
  tls: typeof import('node:tls');
  zlib: typeof import('node:zlib');
}
let net: NetModules | undefined;
const netModules = (): NetModules => (net ??= { http: requireBuiltin('node:http'), https: requireBuiltin('node:https'), tls: requireBuiltin('node:tls'), zlib: requireBuiltin('node:zlib') });

export interface GetLimits {
  connectTimeoutMs: number;
  totalTimeoutMs: number;
  maxBytes: number;
}

export interface GetResponse {
  status: number;
  statusMessage: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export type NetFailureKind = 'dns' | 'refused' | 'connect-timeout' | 'timeout' | 'too-large' | 'proxy' | 'network';

interface NetFailure {
  kind: NetFailureKind;
  /** What went wrong, for a line such as "hf 2025-03-12: <message>". */
  message: string;
}

type GetResult = { ok: true; response: GetResponse } | { ok: false; failure: NetFailure };

interface GetRequest {
  url: URL;
  headers: Record<string, string>;
  proxy: URL | null;
  limits: GetLimits;
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

function describeError(e: NodeJS.ErrnoException, url: URL, proxy: URL | null): NetFailure {
  const where = proxy ? `the proxy ${proxy.host}` : url.host;
  switch (e.code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return { kind: 'dns', message: `cannot resolve ${proxy ? proxy.hostname : url.hostname} (no such host, or offline)` };
    case 'ECONNREFUSED':
      return { kind: 'refused', message: `${where} refused the connection (nothing listens there)` };
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
      return { kind: 'refused', message: `${where} is unreachable (offline?)` };
    default:
      return { kind: 'network', message: `the connection to ${where} failed (${e.code ?? e.message})` };
  }
}

/** Resolves once, with the body or the reason there is none; never rejects, never outlives totalTimeoutMs. */
export function httpGet(request: GetRequest): Promise<GetResult> {
  const { url, proxy, limits } = request;
  const { http, https, tls, zlib } = netModules();
  return new Promise((resolve) => {
    let settled = false;
    let current: ClientRequest | null = null;
    const finish = (result: GetResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(connectTimer);
      clearTimeout(totalTimer);
      current?.destroy();
      resolve(result);
    };
    const fail = (kind: NetFailureKind, message: string) => finish({ ok: false, failure: { kind, message } });
    const connectTimer = setTimeout(() => fail('connect-timeout', `no connection to ${(proxy ?? url).host} within ${seconds(limits.connectTimeoutMs)}`), limits.connectTimeoutMs);
    const totalTimer = setTimeout(() => fail('timeout', `no complete answer from ${url.host} within ${seconds(limits.totalTimeoutMs)}`), limits.totalTimeoutMs);
    const onError = (e: Error) => finish({ ok: false, failure: describeError(e as NodeJS.ErrnoException, url, proxy) });
    const connected = () => clearTimeout(connectTimer);
    /** Starts `req`; the connect timeout ends when its socket connects. */
    const send = (req: ClientRequest) => {
      current = req;
      req.on('error', onError);
      req.on('socket', (socket: Socket) => (socket.connecting ? socket.once('connect', connected) : connected()));
      req.end();
    };
    const headers = { ...request.headers, 'accept-encoding': 'gzip' };

    const onResponse = (res: IncomingMessage) => {
      connected();
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > limits.maxBytes) {
        fail('too-large', `the answer is ${declared} bytes, more than the ${limits.maxBytes} papers accepts`);
        return;
      }
      const gzipped = /^\s*(x-)?gzip\s*$/i.test(String(res.headers['content-encoding'] ?? ''));
      const stream = gzipped ? res.pipe(zlib.createGunzip()) : res;
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limits.maxBytes) {
          fail('too-large', `the answer passed ${limits.maxBytes} bytes, more than papers accepts; stopped reading`);
          stream.destroy();
          return;
        }
        chunks.push(chunk);
      });
      stream.on('error', (e: Error) => fail('network', `the answer from ${url.host} broke off (${(e as NodeJS.ErrnoException).code ?? e.message})`));
      res.on('aborted', () => fail('network', `the answer from ${url.host} broke off`));
      stream.on('end', () => finish({ ok: true, response: { status: res.statusCode ?? 0, statusMessage: res.statusMessage ?? '', headers: res.headers, body: Buffer.concat(chunks) } }));
    };

    if (proxy === null) {
      send((url.protocol === 'https:' ? https.request : http.request)(url, { method: 'GET', headers, agent: false }, onResponse));
      return;
    }
    const at = { host: proxy.hostname, port: proxy.port || 80, agent: false };
    if (url.protocol === 'http:') {
      send(http.request({ ...at, method: 'GET', path: url.href, headers: { ...headers, host: url.host, ...proxyAuth(proxy) } }, onResponse));
      return;
    }
    const target = `${url.hostname}:${url.port || 443}`;
    const tunnel = http.request({ ...at, method: 'CONNECT', path: target, headers: { host: target, ...proxyAuth(proxy) } });
    tunnel.on('connect', (res: IncomingMessage, socket: Socket) => {
      if (res.statusCode !== 200) {
        socket.destroy();
        fail('proxy', `the proxy ${proxy.host} refused the tunnel to ${url.host} (HTTP ${res.statusCode})`);
        return;
      }
      connected();
      const req = https.request(url, { method: 'GET', headers, agent: false, createConnection: () => tls.connect({ socket, servername: url.hostname }) }, onResponse);
      current = req;
      req.on('error', onError);
      req.end();
    });
    send(tunnel);
  });
}

function proxyAuth(proxy: URL): Record<string, string> {
  if (proxy.username === '') return {};
  const user = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
  return { 'proxy-authorization': `Basic ${Buffer.from(user).toString('base64')}` };
}
