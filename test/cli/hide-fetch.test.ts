// Ink's layout engine decodes its WebAssembly itself when no global fetch is there; with Node's fetch
// in sight it fetches its own data URL, and Node loads undici for that before the UI's first frame.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** Whether importing yoga-layout (through the wrapper or not) made Node load undici; and fetch's type after. */
function load(wrapped: boolean): string {
  const script = wrapped
    ? "const { withoutGlobalFetch } = await import('./src/cli/hide-fetch.ts'); await withoutGlobalFetch(() => import('yoga-layout'));"
    : "await import('yoga-layout');";
  const probe = `${script} await new Promise((r) => setTimeout(r, 0)); console.log(process.moduleLoadList.some((m) => m.includes('undici')), typeof fetch);`;
  return execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', probe], { cwd: ROOT, encoding: 'utf8' }).trim();
}

describe('the UI loads without Node fetch', () => {
  it('yoga-layout loaded with fetch hidden loads no undici, and fetch is back after', () => {
    expect(load(false)).toBe('true function'); // the probe sees undici when fetch is in sight
    expect(load(true)).toBe('false function');
  });
});
