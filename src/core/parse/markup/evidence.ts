// What names a paper in a marked-up digest: a link to its page (Hugging Face, arXiv, alphaXiv,
// a CVF open-access page, a DOI), a bare `arXiv:2501.07301`, an id attribute, or a local file name
// that keeps the id without its dot (`./papers/250503135v1-holmes.html`, as some page generators
// write them). Each gives a key that is the same wherever the same paper is named.
import { parseArxivId } from '../../ids.js';

export interface PaperRef {
  /** Without version; null for a paper that is not on arXiv. */
  arxivId: string | null;
  /** `arXiv id`, `cvf:<name>` or `doi:<doi>`: one per paper. */
  key: string;
  doi: string | null;
  /** The page of a paper that has no arXiv id, kept as its link. */
  url: string | null;
}

const ARXIV_ID = String.raw`(\d{4}\.\d{4,5}(?:v\d+)?|[a-z-]+(?:\.[A-Z]{2})?\/\d{7}(?:v\d+)?)`;
const ARXIV_URL = new RegExp(String.raw`(?:huggingface\.co|hf\.co|arxiv\.org|alphaxiv\.org)\/(?:papers|abs|pdf|html|overview|format)\/` + ARXIV_ID, 'i');
const CVF_URL = /openaccess\.thecvf\.com\/content[^?#\s]*?\/(?:html|papers)\/([^/?#\s]+?)_paper\.(?:html|pdf)/i;
const DOI_URL = /^(?:https?:\/\/)?(?:dx\.)?doi\.org\/(10\.\d{4,9}\/[^\s?#]+)/i;
/** A relative link whose file name starts with the id without its dot: `250503135v1-…`. */
const DOTLESS_FILE = /(?:^|\/)(\d{2}(?:0[1-9]|1[0-2]))(\d{5})(v\d+)?[-_.]/;

function arxivRef(raw: string): PaperRef | null {
  const parsed = parseArxivId(raw.replace(/\.pdf$/i, ''));
  return parsed ? { arxivId: parsed.id, key: parsed.id, doi: null, url: null } : null;
}

export function refFromUrl(href: string): PaperRef | null {
  if (href.length > 2000) return null;
  const arxiv = ARXIV_URL.exec(href);
  if (arxiv) return arxivRef(arxiv[1]!);
  const cvf = CVF_URL.exec(href);
  if (cvf) return { arxivId: null, key: `cvf:${cvf[1]!.toLowerCase()}`, doi: null, url: href };
  const doi = DOI_URL.exec(href);
  if (doi) return doiRef(doi[1]!);
  if (!/^[a-z][a-z0-9+.-]*:/i.test(href)) {
    const local = DOTLESS_FILE.exec(href);
    if (local) return arxivRef(`${local[1]}.${local[2]}`);
  }
  return null;
}

function doiRef(raw: string): PaperRef {
  const doi = raw.replace(/[.,;)\]]+$/, '');
  return { arxivId: null, key: `doi:${doi.toLowerCase()}`, doi, url: `https://doi.org/${doi}` };
}

/** An id attribute's value (`2505.03135v1`, `arXiv:2505.03135`); null when it is no arXiv id. */
export function refFromId(value: string): PaperRef | null {
  return arxivRef(value.trim());
}

export interface TextRef {
  ref: PaperRef;
  start: number;
  end: number;
}

const IN_TEXT = new RegExp(String.raw`\barxiv:\s?` + ARXIV_ID + String.raw`|\bdoi:\s?(10\.\d{4,9}\/\S+)|https?:\/\/[^\s<>()\[\]"'|]+`, 'gi');

/** Paper ids and paper URLs written as plain text. */
export function refsInText(text: string): TextRef[] {
  const out: TextRef[] = [];
  // each form has a colon: most text has none, and indexOf finds that out fastest
  if (!text.includes(':') || !/arxiv:|doi:|https?:\/\//i.test(text)) return out;
  for (const m of text.matchAll(IN_TEXT)) {
    const ref = m[1] !== undefined ? arxivRef(m[1]) : m[2] !== undefined ? doiRef(m[2]) : refFromUrl(m[0]);
    if (ref) out.push({ ref, start: m.index, end: m.index + m[0].length });
  }
  return out;
}
