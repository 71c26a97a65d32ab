// LaTeX leftovers in abstracts and author names turned into plain, readable text.
// One left-to-right scan (plus a few linear regex passes for backslash-stripped leftovers), so the
// time is linear in the input whatever it holds.

/** Accent commands and the combining mark each one puts on the next letter. */
const ACCENTS = new Map<string, string>(Object.entries({
  '"': '\u0308', "'": '\u0301', '`': '\u0300', '^': '\u0302', '~': '\u0303', '=': '\u0304', '.': '\u0307',
  c: '\u0327', k: '\u0328', H: '\u030b', v: '\u030c', u: '\u0306', r: '\u030a', d: '\u0323', b: '\u0331',
}));

/** Letter-named commands that stand for one character, in or out of math. */
const SYMBOLS = new Map<string, string>(Object.entries({
  // letters
  l: 'ł', L: 'Ł', o: 'ø', O: 'Ø', ss: 'ß', ae: 'æ', AE: 'Æ', oe: 'œ', OE: 'Œ', aa: 'å', AA: 'Å', i: 'ı', j: 'ȷ',
  // greek
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', zeta: 'ζ', eta: 'η', theta: 'θ',
  vartheta: 'ϑ', iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π', varpi: 'ϖ', rho: 'ρ',
  varrho: 'ϱ', sigma: 'σ', varsigma: 'ς', tau: 'τ', upsilon: 'υ', phi: 'φ', varphi: 'φ', chi: 'χ', psi: 'ψ',
  omega: 'ω', Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Xi: 'Ξ', Pi: 'Π', Sigma: 'Σ', Upsilon: 'Υ',
  Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω',
  // relations and operators
  sim: '∼', approx: '≈', simeq: '≃', cong: '≅', equiv: '≡', propto: '∝', neq: '≠', ne: '≠', le: '≤', leq: '≤',
  ge: '≥', geq: '≥', ll: '≪', gg: '≫', lesssim: '≲', gtrsim: '≳', times: '×', cdot: '·', cdots: '⋯', ldots: '…',
  dots: '…', pm: '±', mp: '∓', div: '÷', ast: '∗', star: '⋆', circ: '∘', bullet: '•', infty: '∞', partial: '∂',
  nabla: '∇', sum: '∑', prod: '∏', int: '∫', sqrt: '√', in: '∈', notin: '∉', subset: '⊂', subseteq: '⊆',
  supset: '⊃', cup: '∪', cap: '∩', emptyset: '∅', forall: '∀', exists: '∃', neg: '¬', land: '∧', lor: '∨',
  to: '→', rightarrow: '→', leftarrow: '←', Rightarrow: '⇒', Leftarrow: '⇐', leftrightarrow: '↔',
  Leftrightarrow: '⇔', mapsto: '↦', uparrow: '↑', downarrow: '↓', ell: 'ℓ', hbar: 'ħ', prime: '′', deg: '°',
  degree: '°', langle: '⟨', rangle: '⟩', lfloor: '⌊', rfloor: '⌋', lceil: '⌈', rceil: '⌉', mid: '|',
  vert: '|', Vert: '‖', perp: '⊥', parallel: '∥', top: '⊤', dagger: '†', S: '§', P: '¶', copyright: '©',
  textregistered: '®', texttrademark: '™', euro: '€', pounds: '£', textbackslash: '\\', textasciitilde: '~',
  textless: '<', textgreater: '>', textbar: '|', textendash: '–', textemdash: '—', LaTeX: 'LaTeX', TeX: 'TeX',
}));

/** Commands that only change the look of what follows (or are spacing): dropped with the spaces after them. */
const NO_OPS = new Set([
  'em', 'it', 'bf', 'sc', 'tt', 'sl', 'rm', 'sf', 'md', 'up', 'normalfont', 'itshape', 'bfseries', 'scshape',
  'ttfamily', 'rmfamily', 'sffamily', 'upshape', 'mdseries', 'slshape', 'tiny', 'scriptsize', 'footnotesize',
  'small', 'normalsize', 'large', 'Large', 'LARGE', 'huge', 'Huge', 'left', 'right', 'big', 'Big', 'bigg', 'Bigg',
  'bigl', 'bigr', 'Bigl', 'Bigr', 'displaystyle', 'textstyle', 'scriptstyle', 'limits', 'nolimits', 'quad', 'qquad',
  'noindent', 'par', 'relax', 'protect', 'xspace', 'newline', 'linebreak', 'centering', 'hfill', 'vfill',
  // wrappers whose argument is plain text: the braces that follow are dropped like any group
  'emph', 'textit', 'textbf', 'textsc', 'texttt', 'textsl', 'textrm', 'textsf', 'textup', 'textnormal', 'text',
  'mathrm', 'mathbf', 'mathit', 'mathsf', 'mathtt', 'mathcal', 'mathbb', 'mathfrak', 'mathscr', 'boldsymbol',
  'bm', 'operatorname', 'mbox', 'hbox', 'url', 'underline', 'overline', 'mathnormal', 'textmd', 'uppercase',
  'hat', 'bar', 'tilde', 'vec', 'dot', 'ddot', 'widehat', 'widetilde',
]);

