/**
 * Runs a command-line entry point: a failure prints `<name>: <message>` on stderr and sets a
 * non-zero exit code instead of dumping a stack trace.
 */
export function runCli(name: string, main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    const badArguments = (error as { code?: unknown }).code?.toString().startsWith('ERR_PARSE_ARGS');
    console.error(`${name}: ${message}${badArguments ? ' (see --help)' : ''}`);
    process.exitCode = 1;
  });
}
