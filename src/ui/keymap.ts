// Every key of the UI as data: which action it sends in which mode. The same table draws the
// `?` help and the footer hints, so what the screen says is what the keys do.
import type { UiConfig } from './adapters.js';
import { SORT_CYCLE, type Action, type Mode, type SortMode } from './state.js';
import type { Layout } from './layout.js';
import { NO_SAVED_SEARCHES, savedSearchSlots, slotList } from './saved-searches.js';

const SORT_NAMES: Record<SortMode, string> = { library: 'library order (best match while filtering)', interest: 'interest', date: 'newest', upvotes: 'most upvoted' };

/** A key press as Ink reports it (the subset the UI reads). */
export interface KeyEvent {
  input: string;
  upArrow?: boolean;
  downArrow?: boolean;
  leftArrow?: boolean;
  rightArrow?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
  home?: boolean;
  end?: boolean;
  return?: boolean;
  escape?: boolean;
  ctrl?: boolean;
  meta?: boolean;
  tab?: boolean;
  backspace?: boolean;
  delete?: boolean;
}

type Special = 'upArrow' | 'downArrow' | 'pageUp' | 'pageDown' | 'home' | 'end' | 'return' | 'escape' | 'tab' | 'backspace' | 'delete';

/** One way to press a binding: a character (with ctrl or not), or a named key. */
export type KeySpec = { char: string; ctrl?: boolean } | { special: Special };

/** A footer hint: priority 1 is always shown (help, quit), 3 is dropped first when the line is narrow. */
export interface Hint {
  text: string;
  priority: 1 | 2 | 3;
}

export interface Binding {
  keys: KeySpec[];
  /** How the help shows the keys, e.g. "j ↓". */
  label: string;
  help: string;
  /** For the footer; bindings without one are only in the help. */
  hint?: Hint;
  group: 'move' | 'filter' | 'mark' | 'tag' | 'other';
  action: (event: KeyEvent) => Action;
}

const ch = (char: string, ctrl = false): KeySpec => ({ char, ctrl });
const sp = (special: Special): KeySpec => ({ special });
const is = (action: Action) => () => action;
const hint = (text: string, priority: Hint['priority']): Hint => ({ text, priority });

