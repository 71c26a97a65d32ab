// Titles as digests decorate them, and the labels their fields carry. A title loses its numbering
// (`1.`, `No. 3`, `1️⃣`), emoji markers, trailing star or vote counts (`⭐ 66`, `- 👍 904`, `(140 ▲)`)
// and a trailing `(Read more on arXiv …)`; lines wrapped inside it (arXiv's `\n  `) are joined.
// TeX is kept as written (`$M^2$-Occ`): the digest's own spelling of the title.

const PICTO = String.raw`(?:\p{Extended_Pictographic}|\p{Regional_Indicator}|[\u{1F3FB}-\u{1F3FF}\uFE0F\u200D\u20E3\u2B50\u2605\u2606\u25B2\u25BA\u25B6\u2192\u27A1])`;
const PICTO_ALL = new RegExp(PICTO, 'gu');
/**
 * The UTF-16 code units PICTO's characters can start with (checked against every code point): a
 * text with none of them has no pictograph, and this test is a few range checks a character where
 * the property classes are a table search.
 */
const MAYBE_PICTO = /[\u00A9\u00AE\u200D\u203C-\u2B55\u3030\u303D\u3297\u3299\uD83C-\uD83F\uFE0F]/;
const PICTO_ONE = new RegExp(PICTO, 'u');
const hasPicto = (text: string) => MAYBE_PICTO.test(text) && PICTO_ONE.test(text);
/** The text with each pictograph as a space. */
const withoutPicto = (text: string) => (MAYBE_PICTO.test(text) ? text.replace(PICTO_ALL, ' ') : text);
const LEADING_MARK = new RegExp(String.raw`^(?:${PICTO}|[#>*•·▪◦‣\-–—|:：\s])+`, 'u');
const NUMBERING = /^(?:\(?\d{1,4}[.)、．:：](?:\s+|(?=[^\d\s]))|\[\d{1,4}\]\s+|#\d{1,4}\s+|no\.\s*\d{1,4}\s+|\d{1,4}\s*(?:\uFE0F?\u20E3))/i;
const TRAILING_COUNT = new RegExp(String.raw`\s*(?:[-–—|·•,]\s*)?(?:${PICTO}\s*)+[\d,.]*\s*[kK]?\s*(?:stars?|votes?|upvotes?|likes?)?\s*$`, 'u');
const TRAILING_VOTES = /\s*\(\s*\d[\d,]*\s*(?:\u25B2|votes?|upvotes?|stars?)\s*\)\s*$/i;
const READ_MORE = /\s*\((?:read|see|view)\s+(?:more|it|the paper)\b[^()]*\)\s*$/i;

const OPENING_QUOTE = /^["“「『]/;

/** One line, runs of space folded. */
export function oneLine(text: string): string {
  return FOLDS.test(text) ? text.replace(/\s+/g, ' ').trim() : text.trim();
}
/** What folding changes: white space other than a space, or two in a row. */
const FOLDS = /[^\S ]|\s\s/;

export function cleanTitle(raw: string): string {
  let t = oneLine(raw.length > 4000 ? raw.slice(0, 4000) : raw);
  for (let k = 0; k < 4; k++) {
    const before = t;
    t = t.replace(LEADING_MARK, '').replace(NUMBERING, '').trim();
    // the trailing patterns are tried at every position: test first for what each cannot match without
    if (t.endsWith(')')) t = t.replace(READ_MORE, '');
    if (t.endsWith(')')) t = t.replace(TRAILING_VOTES, '');
    if (hasPicto(t)) t = t.replace(TRAILING_COUNT, '');
    t = t.trim();
    if (t === before) break;
  }
  // tried at every position when it cannot match at the first: test the first character first
  const unquoted = OPENING_QUOTE.test(t) ? t.replace(/^["“「『]+(.*?)["”」』]+$/u, '$1') : t;
  // the trailing colon's pattern is tried at every position: only a text ending in one needs it
  return (unquoted.endsWith(':') || unquoted.endsWith('：') ? unquoted.replace(/\s*[:：]$/, '') : unquoted).trim();
}

const GENERIC_WORDS = new Set([
  'arxiv', 'pdf', 'hf', 'huggingface', 'hugging', 'face', 'paper', 'papers', 'page', 'link', 'links', 'url', 'abs',
  'abstract', 'html', 'code', 'github', 'project', 'website', 'site', 'here', 'read', 'more', 'view', 'alphaxiv', 'doi',
  'open', 'full', 'text', 'download', 'source', 'details', 'detail', 'original', 'cvf', 'openaccess', 'on', 'the', 'at',
  'in', 'this', 'see', 'demo', 'home', 'homepage', 'summary', 'link:', 'v1', 'v2', 'v3',
  '论文', '链接', '原文', '页面', '地址', '全文', '详情', '下载', '论文链接', '原文链接', '论文地址',
  '페이지', '논문', '링크', '원문', '論文', 'リンク', 'ページ', '詳細', '原文リンク', '論文リンク',
]);

const LINK_WORDS = /[^\s/|·•,:：()[\]-]+/g;

/** A link text that says where it goes rather than which paper: `arXiv`, `📄 PDF`, `HF 페이지`, the URL, the id. */
export function isGenericLinkText(text: string): boolean {
  const t = oneLine(withoutPicto(text));
  if (t === '') return true;
  if (/^(?:https?:\/\/|www\.)/i.test(t) || /^(?:arxiv:\s?)?\d{4}\.\d{4,5}(?:v\d+)?$/i.test(t)) return true;
  // word by word, stopping at the first that says which paper: most link texts are titles (a word
  // lowercased alone is the same as in the whole text lowercased: no separator changes case)
  LINK_WORDS.lastIndex = 0;
  for (let m = LINK_WORDS.exec(t); m !== null; m = LINK_WORDS.exec(t)) if (!GENERIC_WORDS.has(m[0].toLowerCase())) return false;
  return true;
}

/** Could be a paper title: has a letter, is not a sentence-long run of text, is not a bare count or date. */
export function isTitleLike(text: string): boolean {
  if (text.length < 2 || text.length > 600) return false;
  if (!/\p{L}/u.test(text)) return false;
  if (isGenericLinkText(text)) return false;
  return true;
}

/** `**Label:** value` or `Label：value` at the start of a line: the label (lowercased, emoji out) and the value. */
export function splitLabel(line: string): { label: string; value: string } | null {
  const text = line.length > 4000 ? line.slice(0, 4000) : line;
  if (!text.includes(':') && !text.includes('：')) return null;
  const m = LABEL.exec(text);
  if (!m) return null;
  const label = oneLine(withoutPicto(m[1]!).replace(/[*_`]/g, '')).toLowerCase();
  if (label === '' || /[.!?。]/.test(label) || wordsOver(label, 4)) return null;
  return { label, value: text.slice(m[0].length) };
}
/** Whether a text of single-space-separated words has more than `n` of them. */
function wordsOver(text: string, n: number): boolean {
  for (let at = text.indexOf(' '), spaces = 1; at !== -1; at = text.indexOf(' ', at + 1), spaces++) if (spaces >= n) return true;
  return false;
}
/** A label and the space after its colon; the value is the rest of the text. */
const LABEL = /^\s*(?:[-*•]\s+)?([^:：\n]{1,32}?)\s*[:：]\s*/u;

const TITLE_LABELS = new Set([
  'title', 'english title', 'original title', 'paper title', 'en title', 'title (en)', 'title en',
  '原文标题', '英文标题', '论文标题', '原标题', '标题', '英文题目', '题目', '原題', '題名', 'タイトル', '論文タイトル', '英語タイトル',
  '제목', '원제', '원제목', '영문 제목', '논문 제목', '영어 제목',
]);
const AUTHOR_LABELS = new Set(['authors', 'author', 'author(s)', '作者', '著者', '저자', '作者们']);
const VENUE_LABELS = new Set(['source', 'journal', 'venue', 'published in', 'publication', 'conference', '期刊', '来源', '会议', '出典', '掲載', '저널', '출처', '학회']);

const FIELD_LABELS = new Set([
  'abstract', 'summary', 'tldr', 'tl;dr', 'description', 'note', 'notes', 'comment', 'comments', 'keywords', 'tags', 'date',
  'published', 'submitted', 'score', 'rating', 'link', 'links', 'url', 'paper', 'papers', 'code', 'pdf', 'arxiv', 'hf',
  'huggingface', 'github', 'project', 'project page', 'website', 'why it matters', 'innovation', 'impact', 'category',
  'categories', 'ai summary', 'ai摘要', '摘要', '概要', '要約', '요약', '초록', '简介', '标签', '日期', '评分', '链接',
  '论文链接', '代码', '关键词', '分类', 'リンク', 'コード', '링크', '코드', '키워드', '발행일',
]);

export type LabelKind = 'title' | 'authors' | 'venue' | 'field' | 'other';

export function labelKind(label: string): LabelKind {
  if (TITLE_LABELS.has(label)) return 'title';
  if (AUTHOR_LABELS.has(label)) return 'authors';
  if (VENUE_LABELS.has(label)) return 'venue';
  if (FIELD_LABELS.has(label)) return 'field';
  return 'other';
}
