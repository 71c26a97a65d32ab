// PLACEHOLDER: the Hugging Face Daily Papers page parser (issue 2). Being written.
import type { DigestFormat } from './index.js';

export const hfPage: DigestFormat = {
  name: 'hf-page',
  description: 'Hugging Face Daily Papers page copied as text (browser copy, markdown or text-browser capture)',
  detect: () => 0.1,
  parse: () => ({ format: 'hf-page', papers: [], diagnostics: [] }),
};
