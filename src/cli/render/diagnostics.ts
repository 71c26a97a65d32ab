import type { FileDiagnostic } from '../source.js';
import type { Output } from '../output.js';
import { showControlsLine as safe } from '../../core/text/terminal-safe.js';

/** Warnings and errors go to stderr as file:line: message; informational ones only when asked for. Both can quote a digest: shown through the sanitiser. */
export function printDiagnostics(diagnostics: readonly FileDiagnostic[], output: Output, verbose: boolean): void {
  for (const d of diagnostics) {
    if (d.severity === 'info' && !verbose) continue;
    const where = d.line > 0 ? `${safe(d.file)}:${d.line}` : safe(d.file);
    output.err(`${where}: ${d.severity}: ${safe(d.message)}`);
  }
}
