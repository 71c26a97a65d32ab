// A CommonJS package required on first use, so that a command which never needs it never loads it.
import { createRequire } from 'node:module';

export function lazyRequire<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= createRequire(import.meta.url)(name) as T);
}
