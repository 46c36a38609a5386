import { resolve } from 'node:path';
import { backupDatabase } from '../../server/operations/backup';
import { CliError } from '../cli-error';
import { withConfiguredDatabase } from '../configured-database';
import type { CliCommand, CliIo } from './command';

const usage = `用法：anke backup <备份文件>
在服务运行时做一致的在线备份：SQLite 用在线备份接口，PostgreSQL 用 pg_dump（自定义格式）。
上传的文件在 ANKE_DATA_DIR/files 下，另行复制（见 docs/operations.md）。`;

export async function runBackup(args: string[], io: CliIo, env: Record<string, string | undefined> = process.env): Promise<number> {
  const [file] = args;
  if (!file || args.length !== 1) throw new CliError(`需要且只需要一个备份文件路径。\n${usage}`);
  const target = resolve(file);
  return withConfiguredDatabase(env, async (database) => {
    const { bytes } = await backupDatabase(database, target);
    io.out(`已备份${database.engine === 'sqlite' ? ' SQLite' : ' PostgreSQL'} 数据库到 ${target}（${(bytes / 1024).toFixed(0)} KB）。`);
    return 0;
  });
}

export const backupCommand: CliCommand = { summary: '在线备份数据库：anke backup <文件>', usage, run: (args, io) => runBackup(args, io) };
