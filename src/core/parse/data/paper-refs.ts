// What an id or URL in a data record says about the paper: its arXiv id, its DOI, or only that it
// names a paper somewhere (Semantic Scholar, OpenReview, a CVF or ACL page, a PDF).
import { parseArxivId } from '../../ids.js';

export interface PaperRef {
  arxivId: string | null;
  version: number | null;
  doi: string | null;
  /** True when the id or URL names a paper (not a repository, a profile or a home page). */
  isPaper: boolean;
}

const NONE: PaperRef = { arxivId: null, version: null, doi: null, isPaper: false };

// arXiv ids inside the URLs of arXiv and of the sites that mirror its ids.
const ARXIV_IN_URL =
  /(?:arxiv\.org\/(?:abs|pdf|html|format)\/|(?:huggingface|hf)\.co\/papers\/|alphaxiv\.org\/(?:abs\/|overview\/)?|10\.48550\/arxiv\.)((?:[a-z-]+(?:\.[a-z]{2})?\/\d{7})|\d{4}\.\d{4,5})(v\d+)?/i;
const DOI = /\b(10\.\d{4,9}\/[^\s"<>]+)/;
// Hosts (or host and path prefix) of pages that are one paper each.
const PAPER_PAGES = [
  'arxiv.org/abs/', 'arxiv.org/pdf/', 'arxiv.org/html/', 'huggingface.co/papers/', 'hf.co/papers/', 'alphaxiv.org/',
  'doi.org/', 'semanticscholar.org/paper/', 'api.semanticscholar.org/', 'openreview.net/forum', 'openreview.net/pdf',
  'aclanthology.org/', 'openaccess.thecvf.com/', 'proceedings.neurips.cc/', 'papers.nips.cc/', 'proceedings.mlr.press/',
  'dl.acm.org/doi/', 'ieeexplore.ieee.org/document/', 'link.springer.com/', 'sciencedirect.com/science/article/',
  'biorxiv.org/content/', 'medrxiv.org/content/', 'pubmed.ncbi.nlm.nih.gov/', 'ncbi.nlm.nih.gov/pmc/', 'nature.com/articles/',
  'ojs.aaai.org/', 'ijcai.org/proceedings/', 'papers.ssrn.com/', 'researchgate.net/publication/', 'paperswithcode.com/paper/',
];
// Ids written with a scheme that names a paper index: `s2:…`, `doi:…`, `pmid:…`.
const SCHEME_ID = /^(?:s2|doi|pmid|pmcid|corpusid|openreview|dblp|acl|mag|arxiv):\s*\S/i;

function hostAndPath(url: string): string {
  return url
    .trim()
    .replace(/^https?:\/\//i, '')
    .replace(/^www\./i, '')
    .toLowerCase();
}

/** A URL or id as a paper reference; NONE when it names no paper. */
export function paperRef(raw: string): PaperRef {
  const s = raw.length > 2000 ? raw.slice(0, 2000) : raw.trim();
  if (s === '') return NONE;
  const bare = parseArxivId(s);
  if (bare) return { arxivId: bare.id, version: bare.version, doi: null, isPaper: true };
  const inUrl = ARXIV_IN_URL.exec(s);
  if (inUrl) {
    const id = parseArxivId(inUrl[1]! + (inUrl[2] ?? ''));
    if (id) return { arxivId: id.id, version: id.version, doi: null, isPaper: true };
  }
  const doi = /^(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)?(10\.\d{4,9}\/\S+)$/i.exec(s) ?? (s.includes('doi') ? DOI.exec(s) : null);
  if (doi) return { arxivId: null, version: null, doi: doi[1]!.replace(/[.,;]$/, ''), isPaper: true };
  if (SCHEME_ID.test(s)) return { ...NONE, isPaper: true };
  if (/^https?:\/\//i.test(s)) {
    const where = hostAndPath(s);
    const isPaper = PAPER_PAGES.some((p) => where.startsWith(p) || where.includes(`.${p}`)) || /\.pdf(?:[?#]|$)/i.test(where);
    return { ...NONE, isPaper };
  }
  return NONE;
}

export const isHttpUrl = (s: string): boolean => /^https?:\/\/[^\s]+$/i.test(s.trim());
