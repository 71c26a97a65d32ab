// stdout/stderr for commands: colour decided once (NO_COLOR, FORCE_COLOR, TTY), quiet exit on a closed pipe,
// and the last guard against terminal injection: whatever a renderer missed, no control leaves as is.
import type { ChalkInstance } from 'chalk';
import { escapeControls } from '../core/text/terminal-safe.js';

export interface Output {
  /**
   * Results. Controls still in the text are written as `\u001b`-style escapes (JSON stays exact);
   * with colour on, papers' own colour sequences pass, so renderers show untrusted text through
   * showControls first (see core/text/terminal-safe).
   */
  out(text: string): void;
  /** Diagnostics and messages, never coloured: every control in them is escaped. */
  err(text: string): void;
  color: ChalkInstance;
  /** Whether stdout is a terminal (tables, widths) rather than a pipe or file. */
  isTTY: boolean;
  /** Terminal width, or Infinity when stdout is not a terminal. */
  width: number;
}

function colorLevel(env: NodeJS.ProcessEnv, isTTY: boolean): 0 | 1 | 2 | 3 {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '' || force === 'true') return 1;
    if (force === 'false') return 0;
    const n = Number(force);
    return Number.isInteger(n) && n >= 0 && n <= 3 ? (n as 0 | 1 | 2 | 3) : 1;
  }
  if (!isTTY || env.TERM === 'dumb') return 0;
  return env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit' ? 3 : 2;
}

/** The `color` setting (config file, environment, --color), applied once by main before a command runs. */
let colorMode: 'auto' | 'always' | 'never' = 'auto';
export function setColorMode(mode: 'auto' | 'always' | 'never'): void {
  colorMode = mode;
}

function effectiveColorLevel(env: NodeJS.ProcessEnv, isTTY: boolean): 0 | 1 | 2 | 3 {
  if (colorMode === 'never') return 0;
  if (colorMode === 'always') return Math.max(1, colorLevel({ ...env, NO_COLOR: undefined }, true)) as 1 | 2 | 3;
  return colorLevel(env, isTTY);
}

let installed = false;
/** A reader that went away (`papers list | head -3`) ends the program quietly, as in any Unix tool. */
function quietOnClosedPipe(): void {
  if (installed) return;
  installed = true;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
}

// chalk is loaded only when colour is on (loadColor, before a command runs); with colour off every
// style leaves the text as it is, which `plain` does without it.
let Chalk: typeof import('chalk').Chalk | undefined;

/** Loads chalk when this run's output is coloured; main calls it once the color setting is applied. */
export async function loadColor(): Promise<void> {
  if (!Chalk && effectiveColorLevel(process.env, Boolean(process.stdout.isTTY)) > 0) Chalk = (await import('chalk')).Chalk;
}

/** chalk at level 0 without chalk: any style, chained or called, returns its arguments as text. */
export const plain: ChalkInstance = new Proxy(function () {}, {
  get: (_target, key) => (key === 'level' ? 0 : plain),
  apply: (_target, _this, args: unknown[]) => args.join(' '),
}) as unknown as ChalkInstance;

export function processOutput(): Output {
  quietOnClosedPipe();
  const isTTY = Boolean(process.stdout.isTTY);
  const level = effectiveColorLevel(process.env, isTTY);
  // without chalk loaded (output made before the command's setting was known), the text goes uncoloured
  let color: ChalkInstance | undefined;
  const line = (text: string) => (text.endsWith('\n') ? text : `${text}\n`);
  return {
    out: (text) => void process.stdout.write(escapeControls(line(text), level > 0 && Chalk !== undefined)),
    err: (text) => void process.stderr.write(escapeControls(line(text))),
    get color() {
      return (color ??= level > 0 && Chalk ? new Chalk({ level }) : plain);
    },
    isTTY,
    width: isTTY ? process.stdout.columns || 80 : Number.POSITIVE_INFINITY,
  };
}