/** Commands whose first brace argument is not text (a colour, a label...): command and argument dropped. */
const DROP_FIRST_ARG = new Set(['color', 'textcolor', 'colorbox', 'label', 'ref', 'eqref', 'cite', 'citep', 'citet', 'vspace', 'hspace', 'footnote', 'thanks', 'index']);

/** Characters that a backslash escapes into themselves. */
const ESCAPED = new Set(['%', '&', '_', '#', '$', '{', '}', '@', '/', '|', '<', '>']);

const MAX_GROUP = 400;
const MAX_DEPTH = 4;

function isAsciiLetter(c: string | undefined): boolean {
  return c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
}

/** For each `{` of `s`, the index just past its matching `}` (or -1): one pass with a stack, backslash escapes skipped. */
function braceMatches(s: string): Int32Array {
  const match = new Int32Array(s.length).fill(-1);
  const stack = new Int32Array(s.length);
  let top = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 92 /* \\ */) i++;
    else if (c === 123 /* { */) stack[top++] = i;
    else if (c === 125 /* } */ && top > 0) match[stack[--top]!] = i + 1;
  }
  return match;
}

/** The index just past the group `{...}` starting at `start` (which must be '{'), or -1 when it does not close within MAX_GROUP. */
function groupEnd(s: string, start: number, scan: Scan): number {
  if (s[start] !== '{') return -1;
  scan.match ??= braceMatches(s);
  const end = scan.match[start] ?? -1;
  return end !== -1 && end - start <= MAX_GROUP ? end : -1;
}

/** `s.indexOf(ch, from)`, but only looking `max` characters ahead. */
function indexWithin(s: string, ch: string, from: number, max: number): number {
  const limit = Math.min(s.length, from + max);
  for (let i = from; i < limit; i++) if (s[i] === ch) return i;
  return -1;
}

function skipSpaces(s: string, i: number): number {
  while (s[i] === ' ' || s[i] === '\t') i++;
  return i;
}

/** Whether the unescaped `$` signs are math delimiters: yes unless every one is followed by a digit ("$5M and $10M"). */
function dollarsAreMath(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === '$' && !/[0-9]/.test(s[i + 1] ?? '')) return true;
  }
  return false;
}

interface Scan {
  depth: number;
  /** Brace matches of the string this scan is over, computed when first needed. */
  match?: Int32Array;
}

/** ASCII characters the scan must look at; everything else is copied in runs. */
const SPECIAL = new Uint8Array(128);
for (const c of '\\{}$`\'"-') SPECIAL[c.charCodeAt(0)] = 1;

