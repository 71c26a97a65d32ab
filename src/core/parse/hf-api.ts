// Hugging Face Daily Papers API responses (`GET /api/daily_papers`): a JSON array of items, each
// with a `paper`; the 2024 and the 2025+ schemas (optional keys are missing, not null;
// `paper.title` keeps arXiv's `\n  ` wraps while the top-level `title` is unwrapped).
import { parseArxivId } from '../ids.js';
import { emptyPaper, type Diagnostic, type Link, type Paper, type ParseOptions, type ParseResult } from '../model.js';
import { cleanAbstract, extractLinks, normaliseSpaces } from '../text/index.js';
import type { DigestFormat } from './index.js';
import { toIsoDate, withId } from './common.js';
import { scanJson } from './json-scan.js';
import { lineIndex } from './line-index.js';

const NAME = 'hf-api';
const MAX_DEPTH = 64;
/** Far beyond any API response (a day is ~100 kB); JSON.parse of more would only hold memory. */
const MAX_BYTES = 200 * 1024 * 1024;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: Json | undefined): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

function detect(text: string): number {
  const head = text.slice(0, 20_000).trimStart();
  if (!head.startsWith('[') && !head.startsWith('{')) return 0;
  const paperKey = /"paper"\s*:\s*\{/.test(head);
  const hfKeys = ['"upvotes"', '"discussionId"', '"submittedOnDailyAt"', '"numComments"', '"submittedBy"', '"ai_summary"'].filter((k) => head.includes(k)).length;
  if (paperKey && hfKeys >= 1) return 0.95;
  if (hfKeys >= 2 && head.includes('"summary"')) return 0.8;
  return 0.05;
}

function parse(text: string, options: ParseOptions): ParseResult {
  const diagnostics: Diagnostic[] = [];
  const fail = (line: number, message: string): ParseResult => {
    diagnostics.push({ line, severity: 'error', message });
    return { format: NAME, papers: [], diagnostics };
  };
  if (text.length > MAX_BYTES) return fail(0, `${Math.round(text.length / 1024 / 1024)} MB of JSON is far more than a Daily Papers response; split it by day`);
  const scan = scanJson(text, MAX_DEPTH);
  if (scan.maxDepth > MAX_DEPTH) return fail(0, `JSON nested more than ${MAX_DEPTH} levels deep; not a Daily Papers API response`);
  const lineAt = lineIndex(text);
  let data: Json;
  try {
    data = JSON.parse(text) as Json;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const at = /position (\d+)/.exec(message);
    return fail(at ? lineAt(Number(at[1])) : 0, `not valid JSON (${message.slice(0, 160)}); save the API response unmodified`);
  }
  const items: Json[] = Array.isArray(data) ? data : isObject(data) && Array.isArray(data.papers) ? data.papers : [data];
  const offsets = Array.isArray(data) ? scan.elementOffsets : [];
  const papers: Paper[] = [];
  items.forEach((item, index) => {
    const line = offsets[index] !== undefined ? lineAt(offsets[index]!) : 1;
    const paper = toPaper(item, { file: options.file, line }, diagnostics);
    if (paper) papers.push(paper);
  });
  if (papers.length === 0 && !diagnostics.some((d) => d.severity === 'error')) {
    diagnostics.push({ line: 0, severity: 'error', message: 'no papers in this JSON (expected an array of items with a "paper" and a "title")' });
  }
  return { format: NAME, papers, diagnostics };
}

function toPaper(item: Json, source: { file: string; line: number }, diagnostics: Diagnostic[]): Paper | null {
  if (!isObject(item)) {
    diagnostics.push({ line: source.line, severity: 'warning', message: 'an item that is not an object; skipped' });
    return null;
  }
  const paper = isObject(item.paper) ? item.paper : item;
  const title = str(item.title) ?? str(paper.title);
  if (!title) {
    diagnostics.push({ line: source.line, severity: 'warning', message: 'an item without a title; skipped' });
    return null;
  }
  const p = emptyPaper(source);
  p.title = normaliseSpaces(title);
  const parsedId = str(paper.id) ? parseArxivId(str(paper.id)!) : null;
  p.arxivId = parsedId?.id ?? null;
  p.version = parsedId?.version ?? null;
  const summary = str(paper.summary) ?? str(item.summary);
  const aiSummary = str(paper.ai_summary) ?? str(item.ai_summary);
  if (summary) {
    p.abstract = cleanAbstract(summary);
    p.abstractKind = 'abstract';
  } else if (aiSummary) {
    p.abstract = cleanAbstract(aiSummary);
    p.abstractKind = 'summary';
  }
  const authors = Array.isArray(paper.authors) ? paper.authors : [];
  p.authors = authors.flatMap((a) => {
    const name = isObject(a) ? str(a.name) ?? (isObject(a.user) ? str(a.user.fullname) : null) : str(a);
    return name ? [normaliseSpaces(name)] : [];
  });
  const upvotes = typeof paper.upvotes === 'number' ? paper.upvotes : item.upvotes;
  p.upvotes = typeof upvotes === 'number' && Number.isFinite(upvotes) && upvotes >= 0 ? Math.floor(upvotes) : null;
  const links: Link[] = [];
  const github = str(paper.githubRepo) ?? str(item.githubRepo);
  const project = str(paper.projectPage) ?? str(item.projectPage);
  if (github && /^https?:\/\//i.test(github)) links.push({ url: github.trim(), kind: 'code' });
  if (project && /^https?:\/\//i.test(project)) links.push({ url: project.trim(), kind: 'project' });
  const seen = new Set(links.map((l) => l.url.replace(/\/$/, '').toLowerCase()));
  for (const l of summary ? extractLinks(summary) : []) {
    const key = l.url.replace(/\/$/, '').toLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      links.push(l);
    }
  }
  p.links = links;
  p.date = toIsoDate(str(paper.submittedOnDailyAt) ?? str(item.publishedAt) ?? str(paper.publishedAt));
  return withId(p);
}

export const hfApi: DigestFormat = { name: NAME, description: 'Hugging Face Daily Papers API response (JSON from /api/daily_papers)', detect, parse };
