// What both executables run: main() under the exit guard (see cdk/run/exit-guard.ts), so no command
// can end without either its own exit code or a protocol-correct error.
import { installExitGuard, type ExitGuardOptions } from './cdk/index.js';
import { main, protocolOf } from './cli.js';

/** How the guard reports for this invocation, and what it calls the command. */
export function guardOptionsFor(argv: readonly string[], executable: string): ExitGuardOptions {
  if (argv[0] === 'auth') return { protocol: 'plain', command: 'auth' };
  if (protocolOf([...argv], executable) === 'airbyte') return { protocol: 'airbyte', command: argv[0] ?? 'command' };
  const command = argv.includes('--discover') ? 'discover' : argv.includes('--about') ? 'about' : 'read';
  return { protocol: 'singer', command };
}

/** Runs the command and exits the process with its code; never returns. */
export async function runGuardedMain(argv: string[], executable: string): Promise<never> {
  const guard = installExitGuard(guardOptionsFor(argv, executable));
  let code: number;
  try {
    code = await main(argv, executable);
  } catch (error) {
    return guard.crash(error);
  }
  return guard.exit(code);
}