function convert(s: string, scan: Scan): string {
  const out: string[] = [];
  // For each open brace: whether it is kept (the argument of ^ or _).
  const braces: boolean[] = [];
  let openQuote = false;
  let openSingle = false;
  let dollars: boolean | undefined;
  let i = 0;
  const n = s.length;
  while (i < n) {
    let run = i;
    while (run < n) {
      const code = s.charCodeAt(run);
      if (code < 128 && SPECIAL[code] === 1) break;
      run++;
    }
    if (run > i) {
      out.push(s.slice(i, run));
      i = run;
      if (i >= n) break;
    }
    const c = s[i]!;
    if (c === '\\') {
      const next = s[i + 1];
      if (next === undefined) {
        i++;
        continue;
      }
      if (isAsciiLetter(next)) {
        let j = i + 1;
        while (j < n && isAsciiLetter(s[j])) j++;
        const name = s.slice(i + 1, j);
        i = command(s, name, j, out, scan);
        continue;
      }
      // one-character commands
      const mark = ACCENTS.get(next);
      if (mark !== undefined) {
        i = accent(s, mark, i + 2, out, scan);
        continue;
      }
      if (next === '\\') {
        const after = s[i + 2];
        // `45\\%`: a backslash doubled by an escaping pass, still meaning `\%`.
        if (after !== undefined && ESCAPED.has(after)) {
          out.push(after);
          i += 3;
        } else {
          out.push(' ');
          i += 2;
        }
        continue;
      }
      if (ESCAPED.has(next)) out.push(next);
      else if (next === ' ' || next === ',' || next === ';' || next === ':') out.push(' ');
      // \( \) \[ \] \! \- and unknown ones: dropped
      i += 2;
      continue;
    }
    if (c === '{') {
      const prev = s[i - 1];
      const keep = prev === '^' || prev === '_';
      braces.push(keep);
      if (keep) out.push('{');
      i++;
      continue;
    }
    if (c === '}') {
      const keep = braces.pop();
      if (keep) out.push('}');
      i++;
      continue;
    }
    if (c === '$') {
      dollars ??= dollarsAreMath(s);
      if (dollars) {
        // `$$` counts as one delimiter
        i += s[i + 1] === '$' ? 2 : 1;
        continue;
      }
      out.push('$');
      i++;
      continue;
    }
    if (c === '`' && s[i + 1] === '`') {
      out.push('“');
      openQuote = true;
      i += 2;
      continue;
    }
    if (c === "'" && s[i + 1] === "'") {
      out.push('”');
      openQuote = false;
      i += 2;
      continue;
    }
    if (c === '`' && /[\p{L}\p{N}]/u.test(s[i + 1] ?? '')) {
      out.push('‘');
      openSingle = true;
      i++;
      continue;
    }
    if (c === "'" && openSingle) {
      out.push('’');
      openSingle = false;
      i++;
      continue;
    }
    if (c === '"' && openQuote) {
      out.push('”');
      openQuote = false;
      i++;
      continue;
    }
    if (c === '-' && s[i + 1] === '-') {
      if (s[i + 2] === '-') {
        out.push('—');
        i += 3;
        while (s[i] === '-') i++;
        continue;
      }
      const before = s[i - 1];
      const after = s[i + 2];
      // " -- " and "1--3" are LaTeX dashes; "--flag" and "a--b" are left alone.
      if ((before === ' ' && after === ' ') || (before !== undefined && after !== undefined && /[0-9]/.test(before) && /[0-9]/.test(after))) {
        out.push('–');
        i += 2;
        continue;
      }
      out.push('--');
      i += 2;
      continue;
    }
    out.push(c);
    i++;
  }
  return out.join('');
}

/** Handles `\name` whose letters end at `j`; returns where scanning resumes. */
function command(s: string, name: string, j: number, out: string[], scan: Scan): number {
  const mark = name.length === 1 ? ACCENTS.get(name) : undefined;
  if (mark !== undefined) return accent(s, mark, j, out, scan);
  const symbol = SYMBOLS.get(name);
  if (symbol !== undefined) {
    out.push(symbol);
    // `{\l}` / `\ss{}`: an empty group after a symbol is only a separator
    if (s[j] === '{' && s[j + 1] === '}') return j + 2;
    return j;
  }
  if (name === 'frac' || name === 'dfrac' || name === 'tfrac') {
    const a = readGroup(s, skipSpaces(s, j), scan);
    if (a) {
      const b = readGroup(s, skipSpaces(s, a.end), scan);
      if (b) {
        out.push(`${wrapOperand(a.text)}/${wrapOperand(b.text)}`);
        return b.end;
      }
    }
    return j;
  }
  if (name === 'sqrt') {
    out.push('√');
    const a = readGroup(s, skipSpaces(s, j), scan);
    if (a) {
      out.push(wrapOperand(a.text));
      return a.end;
    }
    return j;
  }
  if (name === 'href') {
    const url = readGroup(s, skipSpaces(s, j), scan, true);
    if (url) {
      const label = readGroup(s, skipSpaces(s, url.end), scan);
      if (label) {
        const text = label.text.trim();
        out.push(text && text !== url.text ? `${text} (${url.text})` : url.text);
        return label.end;
      }
      out.push(url.text);
      return url.end;
    }
    return j;
  }
  if (DROP_FIRST_ARG.has(name)) {
    let k = skipSpaces(s, j);
    if (s[k] === '[') {
      const close = indexWithin(s, ']', k, MAX_GROUP);
      if (close !== -1) k = close + 1;
    }
    if (s[k] === '{') {
      const end = groupEnd(s, k, scan);
      if (end !== -1) return end;
    }
    return j;
  }
  if (NO_OPS.has(name)) return skipSpaces(s, j);
  // An unknown macro (`\prjname`, `\overfeat`): its name is the best reading left; with an argument, the argument is.
  if (s[j] !== '{') out.push(name);
  return j;
}