export const LIST_BINDINGS: readonly Binding[] = [
  { keys: [ch('j'), sp('downArrow')], label: 'j ↓', help: 'next paper', hint: hint('j/k move', 3), group: 'move', action: is({ type: 'move', by: 1 }) },
  { keys: [ch('k'), sp('upArrow')], label: 'k ↑', help: 'previous paper', group: 'move', action: is({ type: 'move', by: -1 }) },
  { keys: [ch('n')], label: 'n', help: 'next untriaged paper (from the top again after the last)', hint: hint('n next', 2), group: 'move', action: is({ type: 'next-untriaged' }) },
  { keys: [ch('g'), sp('home')], label: 'g Home', help: 'first paper', group: 'move', action: is({ type: 'move-to', where: 'first' }) },
  { keys: [ch('G'), sp('end')], label: 'G End', help: 'last paper', group: 'move', action: is({ type: 'move-to', where: 'last' }) },
  { keys: [sp('pageDown')], label: 'PgDn', help: 'page down', group: 'move', action: is({ type: 'page', dir: 1, half: false }) },
  { keys: [sp('pageUp')], label: 'PgUp', help: 'page up', group: 'move', action: is({ type: 'page', dir: -1, half: false }) },
  { keys: [ch('d', true)], label: 'ctrl-d', help: 'half a page down', group: 'move', action: is({ type: 'page', dir: 1, half: true }) },
  { keys: [ch('u', true)], label: 'ctrl-u', help: 'half a page up', group: 'move', action: is({ type: 'page', dir: -1, half: true }) },
  { keys: [ch('J')], label: 'J', help: 'scroll the preview down', group: 'move', action: is({ type: 'preview-scroll', by: 3 }) },
  { keys: [ch('K')], label: 'K', help: 'scroll the preview up', group: 'move', action: is({ type: 'preview-scroll', by: -3 }) },
  { keys: [ch('/')], label: '/', help: 'filter as you type (Enter keeps it, Esc clears it, ctrl-u empties the line)', hint: hint('/ filter', 2), group: 'filter', action: is({ type: 'filter-open' }) },
  { keys: [sp('escape')], label: 'Esc', help: 'clear the filter', group: 'filter', action: is({ type: 'filter-clear' }) },
  { keys: [ch(' ')], label: 'space', help: 'mark or unmark the paper and move down', hint: hint('space mark', 3), group: 'mark', action: is({ type: 'mark-toggle' }) },
  { keys: [ch('a')], label: 'a', help: 'mark every paper shown', group: 'mark', action: is({ type: 'mark-all' }) },
  { keys: [ch('A')], label: 'A', help: 'clear the marks', group: 'mark', action: is({ type: 'mark-clear' }) },
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map(
    (slot): Binding => ({
      keys: [ch(String(slot))],
      label: String(slot),
      help: `toggle quick tag ${slot} (from the config)`,
      ...(slot === 1 ? { hint: hint('1-9 tags', 2) } : {}),
      group: 'tag',
      action: is({ type: 'quick-tag', slot }),
    }),
  ),
  { keys: [ch('x')], label: 'x', help: 'tag +skip, then on to the next paper', hint: hint('x skip', 2), group: 'tag', action: is({ type: 'skip' }) },
  { keys: [ch('t')], label: 't', help: 'add a tag you type (Tab completes), then on to the next paper', hint: hint('t tag', 3), group: 'tag', action: is({ type: 'prompt-open', purpose: 'add-tag' }) },
  { keys: [ch('T')], label: 'T', help: 'remove a tag', group: 'tag', action: is({ type: 'prompt-open', purpose: 'remove-tag' }) },
  { keys: [ch('u')], label: 'u', help: 'undo the last change, back on its paper', hint: hint('u undo', 2), group: 'tag', action: is({ type: 'undo' }) },
  { keys: [ch('o')], label: 'o', help: 'open the first link ($BROWSER, else xdg-open)', hint: hint('o open', 3), group: 'other', action: is({ type: 'open-link' }) },
  { keys: [ch('F')], label: 'F', help: 'fetch the configured sources now, in the background (the status line says when each was last fetched)', group: 'other', action: is({ type: 'fetch-start' }) },
  { keys: [ch('e')], label: 'e', help: 'export the marked papers (else all shown) to Markdown', hint: hint('e export', 3), group: 'other', action: is({ type: 'prompt-open', purpose: 'export' }) },
  // Sorting sits with the filter in the help; listed here so that its hint comes late in the footer (and goes first of its priority).
  {
    keys: [ch('s')],
    label: 's',
    help: `next order: ${SORT_CYCLE.map((k) => SORT_NAMES[k]).join(' → ')} (the filter still applies)`,
    hint: hint('s sort', 2),
    group: 'filter',
    action: is({ type: 'sort-cycle' }),
  },
  { keys: [ch('S')], label: 'S', help: 'rank by interest now, learning from your tags as they are', group: 'filter', action: is({ type: 'sort-rerank' }) },
  // The help draws its own row for @ (with the saved searches' names); this text is the fallback.
  { keys: [ch('@')], label: '@', help: 'run a saved search: @ then its digit 1-9', hint: hint('@ saved', 3), group: 'filter', action: is({ type: 'saved-open' }) },
  { keys: [ch('?')], label: '?', help: 'this help', hint: hint('? help', 1), group: 'other', action: is({ type: 'help-toggle' }) },
  { keys: [ch('q'), ch('c', true)], label: 'q ctrl-c', help: 'quit', hint: hint('q quit', 1), group: 'other', action: is({ type: 'quit' }) },
];

