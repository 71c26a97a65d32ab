// Hand-written feeds after FORMATS.md section 4 (there is no real sample): the shapes of
// rss.arxiv.org RSS 2.0 and Atom and of an export.arxiv.org/api/query response.
import { describe, expect, it } from 'vitest';
import { arxivFeed } from '../../../src/core/parse/arxiv-feed.js';

const RSS = `<?xml version='1.0' encoding='UTF-8'?>
<rss xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" version="2.0">
  <channel>
    <title>cs.AI updates on arXiv.org</title>
    <link>http://rss.arxiv.org/rss/cs.AI</link>
    <description>cs.AI updates on the arXiv.org e-print archive.</description>
    <atom:link href="https://rss.arxiv.org/rss/cs.AI" rel="self" type="application/rss+xml"/>
    <docs>http://www.rssboard.org/rss-specification</docs>
    <language>en-us</language>
    <lastBuildDate>Thu, 18 Sep 2025 00:00:00 -0400</lastBuildDate>
    <managingEditor>rss-help@arxiv.org</managingEditor>
    <pubDate>Thu, 18 Sep 2025 00:00:00 -0400</pubDate>
    <skipDays>
      <day>Saturday</day>
      <day>Sunday</day>
    </skipDays>
    <item>
      <title>Agents &amp; Tools: A Survey of $\\alpha$-Planning</title>
      <link>https://arxiv.org/abs/2509.12345</link>
      <description>arXiv:2509.12345v1 Announce Type: new 
Abstract: We survey agents that use tools, with code at https://github.com/x/agents. Results improve by 5\\% &lt;sic&gt;.</description>
      <guid isPermaLink="false">oai:arXiv.org:2509.12345v1</guid>
      <category>cs.AI</category>
      <category>cs.CL</category>
      <pubDate>Thu, 18 Sep 2025 00:00:00 -0400</pubDate>
      <arxiv:announce_type>new</arxiv:announce_type>
      <dc:rights>http://creativecommons.org/licenses/by/4.0/</dc:rights>
      <dc:creator>Ren\\'e Dupont, Ana Mu\\~noz, Bo Li</dc:creator>
    </item>
    <item>
      <title>Revisited Results</title>
      <link>https://arxiv.org/abs/2401.00001</link>
      <description>arXiv:2401.00001v3 Announce Type: replace-cross  Abstract: A <![CDATA[<b>bold</b>]]> claim.</description>
      <guid isPermaLink="false">oai:arXiv.org:2401.00001v3</guid>
      <category>cs.LG</category>
      <pubDate>Thu, 18 Sep 2025 00:00:00 -0400</pubDate>
      <arxiv:announce_type>replace-cross</arxiv:announce_type>
      <dc:rights>http://arxiv.org/licenses/nonexclusive-distrib/1.0/</dc:rights>
      <arxiv:DOI>10.1000/xyz123</arxiv:DOI>
      <arxiv:journal_reference>J. Tests 1 (2025) 1-2</arxiv:journal_reference>
      <dc:creator>Solo Author</dc:creator>
    </item>
  </channel>
</rss>
`;

const ATOM = `<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom" xml:lang="en-us">
  <id>http://rss.arxiv.org/atom/cs.AI</id>
  <title>cs.AI updates on arXiv.org</title>
  <updated>2025-09-18T04:00:00.000Z</updated>
  <link href="https://rss.arxiv.org/atom/cs.AI" rel="self" type="application/atom+xml"/>
  <entry>
    <id>oai:arXiv.org:2509.22222v1</id>
    <title>Cross Listed Work</title>
    <updated>2025-09-18T04:00:00.000Z</updated>
    <link href="https://arxiv.org/abs/2509.22222" rel="alternate" type="text/html"/>
    <summary>arXiv:2509.22222v1 Announce Type: cross 
Abstract: Short abstract.</summary>
    <category term="cs.AI" scheme="http://arxiv.org/schemas/atom"/>
    <category term="stat.ML" scheme="http://arxiv.org/schemas/atom"/>
    <published>2025-09-18T00:00:00-04:00</published>
    <arxiv:announce_type>cross</arxiv:announce_type>
    <rights>http://creativecommons.org/licenses/by/4.0/</rights>
    <author>
      <name>Jane Roe</name>
    </author>
    <author>
      <name>John Doe</name>
    </author>
  </entry>
</feed>
`;

