// Telling markdown and HTML digests from other text: regular expressions over the head of the text
// only, apart from their readers (markup-digest.ts), which bring markdown-it and htmlparser2.
import type { FormatProbe } from './detect.js';

const EVIDENCE = /huggingface\.co\/papers\/\d|arxiv\.org\/(?:abs|pdf|html)\/|alphaxiv\.org\/|\barxiv:\s?\d{4}\.\d{4}|data-arxiv-id=|openaccess\.thecvf\.com\/|doi\.org\/10\./gi;
/** A report card without ids: `## 3. Title` with `**Authors:**` below it. */
const AUTHORS_CARD = /^#{1,6} +\d{1,4}[.)] .+\r?\n(?:\r?\n)?\*\*(?:authors?|作者|著者|저자)[:：]?\*\*/gim;
const MD_STRUCTURE = /^(?:#{1,6} +\S|\s{0,3}(?:[-*+]|\d{1,4}[.)]) +\S|\|.*\|\s*$|\s*<(?:details|summary|table|tr|td|div)\b)/gm;

function count(re: RegExp, text: string, cap: number): number {
  let n = 0;
  re.lastIndex = 0;
  while (n < cap && re.exec(text) !== null) n++;
  re.lastIndex = 0;
  return n;
}

/** An HTML document rather than markdown that holds some HTML. */
function isHtmlDocument(head: string): boolean {
  const t = head.trimStart().slice(0, 2000).toLowerCase();
  return t.startsWith('<!doctype html') || t.startsWith('<html') || (t.startsWith('<') && !/^\s*(?:#{1,6} |[-*] )/m.test(head));
}

function evidenceIn(head: string): number {
  return count(EVIDENCE, head, 10) + 2 * count(AUTHORS_CARD, head, 5);
}

/** `key: value` lines and nothing of markdown (no heading, bold, link or table): a YAML dump, a data file. */
function looksLikeYaml(head: string): boolean {
  if (/^#{1,6} |\*\*|\]\(|^\|/m.test(head)) return false;
  return count(/^\s*(?:- )?[\w-]{1,40}:(?:[ \t]|$)/gm, head, 3) >= 3;
}

function detectMarkdown(text: string): number {
  const head = text.slice(0, 100_000);
  if (isHtmlDocument(head) || /^\s*[[{]/.test(head) || looksLikeYaml(head)) return 0;
  const structure = count(MD_STRUCTURE, head, 10);
  const evidence = evidenceIn(head);
  if (structure >= 3 && evidence >= 2) return 0.8;
  if (structure >= 3 && evidence >= 1) return 0.5;
  return 0;
}

function detectHtml(text: string): number {
  const head = text.slice(0, 100_000);
  if (!isHtmlDocument(head)) return 0;
  return evidenceIn(head) >= 2 ? 0.8 : 0;
}

export const markdownProbe: FormatProbe = { name: 'markdown', description: 'a markdown digest: headings, lists or tables of papers with arXiv/HF links or ids', detect: detectMarkdown };

export const htmlProbe: FormatProbe = { name: 'html', description: 'an HTML digest page: papers linked to arXiv/HF pages or carrying their ids', detect: detectHtml };