const textEditing = (submit: Binding, cancel: Binding, extra: Binding[]): Binding[] => [
  submit,
  cancel,
  ...extra,
  { keys: [sp('backspace'), sp('delete')], label: 'Backspace', help: 'delete a character', group: 'other', action: is({ type: 'text-backspace' }) },
  { keys: [ch('u', true)], label: 'ctrl-u', help: 'empty the line', hint: hint('ctrl-u empty', 2), group: 'other', action: is({ type: 'text-clear' }) },
  { keys: [ch('c', true)], label: 'ctrl-c', help: 'quit', group: 'other', action: is({ type: 'quit' }) },
];

export const FILTER_BINDINGS: readonly Binding[] = textEditing(
  { keys: [sp('return')], label: 'Enter', help: 'keep the filter, back to the list', hint: hint('Enter keep', 1), group: 'filter', action: is({ type: 'filter-accept' }) },
  { keys: [sp('escape')], label: 'Esc', help: 'clear the filter, back to the list', hint: hint('Esc clear', 1), group: 'filter', action: is({ type: 'filter-clear' }) },
  [
    { keys: [sp('downArrow')], label: '↓', help: 'next paper', hint: hint('↑↓ move', 3), group: 'move', action: is({ type: 'move', by: 1 }) },
    { keys: [sp('upArrow')], label: '↑', help: 'previous paper', group: 'move', action: is({ type: 'move', by: -1 }) },
  ],
);

export const PROMPT_BINDINGS: readonly Binding[] = textEditing(
  { keys: [sp('return')], label: 'Enter', help: 'apply', hint: hint('Enter ok', 1), group: 'other', action: is({ type: 'prompt-submit' }) },
  { keys: [sp('escape')], label: 'Esc', help: 'cancel', hint: hint('Esc cancel', 1), group: 'other', action: is({ type: 'prompt-cancel' }) },
  [{ keys: [sp('tab')], label: 'Tab', help: 'complete the tag', hint: hint('Tab complete', 2), group: 'other', action: is({ type: 'prompt-complete' }) }],
);

export const HELP_BINDINGS: readonly Binding[] = [
  { keys: [ch('j'), sp('downArrow')], label: 'j ↓', help: 'scroll down', hint: hint('j/k scroll', 2), group: 'move', action: is({ type: 'help-scroll', by: 1 }) },
  { keys: [ch('k'), sp('upArrow')], label: 'k ↑', help: 'scroll up', group: 'move', action: is({ type: 'help-scroll', by: -1 }) },
  { keys: [ch(' '), sp('pageDown')], label: 'space PgDn', help: 'a page down', group: 'move', action: is({ type: 'help-scroll', by: 'page-down' }) },
  { keys: [sp('pageUp')], label: 'PgUp', help: 'a page up', group: 'move', action: is({ type: 'help-scroll', by: 'page-up' }) },
  { keys: [ch('?'), ch('q'), sp('escape'), sp('return')], label: '? Esc', help: 'close the help', hint: hint('? close help', 1), group: 'other', action: is({ type: 'help-toggle' }) },
  { keys: [ch('c', true)], label: 'ctrl-c', help: 'quit', group: 'other', action: is({ type: 'quit' }) },
];

/** After `@`: a digit runs that saved search; Esc (or @ again) goes back to the list. */
export const SAVED_BINDINGS: readonly Binding[] = [
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((slot): Binding => ({ keys: [ch(String(slot))], label: String(slot), help: `run saved search ${slot}`, ...(slot === 1 ? { hint: hint('1-9 run', 1) } : {}), group: 'filter', action: is({ type: 'saved-run', slot }) })),
  { keys: [sp('escape'), ch('@')], label: 'Esc', help: 'back to the list', hint: hint('Esc cancel', 1), group: 'other', action: is({ type: 'saved-cancel' }) },
  { keys: [ch('c', true)], label: 'ctrl-c', help: 'quit', group: 'other', action: is({ type: 'quit' }) },
];

/** Behind the "needs a larger window" screen only quitting works (resizing is not a key). */
export const TOO_SMALL_BINDINGS: readonly Binding[] = [{ keys: [ch('q'), ch('c', true)], label: 'q ctrl-c', help: 'quit', group: 'other', action: is({ type: 'quit' }) }];