const API = `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <link href="http://arxiv.org/api/query?search_query%3Dall%3Aelectron" rel="self" type="application/atom+xml"/>
  <title type="html">ArXiv Query: search_query=all:electron&amp;id_list=&amp;start=0&amp;max_results=1</title>
  <id>http://arxiv.org/api/cHxbiOdZaP56ODnBPIenZhzg5f8</id>
  <updated>2025-09-18T00:00:00-04:00</updated>
  <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">1</opensearch:totalResults>
  <opensearch:startIndex xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">0</opensearch:startIndex>
  <opensearch:itemsPerPage xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">1</opensearch:itemsPerPage>
  <entry>
    <id>http://arxiv.org/abs/hep-ex/0307015v2</id>
    <updated>2003-07-20T12:00:00Z</updated>
    <published>2003-07-07T13:46:39-04:00</published>
    <title>Multi-Electron Production at High Transverse Momenta in ep Collisions at
  HERA</title>
    <summary>  Multi-electron production is studied at high electron transverse momentum
in positron- and electron-proton collisions using the H1 detector at HERA.
</summary>
    <author>
      <name>H1 Collaboration</name>
    </author>
    <author>
      <name>Fr\\'ed\\'eric Example</name>
      <arxiv:affiliation xmlns:arxiv="http://arxiv.org/schemas/atom">Somewhere</arxiv:affiliation>
    </author>
    <arxiv:doi xmlns:arxiv="http://arxiv.org/schemas/atom">10.1140/epjc/s2003-01326-x</arxiv:doi>
    <link title="doi" href="http://dx.doi.org/10.1140/epjc/s2003-01326-x" rel="related"/>
    <arxiv:comment xmlns:arxiv="http://arxiv.org/schemas/atom">23 pages, 8 figures and 4 tables</arxiv:comment>
    <arxiv:journal_ref xmlns:arxiv="http://arxiv.org/schemas/atom">Eur.Phys.J. C31 (2003) 17-29</arxiv:journal_ref>
    <link href="http://arxiv.org/abs/hep-ex/0307015v2" rel="alternate" type="text/html"/>
    <link title="pdf" href="http://arxiv.org/pdf/hep-ex/0307015v2" rel="related" type="application/pdf"/>
    <arxiv:primary_category xmlns:arxiv="http://arxiv.org/schemas/atom" term="hep-ex" scheme="http://arxiv.org/schemas/atom"/>
    <category term="hep-ex" scheme="http://arxiv.org/schemas/atom"/>
    <category term="H.3.3" scheme="http://arxiv.org/schemas/atom"/>
  </entry>
</feed>
`;

describe('arxiv-feed: RSS 2.0', () => {
  const result = arxivFeed.parse(RSS, { file: 'cs.AI.rss' });

  it('reads each item: id and version, announce type, abstract, authors, categories', () => {
    expect(result.diagnostics).toEqual([]);
    expect(result.papers).toHaveLength(2);
    expect(result.papers[0]).toMatchObject({
      id: '2509.12345',
      version: 1,
      announceType: 'new',
      title: 'Agents & Tools: A Survey of α-Planning',
      abstract: 'We survey agents that use tools, with code at https://github.com/x/agents. Results improve by 5% <sic>.',
      abstractKind: 'abstract',
      authors: ['René Dupont', 'Ana Muñoz', 'Bo Li'],
      categories: ['cs.AI', 'cs.CL'],
      date: '2025-09-18',
      links: [{ url: 'https://github.com/x/agents', kind: 'code' }],
      source: { file: 'cs.AI.rss', line: 17 },
    });
  });

  it('maps replace-cross to replace and reads DOI, journal reference, CDATA, the collapsed "new  Abstract:"', () => {
    expect(result.papers[1]).toMatchObject({ id: '2401.00001', version: 3, announceType: 'replace', doi: '10.1000/xyz123', journalRef: 'J. Tests 1 (2025) 1-2', abstract: 'A <b>bold</b> claim.', authors: ['Solo Author'] });
  });
});

describe('arxiv-feed: Atom feed', () => {
  it('reads entries with oai ids, category terms and authors', () => {
    const result = arxivFeed.parse(ATOM, { file: 'cs.AI.atom' });
    expect(result.papers).toEqual([
      expect.objectContaining({ id: '2509.22222', version: 1, announceType: 'cross', title: 'Cross Listed Work', abstract: 'Short abstract.', categories: ['cs.AI', 'stat.ML'], authors: ['Jane Roe', 'John Doe'], date: '2025-09-18', source: { file: 'cs.AI.atom', line: 7 } }),
    ]);
  });
});

describe('arxiv-feed: arXiv API response', () => {
  it('reads id, version, wrapped title, summary, authors, comment, journal ref, DOI, primary category first', () => {
    const result = arxivFeed.parse(API, { file: 'api.xml' });
    expect(result.diagnostics).toEqual([]);
    expect(result.papers[0]).toMatchObject({
      id: 'hep-ex/0307015',
      version: 2,
      announceType: null,
      title: 'Multi-Electron Production at High Transverse Momenta in ep Collisions at HERA',
      abstract: 'Multi-electron production is studied at high electron transverse momentum in positron- and electron-proton collisions using the H1 detector at HERA.',
      authors: ['H1 Collaboration', 'Frédéric Example'],
      comments: '23 pages, 8 figures and 4 tables',
      journalRef: 'Eur.Phys.J. C31 (2003) 17-29',
      doi: '10.1140/epjc/s2003-01326-x',
      categories: ['hep-ex', 'H.3.3'],
      date: '2003-07-07',
    });
  });

  it('turns an API error entry into an error diagnostic', () => {
    const error = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/api/errors#incorrect_id_format_for_1234</id><title>Error</title><summary>incorrect id format for 1234</summary></entry></feed>`;
    const result = arxivFeed.parse(error, { file: 'api.xml' });
    expect(result.papers).toEqual([]);
    expect(result.diagnostics[0]).toMatchObject({ severity: 'error', message: expect.stringContaining('incorrect id format for 1234') });
  });

  it('says an empty weekend feed has no entries', () => {
    const result = arxivFeed.parse('<rss version="2.0"><channel><title>cs.AI updates on arXiv.org</title></channel></rss>', { file: 'x.rss' });
    expect(result.diagnostics[0]).toMatchObject({ severity: 'error', message: expect.stringContaining('no entries') });
  });
});
