/**
 * Ink's layout engine loads its WebAssembly from a base64 data URL, through `fetch` when there is
 * one: Node's fetch then loads undici (tens of milliseconds before the first frame) to decode what
 * the engine decodes itself without it. papers fetches through node:http, so the global is hidden
 * only while the UI's modules evaluate.
 */
export async function withoutGlobalFetch<T>(load: () => Promise<T>): Promise<T> {
  const own = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  if (!own?.configurable) return load();
  Object.defineProperty(globalThis, 'fetch', { value: undefined, configurable: true, writable: true });
  try {
    return await load();
  } finally {
    Object.defineProperty(globalThis, 'fetch', own);
  }
}
