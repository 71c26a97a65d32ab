import type { FileDiagnostic } from '../source.js';
import type { Output } from '../output.js';

/** Warnings and errors go to stderr as file:line: message; informational ones only when asked for. */
export function printDiagnostics(diagnostics: readonly FileDiagnostic[], output: Output, verbose: boolean): void {
  for (const d of diagnostics) {
    if (d.severity === 'info' && !verbose) continue;
    const where = d.line > 0 ? `${d.file}:${d.line}` : d.file;
    output.err(`${where}: ${d.severity}: ${d.message}`);
  }
}
