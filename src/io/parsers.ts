// The digest parsers (src/core/parse: markdown-it, htmlparser2 and the readers over them), loaded
// on first need: the bundle keeps them in a chunk of their own, so a run that parses nothing (the
// version, a listing of the bundled seed or of a library whose database is current) never loads
// them. What may parse loads them first (loadParsers), then reads them synchronously (parsers).
type Parsers = typeof import('../core/parse/index.js');

let loaded: Parsers | undefined;

export async function loadParsers(): Promise<Parsers> {
  return (loaded ??= await import('../core/parse/index.js'));
}

/** The parsers, once loadParsers has run. */
export function parsers(): Parsers {
  if (!loaded) throw new Error('the digest parsers were used before they were loaded (loadParsers)');
  return loaded;
}
