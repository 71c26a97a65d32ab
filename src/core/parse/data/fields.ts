// The field names data files use for each part of a paper, and the lookup that reads a record by
// them. Names compare without case, `_`, `-` or spaces (`paper_url`, `paperUrl`, `Paper URL`); a
// dotted name is a path (`details.arxiv_page_url`); a plain name not among the record's own keys
// is looked for one level down (`details: {arxiv_page_url}`, `paper: {title}`).
import { splitAuthors } from '../common.js';
import { isJsonObject, type Json, type JsonObject } from './json-text.js';
import { emptyRecord, type FoundRecord } from './record.js';

type Field = keyof FoundRecord;

/** For each field, its names in the order of preference. */
const NAMES: { readonly [F in Field]: readonly string[] } = {
  // an English title before a translated one
  title: ['title_en', 'english_title', 'en_title', 'original_title', 'paper.title', 'title', 'paper_title'],
  refs: [
    'arxiv_id', 'arxiv', 'paper.id', 'paper_id', 'entry_id', 'id', 'doi', 'paper_url', 'arxiv_url', 'abs_url', 'abs',
    'details.arxiv_page_url', 'arxiv_page_url', 'hf_url', 'huggingface_url', 'paper_link', 'page_url', 'url', 'link',
    'pdf_url', 'pdf_link', 'pdf', 's2_id', 'semantic_scholar_id', 'openreview_id', 'links',
  ],
  authors: ['paper.authors', 'authors', 'author', 'author_names', 'authors_list', 'creators'],
  abstract: ['paper.summary', 'abstract', 'summary', 'abstract_text', 'paper_abstract'],
  summary: ['ai_summary', 'paper.ai_summary', 'tldr', 'ai.tldr', 'tl_dr', 'one_line_summary', 'llm_summary'],
  categories: ['categories', 'category', 'primary_category', 'subjects'],
  date: [
    'published', 'published_at', 'published_date', 'publication_date', 'date', 'submitted', 'submitted_at', 'submitted_date',
    'paper.published_at', 'created', 'created_at', 'updated', 'pub_date',
  ],
  upvotes: ['paper.upvotes', 'upvotes', 'votes', 'likes'],
  venue: ['venue', 'journal', 'conference', 'booktitle', 'publication'],
  comments: ['comment', 'comments', 'arxiv_comment'],
  journalRef: ['journal_ref', 'arxiv_journal_ref'],
  links: [
    'paper.github_repo', 'code', 'code_url', 'github', 'github_url', 'github_repo', 'repo', 'repo_url', 'repository',
    'paper.project_page', 'project_page', 'project_url', 'homepage', 'website',
  ],
};

/** Names of an author object's name. */
const AUTHOR_NAME = ['name', 'full_name', 'fullname', 'display_name', 'user.fullname'];

const normaliseKey = (key: string) => key.toLowerCase().replace(/[\s_-]+/g, '');

/** A name as the path of normalised keys it stands for, split once. */
type Path = readonly string[];
const toPaths = (names: readonly string[]): Path[] => names.map((n) => n.split('.').map(normaliseKey));
const PATHS = Object.fromEntries(Object.entries(NAMES).map(([field, names]) => [field, toPaths(names)])) as unknown as { readonly [F in Field]: readonly Path[] };
const AUTHOR_PATHS = toPaths(AUTHOR_NAME);

/** A record's keys, normalised, and the same one level down: built once per record. */
interface KeyIndex {
  own: Map<string, Json>;
  nested: Map<string, Json>;
}

function keyMap(obj: JsonObject): Map<string, Json> {
  const map = new Map<string, Json>();
  for (const key of Object.keys(obj)) {
    const k = normaliseKey(key);
    if (!map.has(k)) map.set(k, obj[key]!);
  }
  return map;
}

function indexKeys(obj: JsonObject): KeyIndex {
  const own = keyMap(obj);
  const nested = new Map<string, Json>();
  for (const value of own.values()) {
    if (!isJsonObject(value)) continue;
    for (const [k, v] of keyMap(value)) if (!nested.has(k)) nested.set(k, v);
  }
  return { own, nested };
}

