// The parsers' version on its own, so that code which only compares it (a library's database)
// does not load the parsers.

/**
 * Bump whenever any parser reads some digest differently: a library then re-reads its kept raw
 * digests once (keeping every id already shown), so old imports get the new reading.
 */
export const PARSER_VERSION = 1;
