// Saved searches (the config's `searches:`) in the UI: `@` then 1-9 runs one of the first nine,
// setting the filter to `@name` so that it shows, and can be edited, like a typed query. Pure.
import type { UiConfig } from './adapters.js';

export type Searches = NonNullable<UiConfig['searches']>;

/** The saved searches @1-@9 run: the first nine names, in the order `papers searches` lists them. */
export function savedSearchSlots(searches: Searches | undefined): string[] {
  return Object.keys(searches ?? {})
    .sort()
    .slice(0, 9);
}

/** The line after `@`: the nine keys, and how to run the others. */
export function pickerLine(searches: Searches | undefined): string {
  const more = Object.keys(searches ?? {}).length - 9;
  return `run saved search: ${slotList(savedSearchSlots(searches))}${more > 0 ? ` · ${more} more by name: / @name` : ''}`;
}

export const NO_SAVED_SEARCHES = "no saved searches yet: add them under searches: in the config file ('papers config path' names it, 'papers searches --help' shows how)";

/** The saved search the filter is, when it is exactly one (`@name`); null otherwise. */
export function activeSavedSearch(query: string, searches: Searches | undefined): { name: string; query: string } | null {
  const name = /^@([^\s]+)$/.exec(query.trim())?.[1];
  return name !== undefined && searches && Object.hasOwn(searches, name) ? { name, query: searches[name]! } : null;
}

/** "1 @mine  2 @morning": the picker after `@`, and the help's row. */
export function slotList(names: readonly string[], separator = '  '): string {
  return names.map((name, i) => `${i + 1} @${name}`).join(separator);
}