/** Which table reads the keys: the mode's, or the too-small screen's whatever the mode. */
export type KeyContext = Mode['kind'] | 'too-small';

export function keyContext(state: { mode: Mode; layout: Pick<Layout, 'tooSmall'> }): KeyContext {
  return state.layout.tooSmall ? 'too-small' : state.mode.kind;
}

export function bindingsFor(context: KeyContext): readonly Binding[] {
  switch (context) {
    case 'list':
      return LIST_BINDINGS;
    case 'filter':
      return FILTER_BINDINGS;
    case 'prompt':
      return PROMPT_BINDINGS;
    case 'help':
      return HELP_BINDINGS;
    case 'saved':
      return SAVED_BINDINGS;
    case 'too-small':
      return TOO_SMALL_BINDINGS;
  }
}

/** Whether typed characters are text (the filter line, a prompt) rather than keys. */
export const takesText = (context: KeyContext): boolean => context === 'filter' || context === 'prompt';

function matches(spec: KeySpec, event: KeyEvent): boolean {
  if ('special' in spec) return event[spec.special] === true;
  const special = event.upArrow || event.downArrow || event.pageUp || event.pageDown || event.home || event.end || event.return || event.escape || event.tab || event.backspace || event.delete;
  return !special && event.input === spec.char && Boolean(event.ctrl) === Boolean(spec.ctrl) && !event.meta;
}

/** The action a key sends; printable text goes into the filter or prompt line; null when the key does nothing. */
export function actionFor(context: KeyContext, event: KeyEvent): Action | null {
  const binding = bindingsFor(context).find((b) => b.keys.some((k) => matches(k, event)));
  if (binding) return binding.action(event);
  if (takesText(context) && !event.ctrl && !event.meta && isPrintable(event.input)) return { type: 'text-input', text: event.input };
  return null;
}

function isPrintable(input: string): boolean {
  return input.length > 0 && !/[\u0000-\u001f\u007f]/.test(input);
}

/** Footer hints for a mode, from the table. */
export function hintsFor(context: KeyContext): Hint[] {
  return bindingsFor(context).flatMap((b) => (b.hint ? [b.hint] : []));
}

export interface HelpRow {
  keys: string;
  help: string;
}

/** The `?` overlay: list-mode bindings grouped, the nine quick tags folded into one row, the saved searches named, then the filter line's keys. */
export function helpRows(config: UiConfig): Array<{ group: string; rows: HelpRow[] }> {
  const { quickTags } = config;
  const saved = savedSearchSlots(config.searches);
  const titles: Record<Binding['group'], string> = { move: 'Move', tag: 'Decide (the marked papers, else this one)', mark: 'Mark', filter: 'Filter and sort', other: 'Other' };
  const quick = Object.entries(quickTags).flatMap(([key, tag]) => (tag ? [`${key} +${tag}`] : [])).join(', ');
  const groups = (Object.keys(titles) as Array<Binding['group']>).map((group) => {
    const rows: HelpRow[] = [];
    for (const b of LIST_BINDINGS.filter((x) => x.group === group)) {
      if (/^[2-9]$/.test(b.label)) continue;
      if (b.label === '1') rows.push({ keys: '1-9', help: `toggle quick tags${quick ? ` ${quick}` : ' (none set)'}, then on to the next paper` });
      else if (b.label === '@') rows.push({ keys: '@ 1-9', help: saved.length > 0 ? `run a saved search (the filter becomes @name): ${slotList(saved, ', ')}` : `run a saved search; ${NO_SAVED_SEARCHES}` });
      else rows.push({ keys: b.label, help: b.help });
    }
    return { group: titles[group], rows };
  });
  const typing = FILTER_BINDINGS.filter((b) => b.label !== 'ctrl-c').map((b) => ({ keys: b.label, help: b.help }));
  return [...groups, { group: 'Typing a filter', rows: typing }];
}
