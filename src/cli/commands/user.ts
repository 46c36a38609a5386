import { randomBytes } from 'node:crypto';
import { roleLabels } from '../../domain/access/roles';
import { createAccount } from '../../server/modules/accounts/create-account';
import { CliError } from '../cli-error';
import { withConfiguredDatabase } from '../configured-database';
import { parseCommandArgs } from '../parse-command-args';
import type { CliCommand, CliIo } from './command';

const usage = `用法：anke user create --role <角色> --org <组织编号> --username <用户名> [--name <姓名>]
                        [--unit <单位编号>] [--assign <单位编号,…>] [--password-stdin]
角色：${Object.entries(roleLabels).map(([k, v]) => `${k}（${v}）`).join('、')}
单位联络员须用 --unit 指定所属单位；考核组成员可用 --assign 分配被考核单位。
不带 --password-stdin 时生成一个随机初始密码并打印一次。
数据库由 DATABASE_URL / ANKE_DATA_DIR 决定（见 docs/operations.md）。`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** A random initial password that always passes the strength policy. */
function initialPassword(): string {
  return `Ak-${randomBytes(9).toString('base64url')}7a`;
}

export async function runUser(args: string[], io: CliIo, env: Record<string, string | undefined> = process.env): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'create') throw new CliError(`未知的子命令“${sub ?? ''}”。\n${usage}`);
  const { values } = parseCommandArgs(rest, {
    role: { type: 'string' }, org: { type: 'string' }, username: { type: 'string' }, name: { type: 'string' },
    unit: { type: 'string' }, assign: { type: 'string' }, 'password-stdin': { type: 'boolean' },
  }, usage, false);
  for (const required of ['role', 'org', 'username'] as const) {
    if (!values[required]) throw new CliError(`缺少 --${required}。\n${usage}`);
  }
  const password = values['password-stdin'] ? await readStdin() : initialPassword();
  await withConfiguredDatabase(env, (database) =>
    createAccount(database.db, {
      username: values.username!, displayName: values.name ?? values.username!, password, role: values.role!,
      organisationId: values.org!, unitId: values.unit ?? null,
      assignedUnitIds: values.assign ? values.assign.split(',').map((s) => s.trim()).filter(Boolean) : [],
    }, null, new Date()));
  io.out(`已创建账户 ${values.username}（${roleLabels[values.role as keyof typeof roleLabels]}，组织 ${values.org}）。`);
  if (!values['password-stdin']) io.out(`初始密码（只显示这一次，请妥善转交）：${password}`);
  return 0;
}

export const userCommand: CliCommand = {
  summary: '管理账户：anke user create --role … --org …',
  usage,
  run: (args, io) => runUser(args, io),
};
