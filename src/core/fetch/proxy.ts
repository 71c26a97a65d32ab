// Which proxy a request goes through, the way curl and most tools read the environment:
// https_proxy / HTTPS_PROXY for https URLs, http_proxy / HTTP_PROXY for http, unless NO_PROXY
// names the host (exactly, or as a domain suffix; "*" for every host; an optional :port).

export type ProxyEnv = Readonly<Record<string, string | undefined>>;

type ProxyChoice = { ok: true; proxy: URL | null } | { ok: false; message: string };

const pick = (env: ProxyEnv, name: string) => env[name.toLowerCase()] || env[name.toUpperCase()] || undefined;

function bypassed(url: URL, noProxy: string | undefined): boolean {
  if (!noProxy) return false;
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  for (const raw of noProxy.split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    if (entry === '*') return true;
    const m = /^(.*?)(?::(\d+))?$/.exec(entry)!;
    const name = m[1]!.replace(/^\*?\./, '').replace(/^\[|\]$/g, '');
    if (m[2] !== undefined && m[2] !== port) continue;
    if (host === name || host.endsWith(`.${name}`)) return true;
  }
  return false;
}

export function proxyFor(url: URL, env: ProxyEnv): ProxyChoice {
  const value = url.protocol === 'https:' ? pick(env, 'https_proxy') : pick(env, 'http_proxy');
  if (value === undefined || bypassed(url, pick(env, 'no_proxy'))) return { ok: true, proxy: null };
  let proxy: URL;
  try {
    proxy = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`);
  } catch {
    return { ok: false, message: `the proxy "${value}" is not a URL; fix ${url.protocol === 'https:' ? 'HTTPS_PROXY' : 'HTTP_PROXY'}` };
  }
  if (proxy.protocol !== 'http:') return { ok: false, message: `the proxy ${value}: only http:// proxies are supported` };
  return { ok: true, proxy };
}
