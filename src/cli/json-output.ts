// `--json` on commands that change things: the JSON alone on stdout (one document), for scripts.
import type { Output } from './output.js';

export function printJson(output: Pick<Output, 'out'>, value: unknown): void {
  output.out(JSON.stringify(value, null, 2));
}

/** The output a command's human lines go to under --json: stderr, so that stdout is only the JSON. */
export function linesToStderr(output: Output): Output {
  return { ...output, out: (text) => output.err(text) };
}
