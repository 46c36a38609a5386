import { commands } from './commands/index';
import { runCli } from './run-cli';

const code = await runCli(process.argv.slice(2), commands, {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
});
process.exitCode = code;
