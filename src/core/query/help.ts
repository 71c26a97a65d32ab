// `papers help query`: the query language as users read it. Keep in step with parse.ts and the README.

export const QUERY_HELP = `The query language (papers search QUERY, papers list -q QUERY,
papers export -q QUERY, rules, the UI's search box)

A query is a list of terms separated by spaces. A paper must match every term,
in any order. Case and accents never matter.

Words
  attention         fuzzy: the word, words it begins (3+ letters: "transf" finds
                    transformer), and close spellings (4+ letters: "atention",
                    "protien desing"). The typo rule: a word of 4+ letters that
                    no paper has finds every word within one edit of it (two
                    from 8 letters, three from 12; swapping two neighbouring
                    letters is one edit). Looked for in the title, the authors
                    and the abstract; title matches rank above author matches
                    above abstract matches, exact above prefix above typo.
  'bert             exactly this word: no typos, no longer words ("bert", not
                    "roberta" or "bart").
  "linear attention"
                    exact phrase: these words, adjacent, in this order.
  self-attention    a word with inner punctuation is a phrase ("self attention").

Either
  diffusion | flow  either term (as in fzf). "|" binds tighter than the spaces:
                    "video diffusion | flow" means video AND (diffusion OR flow).

Excluding
  -quantization     leave out papers containing the word, or a word it begins
  !quantization     ("-quantiz" drops quantized and quantization). Exclusions
                    never guess at typos, so they drop only what you typed.
  -"phrase"  -'word  -title:word  -has:code  -tag:read  ...
                    "-" (or "!") in front of any term negates it.

Tags
  +to-read          papers tagged to-read. Same as tag:to-read.
  -tag:read         papers NOT tagged read. (Write -tag:NAME, not -NAME: a bare
                    "-word" always excludes a word of the text.)
  +new  +seen  +untriaged
                    virtual tags: from the latest import; seen in more than one
                    digest; not tagged yet.

Fields
  title:diffusion   the word in the title only (fuzzy; also title:"a phrase",
                    title:'word)
  abstract:benchmark
                    the word in the abstract only
  author:dao        any author; a surname or a full name, case and accents
  author:"Tri Dao"  folded ("muller" finds Müller), typos forgiven as for
  author:"de la Cruz"  words (one word only; a quoted name is exact)
  cat:cs.CL         arXiv category, primary or cross-list
  cat:cs            the whole archive (cs.CL, cs.LG, ...)
  cat:cs.CL!        primary category only
  venue:NeurIPS     the venue line, where the digest gives one (Scholar alerts)
  upvotes:>=50      Hugging Face upvotes; also >50, <10, <=10, =0 (upvotes:50
                    means >=50)
  tag:NAME          the paper has this tag (user or virtual)
  id:2503.01        the paper id, an alias or the arXiv id starts with this
  since:2025-03-01  seen in a digest dated on or after the day
  until:2025-03     seen in a digest dated on or before the day
  has:code          has a code link; also has:project, has:dataset, has:note,
                    has:abstract, has:authors

Dates (since:, until:, and the --since/--until flags of every command)
  2025-03-12        that day
  2025-03  2025     the month / year: its first day for since:, its last day
                    for until:
  today  yesterday  relative to today, which is your computer's local date
  7d  2w  3m        days, weeks, months ago

Saved searches
  @mine             the query saved as "mine" under searches: in the config
                    file ('papers searches' lists them), as if typed here:
                    papers list -q '@mine -video'. Also -@mine and @a | @b.
                    An unknown name, or a saved search that names itself, is
                    an error.

An empty query matches every paper. A word with no letters or digits (such as
"&") is ignored. To search for text that looks like a field (foo:bar), put it in
quotes: "foo:bar".

Examples
  papers search "protien desing"              typos forgiven
  papers search 'linear attention -quantization'
  papers search 'title:"state space" | mamba since:2025-01 has:code'
  papers list -q '+to-read -tag:read'
  papers list -q 'author:meneghetti cat:astro-ph'
  papers search '@mine since:7d'

Malformed queries (an unclosed quote, since:notadate, an unknown field, a
dangling |) are refused with exit status 2 and a caret under the offending token.
`;
