// Reads the real samples copied into test/fixtures/corpora (origins in the README there).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CORPORA = fileURLToPath(new URL('../../fixtures/corpora/', import.meta.url));

export function sample(name: string): string {
  return readFileSync(CORPORA + name, 'utf8');
}

export const SAMPLES = [
  'arxiv-mailing-1.txt',
  'arxiv-mailing-2.txt',
  'arxiv-mailing-3.txt',
  'google-scholar-alert-1.txt',
  'google-scholar-alert-2.txt',
  'google-scholar-alert-3.txt',
  'google-scholar-alert-4.txt',
  'hf-api-1.json',
  'hf-papers-2.txt',
] as const;
