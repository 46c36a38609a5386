import { CliError } from './cli-error';
import type { CliCommand, CliIo } from './commands/command';

/** Dispatches to a sub-command; turns every failure into one Chinese line and exit code 2. */
export async function runCli(
  argv: string[],
  commands: Record<string, () => Promise<CliCommand>>,
  io: CliIo,
): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    const lines = ['用法：anke <命令> [参数]', '', '命令：'];
    for (const [key, load] of Object.entries(commands)) {
      const command = await load();
      lines.push(`  ${key.padEnd(10)} ${command.summary}`);
    }
    io.out(lines.join('\n'));
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    io.err(`错误：未知命令“${name}”。运行 anke help 查看可用命令。`);
    return 2;
  }
  try {
    const command = await load();
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`错误：${error.message}`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(`错误：内部错误（${message}）`);
    return 1;
  }
}
