// The same papers arriving by a Hugging Face page (copied as text) and by an arXiv mail (an .eml
// holding arxiv-mailing-1.txt) become one library paper each, filled from the richest source.
import { describe, expect, it } from 'vitest';
import { mergeInto } from '../../../src/core/merge.js';
import { parseDigest } from '../../../src/core/parse/index.js';
import { sample } from './fixtures.js';
import { mail } from './mail-build.js';

// Two cards of arxiv-mailing-1.txt as the HF page shows them: the first linked to its arXiv id, the
// second with no id at all (a plain browser copy), so it can only be matched by its title.
const HF_PAGE = `new

Get trending papers in your email inbox!

Subscribe

# Daily Papers

## by [AK](https://huggingface.co/akhaliq) and the research community

Mar 17

[12](https://huggingface.co/login?next=%2Fpapers%2F2303.09406)

### [Stock Price Prediction Using Temporal Graph Model with Value Chain Data](https://huggingface.co/papers/2303.09406)

Stock price prediction is a crucial element in financial trading as it allows traders to make informed decisions.

* 2 authors
· Mar 16

[7](https://huggingface.co/login?next=%2Fpapers%2Fxxx)

### A Bayesian Derivation of the Square-Root Law of Market Impact

We show that the main empirical findings on the impact of a sequence of transactions can be recovered.

* 2 authors
· Mar 15
`;

const ARXIV_MAIL = mail(
  { From: 'no-reply@arxiv.org', To: 'me@example.org', Subject: 'q-fin daily 13 new +  crosses received', Date: 'Fri, 17 Mar 2023 00:31:14 +0000' },
  [{ type: 'text/plain', body: sample('arxiv-mailing-1.txt') }],
);

const hf = parseDigest(HF_PAGE, { file: 'hf.txt', year: 2023 });
const arxiv = parseDigest(ARXIV_MAIL, { file: 'q-fin.eml' });
const HF_INFO = { digest: 'hf', file: 'hf.txt', importedAt: '2023-03-17T08:00:00.000Z' };
const ARXIV_INFO = { digest: 'arxiv', file: 'q-fin.eml', importedAt: '2023-03-17T09:00:00.000Z' };

describe('merge: HF page text and arXiv mail', () => {
  it('parses both sides (sanity)', () => {
    expect(hf.format).toBe('hf-page');
    expect(hf.papers.map((p) => p.upvotes)).toEqual([12, 7]);
    expect(arxiv.format).toBe('eml');
    expect(arxiv.papers).toHaveLength(16);
  });

  for (const order of ['HF first', 'arXiv first'] as const) {
    it(`keeps one paper per arXiv id or title, with every source (${order})`, () => {
      const [first, firstInfo, second, secondInfo] = order === 'HF first' ? [hf, HF_INFO, arxiv, ARXIV_INFO] : [arxiv, ARXIV_INFO, hf, HF_INFO];
      const library = mergeInto(mergeInto([], first.papers, firstInfo).papers, second.papers, secondInfo).papers;
      expect(library).toHaveLength(16);

      const stock = library.find((p) => p.arxivId === '2303.09406')!;
      expect(stock.sightings.map((s) => s.file).sort()).toEqual(['hf.txt', 'q-fin.eml']);
      expect(stock.upvotes).toBe(12); // from HF
      expect(stock.authors).toEqual(['Chang Liu', 'Sandra Paterlini']); // from arXiv
      expect(stock.categories).toEqual(['q-fin.ST', 'cs.LG', 'q-fin.CP']);
      expect(stock.abstract.endsWith('the predictions outperform baseline models on both datasets.')).toBe(true); // the full abstract

      // matched by normalised title alone: the arXiv id is learned from the mail
      const bayes = library.filter((p) => p.arxivId === '2303.08867');
      expect(bayes).toHaveLength(1);
      expect(bayes[0]!.sightings).toHaveLength(2);
      expect(bayes[0]!.upvotes).toBe(7);
      expect(bayes[0]!.authors).toEqual(['Louis Saddier', 'Matteo Marsili']);
      expect(bayes[0]!.comments).toBe('16 pages, 5 figures');
      expect([bayes[0]!.id, ...bayes[0]!.aliases]).toContain('2303.08867');
    });
  }
});
