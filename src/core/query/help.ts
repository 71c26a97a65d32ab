// `papers help query`: the query language as users read it. Keep in step with parse.ts and the README.

export const QUERY_HELP = `The query language (papers search QUERY, papers list -q QUERY, the UI's search box)

A query is a list of terms separated by spaces. A paper must match every term,
in any order. Case and accents never matter.

Words
  attention         fuzzy: the word, words it begins (3+ letters: "transf" finds
                    transformer), and close spellings (4+ letters: "atention",
                    "protien desing"; one typo, two from 8 letters, three
                    from 12) when the word itself is absent or rare next to
                    them. Looked for in the title and the abstract;
                    title matches rank above abstract matches, exact above fuzzy.
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
  tag:NAME          the paper has this tag (user or virtual)
  id:2503.01        the paper id, an alias or the arXiv id starts with this
  since:2025-03-01  seen in a digest dated on or after the day; since:2025-03
                    and since:2025 mean the first day of the month / year
  until:2025-03     seen in a digest dated on or before the day; until:2025-03
                    and until:2025 mean the last day of the month / year
  since:7d          relative days too: today, yesterday, 7d (days ago), 2w
                    (weeks ago)
  has:code          has a code link; also has:project, has:dataset, has:note,
                    has:abstract

An empty query matches every paper. A word with no letters or digits (such as
"&") is ignored. To search for text that looks like a field (foo:bar), put it in
quotes: "foo:bar".

Examples
  papers search "protien desing"              typos forgiven
  papers search 'linear attention -quantization'
  papers search 'title:"state space" | mamba since:2025-01 has:code'
  papers list -q '+to-read -tag:read'

Malformed queries (an unclosed quote, since:notadate, an unknown field, a
dangling |) are refused with exit status 2 and a caret under the offending token.
`;
