// Every key of the UI as data: which action it sends in which mode. The same table draws the
// `?` help and the footer hints, so what the screen says is what the keys do.
import type { UiConfig } from './adapters.js';
import { SORT_CYCLE, type Action, type Mode, type SortMode } from './state.js';

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

export interface Binding {
  keys: KeySpec[];
  /** How the help shows the keys, e.g. "j ↓". */
  label: string;
  help: string;
  /** Short text for the footer; bindings without one are only in the help. */
  hint?: string;
  group: 'move' | 'filter' | 'mark' | 'tag' | 'other';
  action: (event: KeyEvent) => Action;
}

const ch = (char: string, ctrl = false): KeySpec => ({ char, ctrl });
const sp = (special: Special): KeySpec => ({ special });
const is = (action: Action) => () => action;

export const LIST_BINDINGS: readonly Binding[] = [
  { keys: [ch('j'), sp('downArrow')], label: 'j ↓', help: 'next paper', hint: 'j/k move', group: 'move', action: is({ type: 'move', by: 1 }) },
  { keys: [ch('k'), sp('upArrow')], label: 'k ↑', help: 'previous paper', group: 'move', action: is({ type: 'move', by: -1 }) },
  { keys: [ch('g'), sp('home')], label: 'g Home', help: 'first paper', group: 'move', action: is({ type: 'move-to', where: 'first' }) },
  { keys: [ch('G'), sp('end')], label: 'G End', help: 'last paper', group: 'move', action: is({ type: 'move-to', where: 'last' }) },
  { keys: [sp('pageDown')], label: 'PgDn', help: 'page down', group: 'move', action: is({ type: 'page', dir: 1, half: false }) },
  { keys: [sp('pageUp')], label: 'PgUp', help: 'page up', group: 'move', action: is({ type: 'page', dir: -1, half: false }) },
  { keys: [ch('d', true)], label: 'ctrl-d', help: 'half a page down', group: 'move', action: is({ type: 'page', dir: 1, half: true }) },
  { keys: [ch('u', true)], label: 'ctrl-u', help: 'half a page up', group: 'move', action: is({ type: 'page', dir: -1, half: true }) },
  { keys: [ch('J')], label: 'J', help: 'scroll the preview down', group: 'move', action: is({ type: 'preview-scroll', by: 3 }) },
  { keys: [ch('K')], label: 'K', help: 'scroll the preview up', group: 'move', action: is({ type: 'preview-scroll', by: -3 }) },
  { keys: [ch('/')], label: '/', help: 'filter as you type (Enter keeps it, Esc clears it)', hint: '/ filter', group: 'filter', action: is({ type: 'filter-open' }) },
  { keys: [sp('escape')], label: 'Esc', help: 'clear the filter', group: 'filter', action: is({ type: 'filter-clear' }) },
  { keys: [ch(' ')], label: 'space', help: 'mark or unmark the paper and move down', hint: 'space mark', group: 'mark', action: is({ type: 'mark-toggle' }) },
  { keys: [ch('a')], label: 'a', help: 'mark every paper shown', group: 'mark', action: is({ type: 'mark-all' }) },
  { keys: [ch('A')], label: 'A', help: 'clear the marks', group: 'mark', action: is({ type: 'mark-clear' }) },
  { keys: [ch('t')], label: 't', help: 'add a tag to the marked papers, or this one (Tab completes)', hint: 't tag', group: 'tag', action: is({ type: 'prompt-open', purpose: 'add-tag' }) },
  { keys: [ch('T')], label: 'T', help: 'remove a tag from the marked papers, or this one', group: 'tag', action: is({ type: 'prompt-open', purpose: 'remove-tag' }) },
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map(
    (slot): Binding => ({ keys: [ch(String(slot))], label: String(slot), help: `toggle quick tag ${slot} (from the config)`, group: 'tag', action: is({ type: 'quick-tag', slot }) }),
  ),
  { keys: [ch('x')], label: 'x', help: 'tag this paper +skip and move on', hint: 'x skip', group: 'tag', action: is({ type: 'skip' }) },
  { keys: [ch('u')], label: 'u', help: 'undo the last change', hint: 'u undo', group: 'tag', action: is({ type: 'undo' }) },
  { keys: [ch('o')], label: 'o', help: 'open the first link ($BROWSER, else xdg-open)', hint: 'o open', group: 'other', action: is({ type: 'open-link' }) },
  { keys: [ch('e')], label: 'e', help: 'export the marked papers (else all shown) to Markdown', hint: 'e export', group: 'other', action: is({ type: 'prompt-open', purpose: 'export' }) },
  // Sorting sits with the filter in the help; listed here so that narrow footers drop its hint first.
  {
    keys: [ch('s')],
    label: 's',
    help: `next order: ${SORT_CYCLE.map((k) => SORT_NAMES[k]).join(' → ')} (the filter still applies)`,
    hint: 's sort',
    group: 'filter',
    action: is({ type: 'sort-cycle' }),
  },
  { keys: [ch('S')], label: 'S', help: 'rank by interest now, learning from your tags as they are', group: 'filter', action: is({ type: 'sort-rerank' }) },
  { keys: [ch('?')], label: '?', help: 'this help', hint: '? help', group: 'other', action: is({ type: 'help-toggle' }) },
  { keys: [ch('q'), ch('c', true)], label: 'q ctrl-c', help: 'quit', hint: 'q quit', group: 'other', action: is({ type: 'quit' }) },
];

