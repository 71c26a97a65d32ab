import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classifyUrl, cleanAbstract, extractLinks, latexToText, trimUrl } from '../../src/core/text/index.js';

describe('latexToText', () => {
  it.each([
    ['45\\% of cases', '45% of cases'],
    ['a {\\em dynamical stability} b', 'a dynamical stability b'],
    ['{\\it without} and \\emph{with}', 'without and with'],
    ['\\textbf{bold} \\texttt{mono}', 'bold mono'],
    ['Aky\\"urek et al.', 'Akyürek et al.'],
    ["\\'e \\`a \\^o \\~n \\c{c} \\c c \\k{a} \\H{o} \\v{s} \\v s \\.{z} \\=a \\u{a} \\r{a}", 'é à ô ñ ç ç ą ő š š ż ā ă å'],
    ["\\'{\\i}", 'í'],
    ['{\\"u}ber', 'über'],
    ['{\\l}ukasz {\\L}{\\o}{\\O} \\ss{} {\\ae}', 'łukasz ŁøØ ß æ'],
    ["``quoted''", '“quoted”'],
    ['``lite-weight" rank', '“lite-weight” rank'],
    ["a `mountainside and ridge' view", 'a ‘mountainside and ridge’ view'],
    ['$\\Lambda \\sim 10^{-3}$', 'Λ ∼ 10^{-3}'],
    ['$O(n \\log n)$ time', 'O(n log n) time'],
    ['$\\alpha$-stable with $\\beta \\geq 2$', 'α-stable with β ≥ 2'],
    ['\\frac{1}{2} and \\sqrt{n}', '1/2 and √n'],
    ['\\frac{a+b}{2}', '(a+b)/2'],
    ['pages 1--3, a -- b, a---b', 'pages 1–3, a – b, a—b'],
    ['the --year flag', 'the --year flag'],
    ['we call \\prjname', 'we call prjname'],
    ['\\textcolor{red}{Red} text', 'Red text'],
    ['\\href{https://x.org/p}{the page}', 'the page (https://x.org/p)'],
    ['R\\&D and a\\_b', 'R&D and a_b'],
    ['\\frac{\\frac{1}{2}}{3}', '(1/2)/3'],
    ['\\color[RGB]{1,2,3}{LCLM} x', 'LCLM x'],
    ['\\frac{1 and no close', '1 and no close'],
  ])('%s', (input, expected) => {
    expect(latexToText(input)).toBe(expected);
  });

  it('cleans author names as BibTeX and arXiv write them', () => {
    expect(latexToText('M{\\"u}ller')).toBe('Müller');
    expect(latexToText("Ji\\v{r}\\'{\\i} Matou\\v{s}ek")).toBe('Jiří Matoušek');
    expect(latexToText('{\\L}ukasz Kaiser and S\\o{}ren')).toBe('Łukasz Kaiser and Søren');
    expect(latexToText('Fran\\c{c}ois Fleuret')).toBe('François Fleuret');
    expect(latexToText("O'Brien and Smith-Jones")).toBe("O'Brien and Smith-Jones");
  });

  it('keeps dollar amounts that are not math', () => {
    expect(latexToText('costs $5M and $10M')).toBe('costs $5M and $10M');
  });

  it('drops a math delimiter whose partner was lost (seed: ShiftAddViT)', () => {
    expect(latexToText('up to 5.18\\times$ latency reductions on GPUs and 42.9%$ energy savings')).toBe(
      'up to 5.18× latency reductions on GPUs and 42.9% energy savings',
    );
  });

  it.each([
    ['2.44times faster for kge3', '2.44× faster for k≥3'],
    ['1920times1080 frames', '1920×1080 frames'],
    ['8timesA800 GPUs', '8×A800 GPUs'],
    ['by 130times, while', 'by 130×, while'],
    ['a 1.6-1.8times increase', 'a 1.6-1.8× increase'],
    ['45\\\\% of', '45% of'],
    ['{scriptsize CODE2SEQ} model', 'CODE2SEQ model'],
    ['mathcal O_i(u) = sigmaleft( x right)', 'O_i(u) = sigma( x right)'],
    ['mathcal B_{ij}right). Here', 'B_{ij}). Here'],
  ])('repairs backslash-stripped leftovers: %s', (input, expected) => {
    expect(latexToText(input)).toBe(expected);
  });

  it('leaves ordinary words alone', () => {
    const text = 'Sometimes the left (and right) branches were bright; the copyright) holds for k larger than 3.';
    expect(latexToText(text)).toBe(text);
  });

  it('keeps superscripts and subscripts readable', () => {
    expect(latexToText('SAP^{2} and W_{ij}')).toBe('SAP^{2} and W_{ij}');
  });

  it('never throws and is idempotent on its own output for arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('\\', '{', '}', '$', '`', "'", '"', '-', 'a', 'e', 'l', 'times', ' ', '^', '_', 'c', 'frac', 'href', '%') }), (s) => {
        const out = latexToText(s);
        expect(typeof out).toBe('string');
      }),
    );
  });
});

describe('cleanAbstract', () => {
  it('joins hard wraps into one paragraph', () => {
    expect(cleanAbstract('We propose a\nmethod that\n  works.')).toBe('We propose a method that works.');
  });

  it('joins a word broken after its hyphen without a space', () => {
    expect(cleanAbstract('state-of-the-\nart results')).toBe('state-of-the-art results');
  });

  it('removes markdown hard breaks at line ends', () => {
    expect(cleanAbstract('first line\\\\\nsecond line\\\nthird')).toBe('first line second line third');
  });

  it("removes arXiv's {this https URL} stubs, glued or not", () => {
    expect(cleanAbstract('Code is available at https://github.com/wenyudu/MIGU{this https URL}.')).toBe(
      'Code is available at https://github.com/wenyudu/MIGU.',
    );
    expect(cleanAbstract('Code at {this https URL}. More')).toBe('Code at. More');
    expect(cleanAbstract('see this http URL and more')).toBe('see and more');
  });

  it('drops a link label glued to its URL but keeps braces elsewhere', () => {
    expect(cleanAbstract('accessible https://anonymous.4open.science/r/TangleNAS-527C{here}')).toBe('accessible https://anonymous.4open.science/r/TangleNAS-527C');
  });

  it('drops labels glued to each of several URLs in one token', () => {
    expect(cleanAbstract('at https://a.org/x{here}https://b.org/y{link}, see also {here}')).toBe('at https://a.org/xhttps://b.org/y, see also here');
  });

  it('normalises NBSP, zero-width characters and runs of white space', () => {
    expect(cleanAbstract('a\u00a0b\u200b c\t\t d\u202fe  ')).toBe('a b c d e');
  });

  it('applies latexToText', () => {
    expect(cleanAbstract('up to 45\\% with {\\em less}')).toBe('up to 45% with less');
  });

  it('never throws on arbitrary text and leaves no line breaks or runs of spaces', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('\\', '{', '}', '$', 'this https URL', '\n', '\r\n', ' ', '\u00a0', '\u200b', 'a', '-', 'http://x.org', '{here}', '``', "''") }), (s) => {
        const out = cleanAbstract(s);
        expect(out).not.toMatch(/[\r\n\u00a0\u200b]|  |^ | $/);
      }),
    );
  });

  it('is empty for empty or blank input', () => {
    expect(cleanAbstract('')).toBe('');
    expect(cleanAbstract(' \n \n')).toBe('');
  });
});

describe('extractLinks', () => {
  it('finds a URL without the sentence period (seed: MixtureGrowth)', () => {
    expect(extractLinks('Code is available at https://github.com/chaudatascience/mixturegrowth.')).toEqual([
      { url: 'https://github.com/chaudatascience/mixturegrowth', kind: 'code' },
    ]);
  });

  it('finds URLs written without a scheme and adds https://', () => {
    expect(extractLinks('found at github.com/jacobdunefsky/ObservablePropagation. Also www.example.org, and me.github.io/p')).toEqual([
      { url: 'https://github.com/jacobdunefsky/ObservablePropagation', kind: 'code' },
      { url: 'https://www.example.org', kind: 'project' },
      { url: 'https://me.github.io/p', kind: 'project' },
    ]);
  });

  it('does not take words with dots for links', () => {
    expect(extractLinks('e.g. the model.py file, i.e. github.com alone, or x.y')).toEqual([]);
  });

  it('strips trailing punctuation and unbalanced closing brackets but keeps balanced ones', () => {
    expect(extractLinks('(see https://x.org/a),')).toEqual([{ url: 'https://x.org/a', kind: 'project' }]);
    expect(extractLinks('https://en.wikipedia.org/wiki/Foo_(bar).')[0]?.url).toBe('https://en.wikipedia.org/wiki/Foo_(bar)');
    expect(extractLinks('[code](https://github.com/a/b)')[0]?.url).toBe('https://github.com/a/b');
    expect(extractLinks('"https://github.com/a/b"; and “https://x.org/q”')).toHaveLength(2);
  });

  it('stops at a brace glued to the URL', () => {
    expect(extractLinks('https://github.com/wenyudu/MIGU{this https URL}')[0]?.url).toBe('https://github.com/wenyudu/MIGU');
  });

  it('lists each URL once', () => {
    expect(extractLinks('https://github.com/a/b and https://github.com/a/b/ again')).toHaveLength(1);
  });

  it.each([
    ['https://github.com/owner/repo', 'code'],
    ['https://gitlab.com/g/p', 'code'],
    ['https://bitbucket.org/a/b', 'code'],
    ['https://anonymous.4open.science/r/X', 'code'],
    ['https://huggingface.co/datasets/OpenFace-CQUPT/FaceCaption-15M', 'dataset'],
    ['https://zenodo.org/records/1', 'dataset'],
    ['https://www.kaggle.com/datasets/a/b', 'dataset'],
    ['https://huggingface.co/spaces/a/demo', 'project'],
    ['https://techmonsterwang.github.io/LiT/', 'project'],
    ['https://my-lab.org/project', 'project'],
    ['https://arxiv.org/abs/2503.01234', 'other'],
    ['https://doi.org/10.1/x', 'other'],
    ['https://huggingface.co/meta-llama/Llama-3', 'other'],
    ['https://example.org/paper.pdf', 'other'],
  ] as const)('classifies %s as %s', (url, kind) => {
    expect(classifyUrl(url)).toBe(kind);
  });

  it('trimUrl keeps the URL when nothing trails it', () => {
    expect(trimUrl('https://a.org/x')).toBe('https://a.org/x');
    expect(trimUrl('https://a.org/x).')).toBe('https://a.org/x');
  });

  it('never throws on arbitrary text and every link has a scheme and a dotted host', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('h', 't', 'p', 's', ':', '/', '.', 'github', 'com', 'www', ' ', '(', ')', '{', '}', 'a', '-', '@') }), (s) => {
        for (const link of extractLinks(s)) {
          expect(link.url).toMatch(/^https?:\/\/[^/\s]*\.[^/\s]/);
        }
      }),
    );
  });
});
