/**
 * A user-facing CLI failure: printed as one Chinese line, exit code 2, never a stack trace.
 */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
    this.name = 'CliError';
  }
}
