// The URLs papers fetches: a base URL (only http and https), the Hugging Face daily list of a day,
// and the arXiv listing feed of some categories.

export const DEFAULT_HF_BASE = 'https://huggingface.co';
export const DEFAULT_ARXIV_BASE = 'https://rss.arxiv.org';

/** Why this text is not a usable base URL, or null when it is one. */
export function baseUrlProblem(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `"${text}" is not a URL; expected one such as https://huggingface.co`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `"${text}": only http:// and https:// URLs can be fetched`;
  if (url.search !== '' || url.hash !== '') return `"${text}": a base URL has no ?query or #fragment`;
  return null;
}

const withoutSlash = (base: string) => base.replace(/\/+$/, '');

/** `{base}/api/daily_papers?date=YYYY-MM-DD`. */
export function hfDailyUrl(base: string, day: string): string {
  return `${withoutSlash(base)}/api/daily_papers?date=${day}`;
}

/** `{base}/rss/CAT+CAT`: one feed for all the categories (arXiv joins them itself). */
export function arxivFeedUrl(base: string, categories: readonly string[]): string {
  return `${withoutSlash(base)}/rss/${categories.join('+')}`;
}

/** arXiv archive names and categories: cs, cs.CL, astro-ph, astro-ph.GA, q-fin.ST, physics.acc-ph. */
const CATEGORY = /^[a-z][a-z-]*(\.[A-Za-z][A-Za-z-]*)?$/;

/** Why this is not an arXiv category name, or null when it is one. */
export function categoryProblem(text: string): string | null {
  return CATEGORY.test(text) ? null : `"${text}" is not an arXiv category; expected a name such as cs.CL, math.OA or astro-ph`;
}
