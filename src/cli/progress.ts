// A progress bar on stderr for long operations: counts, percentage and ETA. It shows only when
// stderr is a terminal, and only once the operation has run for about a second, so quick commands
// and pipes never see it. tick() is cheap enough to call per item: it redraws at most ~10 times a second.
import { textWidth, truncate } from '../core/text/columns.js';
import { showControlsLine } from '../core/text/terminal-safe.js';

export interface Progress {
  /** n more items done (default 1). */
  tick(n?: number): void;
  /** Sets the count (and the total, when it becomes known or changes). */
  update(done: number, total?: number): void;
  /** Erases the bar before other output goes to the terminal; the next tick draws it again. */
  clear(): void;
  /** Removes the bar; call it when the operation ends, also on failure. */
  done(): void;
}

/** The part of a stream the bar needs (process.stderr, or a fake in tests). */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

interface ProgressOptions {
  stream?: ProgressStream;
  now?: () => number;
  /** How long the operation must run before the bar appears (default 1000 ms, or PAPERS_PROGRESS_DELAY_MS). */
  delayMs?: number;
  /** Minimum time between redraws (default 100 ms). */
  intervalMs?: number;
}

const SILENT: Progress = { tick() {}, update() {}, clear() {}, done() {} };

function defaultDelay(): number {
  const text = process.env.PAPERS_PROGRESS_DELAY_MS;
  const n = text === undefined ? NaN : Number(text);
  return Number.isFinite(n) && n >= 0 ? n : 1000;
}

/** Starts a (for now invisible) progress bar; `total` may be unknown. */
export function startProgress(label: string, total?: number, options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  if (!stream.isTTY) return SILENT;
  const now = options.now ?? Date.now;
  const delay = options.delayMs ?? defaultDelay();
  const interval = options.intervalMs ?? 100;
  const start = now();
  let count = 0;
  let max = total;
  let lastDraw = Number.NEGATIVE_INFINITY;
  let shown = false; // the bar is on the screen now
  let finished = false;

  const maybeDraw = () => {
    const t = now();
    if (t - start < delay || t - lastDraw < interval) return;
    lastDraw = t;
    shown = true;
    stream.write(`\r${renderProgress({ label, done: count, total: max, elapsedMs: t - start, width: stream.columns || 80 })}\u001b[K`);
  };

  return {
    tick(n = 1) {
      if (finished) return;
      count += n;
      maybeDraw();
    },
    update(done, newTotal) {
      if (finished) return;
      count = done;
      if (newTotal !== undefined) max = newTotal;
      maybeDraw();
    },
    clear() {
      if (!shown) return;
      stream.write('\r\u001b[K');
      shown = false;
      lastDraw = Number.NEGATIVE_INFINITY;
    },
    done() {
      if (finished) return;
      finished = true;
      if (shown) stream.write('\r\u001b[K');
    },
  };
}

interface ProgressState {
  label: string;
  done: number;
  total: number | undefined;
  elapsedMs: number;
  /** Terminal columns available. */
  width: number;
}

/** One line: `label [█████░░░░░] 1,234/5,000  25%  ETA 0:12`, or `label 1,234  0:05` without a total. */
export function renderProgress(state: ProgressState): string {
  // The label can name a digest file: shown through the terminal sanitiser, measured in columns.
  const s = { ...state, label: showControlsLine(state.label) };
  const count = (n: number) => n.toLocaleString('en-US');
  if (s.total === undefined || s.total <= 0) return fit(`${s.label} ${count(s.done)}  ${clock(s.elapsedMs)}`, s.width);
  const done = Math.min(s.done, s.total);
  const fraction = done / s.total;
  const rate = done / Math.max(s.elapsedMs, 1);
  const eta = done > 0 ? `ETA ${clock((s.total - done) / rate)}` : 'ETA --:--';
  const tail = ` ${count(done)}/${count(s.total)} ${String(Math.floor(fraction * 100)).padStart(3)}%  ${eta}`;
  const barWidth = Math.max(0, Math.min(40, s.width - 1 - textWidth(s.label) - 3 - tail.length));
  if (barWidth < 5) return fit(`${s.label}${tail}`, s.width);
  const filled = Math.round(fraction * barWidth);
  return `${s.label} [${'█'.repeat(filled)}${'░'.repeat(barWidth - filled)}]${tail}`;
}

/** The line kept off the terminal's last column (where a write would wrap). */
function fit(line: string, width: number): string {
  return truncate(line, width - 1);
}

/** m:ss, or h:mm:ss from an hour on. */
export function clock(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const sec = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}
