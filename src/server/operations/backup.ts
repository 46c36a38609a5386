import { spawn } from 'node:child_process';
import { existsSync, openSync, readSync, closeSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { AppError } from '../app-error';
import type { Database } from '../db/create-database';

/**
 * Consistent online backups. SQLite: the SQLite online backup API (a snapshot taken while
 * the server keeps serving). PostgreSQL: pg_dump in its custom format (one consistent
 * snapshot), restored with pg_restore.
 */
const sqliteMagic = 'SQLite format 3\0';
const pgDumpMagic = 'PGDMP';

function fileHead(file: string, bytes: number): string {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const n = readSync(fd, buf, 0, bytes, 0);
    return buf.subarray(0, n).toString('latin1');
  } finally {
    closeSync(fd);
  }
}

/** pg_dump / pg_restore: from PATH, else the newest /usr/lib/postgresql/<n>/bin. */
export function postgresTool(name: 'pg_dump' | 'pg_restore'): string {
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const versions = readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', name))).sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(base, versions[0], 'bin', name);
  }
  return name;
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    child.on('error', (error) => reject(new AppError('internal', `无法运行 ${command}：${error.message}`)));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new AppError('internal', `${command} 失败（退出码 ${code}）：${stderr.trim().slice(0, 500)}`))));
  });
}

export async function backupDatabase(database: Database, file: string): Promise<{ bytes: number }> {
  if (existsSync(file)) throw new AppError('conflict', `备份文件 ${file} 已存在，不会覆盖。`);
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  try {
    if (database.engine === 'sqlite') {
      await database.sqlite!.backup(partial);
    } else {
      await run(postgresTool('pg_dump'), ['--format=custom', '--no-owner', '--no-privileges', `--file=${partial}`, `--dbname=${database.location}`]);
    }
    // Only a complete backup gets the requested name.
    renameSync(partial, file);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  return { bytes: statSync(file).size };
}

/**
 * Replaces the database's contents with a backup. SQLite: copied in with the backup API,
 * so open connections see the restored data; PostgreSQL: pg_restore --clean.
 * Stop the application servers first: requests during a restore may see either state.
 */
export async function restoreDatabase(database: Database, file: string): Promise<void> {
  if (!existsSync(file)) throw new AppError('not_found', `备份文件 ${file} 不存在。`);
  const head = fileHead(file, 16);
  if (database.engine === 'sqlite') {
    if (head !== sqliteMagic) {
      throw new AppError('validation_failed', head.startsWith(pgDumpMagic)
        ? '这是 PostgreSQL 备份，不能恢复到 SQLite 数据库。'
        : `${file} 不是安考的 SQLite 备份文件。`);
    }
    const source = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    try {
      const check = source.pragma('integrity_check', { simple: true });
      if (check !== 'ok') throw new AppError('validation_failed', `备份文件已损坏（integrity_check：${String(check)}）。`);
      const hasSchema = source.prepare("select 1 from sqlite_master where type = 'table' and name = 'schema_migration'").get();
      if (!hasSchema) throw new AppError('validation_failed', `${file} 不是安考的数据库备份。`);
      await source.backup(database.location);
    } finally {
      source.close();
    }
    return;
  }
  if (!head.startsWith(pgDumpMagic)) {
    throw new AppError('validation_failed', head === sqliteMagic
      ? '这是 SQLite 备份，不能恢复到 PostgreSQL 数据库。'
      : `${file} 不是 pg_dump 自定义格式的备份文件。`);
  }
  await run(postgresTool('pg_restore'), ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', `--dbname=${database.location}`, file]);
}