/** The value under a name (a dotted name is a path); undefined when absent or empty. */
function valueAt(index: KeyIndex, path: Path): Json | undefined {
  let value: Json | undefined = index.own.get(path[0]!) ?? (path.length === 1 ? index.nested.get(path[0]!) : undefined);
  for (let i = 1; i < path.length && value !== undefined; i++) value = isJsonObject(value) ? keyMap(value).get(path[i]!) : undefined;
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return undefined;
  return value;
}

function values(index: KeyIndex, field: Field): Json[] {
  const out: Json[] = [];
  for (const path of PATHS[field]) {
    const v = valueAt(index, path);
    if (v !== undefined) out.push(v);
  }
  return out;
}

const asText = (v: Json): string | null => (typeof v === 'string' ? v : null);
const firstText = (index: KeyIndex, field: Field): string | null => values(index, field).map(asText).find((s) => s !== null) ?? null;

/** Strings and arXiv-looking numbers, of a value or of a list of them. */
function strings(v: Json): string[] {
  if (typeof v === 'string') return [v];
  // a number keeps only the digits it prints: 2503.10000 would print as 2503.1, so only five decimals are an id
  if (typeof v === 'number') return /^\d{4}\.\d{5}$/.test(String(v)) ? [String(v)] : [];
  if (Array.isArray(v)) return v.flatMap((x) => (typeof x === 'string' ? [x] : isJsonObject(x) && typeof x.href === 'string' ? [x.href] : []));
  return [];
}

function authorName(v: Json): string | null {
  if (typeof v === 'string') return v;
  if (!isJsonObject(v)) return null;
  const index = indexKeys(v);
  for (const path of AUTHOR_PATHS) {
    const value = valueAt(index, path);
    if (typeof value === 'string') return value;
  }
  return null;
}

function authorsOf(v: Json): string[] {
  if (typeof v === 'string') return splitAuthors(v);
  if (Array.isArray(v)) return v.flatMap((a) => authorName(a) ?? []);
  const one = authorName(v);
  return one ? [one] : [];
}

function categoriesOf(v: Json): string[] {
  if (typeof v === 'string') return v.split(/[\s,;]+/);
  if (Array.isArray(v)) return v.flatMap((c) => (typeof c === 'string' ? [c] : isJsonObject(c) && typeof c.term === 'string' ? [c.term] : []));
  return [];
}

function countOf(v: Json): number | null {
  const n = typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? Math.floor(n) : null;
}

/**
 * True when the object has a title under one of the title names, its own or on a named path
 * (`paper.title`): a record, not a container of records. Not one level down, where a map of
 * records (`{id: {title}}`) would look like one record.
 */
export function hasTitle(obj: JsonObject): boolean {
  for (const path of PATHS.title) {
    let value: Json | undefined = obj;
    for (const step of path) value = isJsonObject(value) ? ownValue(value, step) : undefined;
    if (typeof value === 'string' && value.trim() !== '') return true;
  }
  return false;
}

/** The value under a normalised key, without building the whole key map: most keys are written as normalised. */
function ownValue(obj: JsonObject, key: string): Json | undefined {
  if (Object.hasOwn(obj, key)) return obj[key];
  for (const k of Object.keys(obj)) if (normaliseKey(k) === key) return obj[k];
  return undefined;
}

/** The fields of an object read by the name table. */
export function recordFromObject(obj: JsonObject): FoundRecord {
  const index = indexKeys(obj);
  const found = emptyRecord();
  found.title = firstText(index, 'title');
  found.refs = values(index, 'refs').flatMap(strings);
  found.authors = values(index, 'authors').map(authorsOf).find((a) => a.length > 0) ?? [];
  found.abstract = firstText(index, 'abstract');
  found.summary = firstText(index, 'summary');
  found.categories = values(index, 'categories').map(categoriesOf).find((c) => c.length > 0) ?? [];
  found.date = firstText(index, 'date');
  found.upvotes = values(index, 'upvotes').map(countOf).find((n) => n !== null) ?? null;
  found.venue = firstText(index, 'venue');
  found.comments = firstText(index, 'comments');
  found.journalRef = firstText(index, 'journalRef');
  found.links = values(index, 'links').flatMap(strings);
  return found;
}

/** True when one of these column names is a title name: a table of papers, not of something else. */
export function hasTitleColumn(names: readonly string[]): boolean {
  const titles = new Set(PATHS.title.filter((p) => p.length === 1).map((p) => p[0]!));
  return names.some((n) => n.length <= 40 && titles.has(normaliseKey(n)));
}