const textEditing = (submit: Action, cancel: Action, extra: Binding[]): Binding[] => [
  { keys: [sp('return')], label: 'Enter', help: 'done', hint: 'Enter ok', group: 'other', action: is(submit) },
  { keys: [sp('escape')], label: 'Esc', help: 'cancel', hint: 'Esc cancel', group: 'other', action: is(cancel) },
  ...extra,
  { keys: [sp('backspace'), sp('delete')], label: 'Backspace', help: 'delete a character', group: 'other', action: is({ type: 'text-backspace' }) },
  { keys: [ch('u', true)], label: 'ctrl-u', help: 'clear the line', group: 'other', action: is({ type: 'text-clear' }) },
  { keys: [ch('c', true)], label: 'ctrl-c', help: 'quit', group: 'other', action: is({ type: 'quit' }) },
];

export const FILTER_BINDINGS: readonly Binding[] = textEditing({ type: 'filter-accept' }, { type: 'filter-clear' }, [
  { keys: [sp('downArrow')], label: '↓', help: 'next paper', hint: '↑↓ move', group: 'move', action: is({ type: 'move', by: 1 }) },
  { keys: [sp('upArrow')], label: '↑', help: 'previous paper', group: 'move', action: is({ type: 'move', by: -1 }) },
]).map((b) => (b.label === 'Enter' ? { ...b, hint: 'Enter keep' } : b.label === 'Esc' ? { ...b, hint: 'Esc clear' } : b));

export const PROMPT_BINDINGS: readonly Binding[] = textEditing({ type: 'prompt-submit' }, { type: 'prompt-cancel' }, [
  { keys: [sp('tab')], label: 'Tab', help: 'complete the tag', hint: 'Tab complete', group: 'other', action: is({ type: 'prompt-complete' }) },
]);

export const HELP_BINDINGS: readonly Binding[] = [
  { keys: [ch('?'), ch('q'), sp('escape'), sp('return')], label: '? Esc', help: 'close the help', hint: '? close help', group: 'other', action: is({ type: 'help-toggle' }) },
  { keys: [ch('c', true)], label: 'ctrl-c', help: 'quit', group: 'other', action: is({ type: 'quit' }) },
];

export function bindingsFor(mode: Mode): readonly Binding[] {
  switch (mode.kind) {
    case 'list':
      return LIST_BINDINGS;
    case 'filter':
      return FILTER_BINDINGS;
    case 'prompt':
      return PROMPT_BINDINGS;
    case 'help':
      return HELP_BINDINGS;
  }
}

function matches(spec: KeySpec, event: KeyEvent): boolean {
  if ('special' in spec) return event[spec.special] === true;
  const special = event.upArrow || event.downArrow || event.pageUp || event.pageDown || event.home || event.end || event.return || event.escape || event.tab || event.backspace || event.delete;
  return !special && event.input === spec.char && Boolean(event.ctrl) === Boolean(spec.ctrl) && !event.meta;
}

/** The action a key sends in a mode; printable text goes into the filter or prompt line; null when the key does nothing. */
export function actionFor(mode: Mode, event: KeyEvent): Action | null {
  const binding = bindingsFor(mode).find((b) => b.keys.some((k) => matches(k, event)));
  if (binding) return binding.action(event);
  if ((mode.kind === 'filter' || mode.kind === 'prompt') && !event.ctrl && !event.meta && isPrintable(event.input)) return { type: 'text-input', text: event.input };
  return null;
}

function isPrintable(input: string): boolean {
  return input.length > 0 && !/[\u0000-\u001f\u007f]/.test(input);
}

/** Footer hints for a mode, from the table. */
export function hintsFor(mode: Mode): string[] {
  return bindingsFor(mode).flatMap((b) => (b.hint ? [b.hint] : []));
}

export interface HelpRow {
  keys: string;
  help: string;
}

/** The `?` overlay: list-mode bindings grouped, the nine quick tags folded into one row. */
export function helpRows(quickTags: UiConfig['quickTags']): Array<{ group: string; rows: HelpRow[] }> {
  const titles: Record<Binding['group'], string> = { move: 'Move', filter: 'Filter and sort', mark: 'Mark', tag: 'Tag', other: 'Other' };
  const quick = Object.entries(quickTags).flatMap(([key, tag]) => (tag ? [`${key} +${tag}`] : [])).join(', ');
  return (Object.keys(titles) as Array<Binding['group']>).map((group) => {
    const rows: HelpRow[] = [];
    for (const b of LIST_BINDINGS.filter((x) => x.group === group)) {
      if (/^[2-9]$/.test(b.label)) continue;
      if (b.label === '1') rows.push({ keys: '1-9', help: `toggle quick tags${quick ? `: ${quick}` : ' (none set)'}` });
      else rows.push({ keys: b.label, help: b.help });
    }
    return { group: titles[group], rows };
  });
}
