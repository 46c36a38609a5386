import { verifyAuditChain } from '../../server/modules/audit/verify-audit-chain';
import { CliError } from '../cli-error';
import { withConfiguredDatabase } from '../configured-database';
import type { CliCommand, CliIo } from './command';

const usage = `用法：anke audit verify
逐条核对审计记录的哈希链；发现被修改或删除的记录时逐条列出并以退出码 1 结束。`;

export async function runAudit(args: string[], io: CliIo, env: Record<string, string | undefined> = process.env): Promise<number> {
  if (args[0] !== 'verify') throw new CliError(`未知的子命令“${args[0] ?? ''}”。\n${usage}`);
  return withConfiguredDatabase(env, async (database) => {
    const result = await verifyAuditChain(database.db);
    if (result.problems.length === 0) {
      io.out(`审计链完整：共 ${result.checked} 条记录，未发现修改或删除。`);
      return 0;
    }
    io.err(`审计链被破坏：发现 ${result.problems.length} 处问题（共核对 ${result.checked} 条记录）：`);
    for (const problem of result.problems) io.err(`  ${problem.message}`);
    return 1;
  });
}

export const auditCommand: CliCommand = {
  summary: '审计：anke audit verify 核对审计链',
  usage,
  run: (args, io) => runAudit(args, io),
};
