import { resolve } from 'node:path';
import { AppError } from '../../server/app-error';
import { ConfigError, loadConfig } from '../../server/config';
import { createDatabase } from '../../server/db/create-database';
import { migrateToLatest } from '../../server/db/migrate';
import { restoreDatabase } from '../../server/operations/backup';
import { CliError } from '../cli-error';
import type { CliCommand, CliIo } from './command';

const usage = `用法：anke restore <备份文件>
用 anke backup 生成的备份替换当前数据库的全部内容（先停止所有应用实例）。
恢复后按需执行迁移，使旧备份升级到当前版本。`;

export async function runRestore(args: string[], io: CliIo, env: Record<string, string | undefined> = process.env): Promise<number> {
  const [file] = args;
  if (!file || args.length !== 1) throw new CliError(`需要且只需要一个备份文件路径。\n${usage}`);
  const source = resolve(file);
  let config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message);
    throw error;
  }
  const database = createDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await restoreDatabase(database, source);
    // A backup from an older release is brought up to the current schema.
    const applied = await migrateToLatest(database.db);
    io.out(`已从 ${source} 恢复数据库${applied.length > 0 ? `，并执行迁移 ${applied.join('、')}` : ''}。`);
    return 0;
  } catch (error) {
    if (error instanceof AppError) throw new CliError(error.messageZh);
    throw error;
  } finally {
    await database.close();
  }
}

export const restoreCommand: CliCommand = { summary: '从备份恢复数据库：anke restore <文件>', usage, run: (args, io) => runRestore(args, io) };
