// The entry of the bundle: `papers --version` answered at once, every other run by the program
// (./program.ts), imported only then, with commander.
import { VERSION } from './version.js';

export { VERSION };
/** For a test that runs many commands in one process: what a process exit would close. */
export { closeOpenDatabases } from '../io/db/connection.js';

export async function main(argv: readonly string[]): Promise<void> {
  const args = argv.slice(2);
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
    process.stdout.write(`${VERSION}\n`); // as commander prints it
    return;
  }
  const { runProgram } = await import('./program.js');
  await runProgram(argv);
}
