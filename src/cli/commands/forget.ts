// `papers forget --digest FILE|HASH`: removes an imported digest. The papers only it brought leave
// the library; every decision stays in decisions.yaml, so importing the digest again brings them
// back with their tags and notes.
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { usageError } from '../../core/errors.js';
import { readDigestFile } from '../../io/digest-files.js';
import { sha256 } from '../../io/digest-store.js';
import { findDigest } from '../../io/db/import.js';
import { processOutput } from '../output.js';
import { libraryFolder, openStore } from '../source.js';

export function register(program: Command): void {
  program
    .command('forget')
    .description('remove an imported digest; the papers only it brought leave (their tags and notes are kept)')
    .requiredOption('--digest <file|hash>', 'the digest: the file that was imported, or its hash (at least 6 characters of it, as in digests/)')
    .addHelpText(
      'after',
      `
Examples:
  papers forget --digest ~/Downloads/hf-2025-03-12.txt   the file imported by mistake
  papers forget --digest 4e4838                           by the start of its hash (see digests/)

Decisions (tags, notes) are never removed: import the digest again and its papers come back
with them.`,
    )
    .action(async (options: { digest: string }, command: Command) => {
      const output = processOutput();
      const dir = libraryFolder(command);
      const hash = digestHash(dir, options.digest);
      const store = await openStore(command);
      const outcome = store.forget(hash);
      if (!outcome) throw usageError(`--digest ${options.digest}: no such digest in the library ${dir}; see the hashes in ${dir}/digests/`);
      const { digest, removed } = outcome;
      output.out(`forgot ${digest.file} (imported ${digest.importedAt.slice(0, 16).replace('T', ' ')}): ${removed.length} paper${removed.length === 1 ? '' : 's'} left the library; their decisions are kept`);
    });
}

/** The hash a --digest value names: a file's content hash, else a hash or a unique prefix of one. */
function digestHash(dir: string, value: string): string {
  if (existsSync(value)) {
    const input = readDigestFile(value);
    return sha256(input.bytes ?? Buffer.from(input.text, 'utf8'));
  }
  const meta = findDigest(dir, value);
  if (!meta) throw usageError(`--digest ${value}: neither a file nor the hash of an imported digest (give at least 6 characters of a hash in ${dir}/digests/, and enough to name one)`);
  return meta.digest;
}
