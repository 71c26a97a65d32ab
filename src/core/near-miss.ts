// A suggestion for a name that is not one of the known ones ("did you mean @morning?"). The core's
// messages take the finder as a parameter: the cli's (cli/near-miss.ts) loads fuse.js on first use,
// on those error paths only.

/** The known name closest to `word`, or null when none is close enough to suggest. */
export type NearMiss = (word: string, known: readonly string[]) => string | null;