/** `\"u`, `\"{u}`, `\c c`, `\'{\i}`: the letter with its combining mark, composed. */
function accent(s: string, mark: string, j: number, out: string[], scan: Scan): number {
  let k = j;
  // letter-named accents take a space before their letter (`\c c`); symbol ones allow it too
  if (s[k] === ' ') k++;
  let base: string | undefined;
  let end = k;
  if (s[k] === '{') {
    const close = groupEnd(s, k, scan);
    if (close !== -1 && close - k <= 6) {
      base = convert(s.slice(k + 1, close - 1), { depth: scan.depth + 1 });
      end = close;
    }
  } else if (s[k] === '\\' && (s[k + 1] === 'i' || s[k + 1] === 'j') && !isAsciiLetter(s[k + 2])) {
    base = s[k + 1];
    end = k + 2;
  } else if (s[k] !== undefined && s[k] !== '\\' && s[k] !== ' ') {
    base = String.fromCodePoint(s.codePointAt(k)!);
    end = k + base.length;
  }
  if (base === undefined || base === '') {
    // nothing to put the accent on: drop the command
    return j;
  }
  if (base === 'ı') base = 'i';
  if (base === 'ȷ') base = 'j';
  out.push((base + mark).normalize('NFC'));
  return end;
}

/** The group `{...}` at `start`, converted (or `raw`, as written), and where it ends; null when there is none. */
function readGroup(s: string, start: number, scan: Scan, raw = false): { text: string; end: number } | null {
  const end = groupEnd(s, start, scan);
  if (end === -1) return null;
  const inner = s.slice(start + 1, end - 1);
  const text = raw || scan.depth >= MAX_DEPTH ? inner : convert(inner, { depth: scan.depth + 1 });
  return { text, end };
}

function wrapOperand(text: string): string {
  const t = text.trim();
  return /^[\p{L}\p{N}.]+$/u.test(t) ? t : `(${t})`;
}

// Leftovers of LaTeX whose backslashes were stripped before the digest was written.
// Each pattern is anchored on a literal and has no nested quantifiers: linear time.

/** `{scriptsize CODE2SEQ}`, `{em word}`: a size or font switch that lost its backslash (run before braces are dropped). */
const STRIPPED_SWITCH = /\{(?:tiny|scriptsize|footnotesize|small|normalsize|large|Large|LARGE|huge|Huge|em|it|bf|sc|tt|sl|rm) ([^{}\\]{1,200})\}/g;

const RELATION_HINT = /[gl]eq? ?[0-9]|neq ?[0-9]/;
const LATEX_HINT = /[\\{}$`]|''|--/;

/** Pattern, replacement, and a literal the text must contain for the pattern to be worth running. */
const STRIPPED_AFTER: Array<[RegExp, string | ((...m: string[]) => string), string]> = [
  // `2.44times faster`, `1920times1080`, `8timesA800` (from `\times`)
  [/([0-9])times(?=[\s0-9A-Z,.;:)]|$)/g, '$1×', 'times'],
  // `kge3` (from `k\ge3`): a one-letter variable, a relation, a number
  [/\b([A-Za-z])(geq|leq|ge|le|neq)(?= ?[0-9])/g, (_m, v: string, rel: string) => `${v}${SYMBOLS.get(rel) ?? rel}`, 'RELATION'],
  // `mathcal O`, `mathbb R`
  [/\b(?:mathcal|mathbb|mathbf|mathrm|mathit|boldsymbol) ?(?=[A-Za-z{])/g, '', 'math'],
  [/\bboldsymbol ?(?=[A-Za-z{])/g, '', 'bold'],
  // `sigmaleft( ... right)`
  [/(sigma|softmax|exp|log|max|min|sum|[}0-9])left(?=[(\[|])/g, '$1', 'left'],
  [/([}0-9])right(?=[)\]|])/g, '$1', 'right'],
];

/**
 * LaTeX leftovers to plain text: escapes (`\%`), font switches (`{\em x}`), accents (`\"u` -> ü),
 * special letters (`{\l}` -> ł), quotes (``` ``x'' ``` -> “x”), dashes, and math kept readable
 * (`$\Lambda \sim 10^{-3}$` -> `Λ ∼ 10^{-3}`: symbols become Unicode, `^` and `_` stay). Also repairs
 * leftovers whose backslashes were stripped (`2.44times` -> `2.44×`, `{scriptsize X}` -> `X`).
 * Never throws; linear time.
 */
export function latexToText(s: string): string {
  if (s === '') return s;
  let text = s;
  if (text.includes('{')) text = text.replace(STRIPPED_SWITCH, '$1');
  // a lone hyphen, apostrophe or double quote needs nothing: only scan text that holds LaTeX
  if (LATEX_HINT.test(text)) text = convert(text, { depth: 0 });
  for (const [pattern, replacement, literal] of STRIPPED_AFTER) {
    const worth = literal === 'RELATION' ? RELATION_HINT.test(text) : text.includes(literal);
    if (worth) text = text.replace(pattern, replacement as string);
  }
  return text;
}
