import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';
import { createDatabase } from './db/create-database';
import { migrateToLatest } from './db/migrate';
import { demoAccounts, demoPassword, seedDemo } from './demo/seed-demo';
import { FileStore } from './modules/files/file-store';
import { roleLabels } from '../domain/access/roles';

// Start-up order (docs/operations.md): validate config → open database → migrate → listen.
let config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`配置错误：${error.message}\n`);
    process.exit(2);
  }
  throw error;
}

const database = createDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  await migrateToLatest(database.db);
  if (config.demo) await seedDemo(database.db, new Date(), new FileStore(config.dataDir));
  await database.refreshStatistics();
} catch (error) {
  process.stderr.write(`数据库初始化失败：${error instanceof Error ? error.message : String(error)}\n`);
  await database.close();
  process.exit(1);
}

const app = await buildApp({ database, config, logger: { level: config.logLevel } });
// The planner's statistics follow the data as it grows (create-database.ts refreshStatistics).
const statisticsEveryMs = 6 * 3_600_000;
setInterval(() => {
  database.refreshStatistics().catch((error: unknown) => app.log.warn({ err: error }, '更新查询统计信息失败'));
}, statisticsEveryMs).unref();
try {
  await app.listen({ host: config.host, port: config.port });
} catch (error) {
  process.stderr.write(`无法在 ${config.host}:${config.port} 监听：${error instanceof Error ? error.message : String(error)}\n`);
  await app.close();
  await database.close();
  process.exit(1);
}

const shownHost = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
const url = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${config.port}`;
const lines = [
  '',
  `安考已启动：${url}`,
  `数据库：${database.engine === 'sqlite' ? `SQLite（${database.location}）` : 'PostgreSQL（DATABASE_URL）'}`,
  `接口文档：${url}/api/docs`,
];
if (config.demo) {
  lines.push('', `演示模式（ANKE_DEMO=1）：已载入周村区组织树和被考核单位。演示账户的密码均为 ${demoPassword}：`);
  for (const a of demoAccounts) lines.push(`  ${a.username.padEnd(10)} ${roleLabels[a.role]}（${a.displayName}）`);
  lines.push(`登录：POST ${url}/api/auth/login  {"username":"admin","password":"${demoPassword}"}`);
  lines.push('演示账户只在演示模式下存在；正式部署请设 ANKE_DEMO=0 并用 npx anke user create 创建账户。');
} else {
  lines.push('', '登录：使用 npx anke user create --role committeeAdmin --org <组织编号> --username <用户名> 创建的账户。');
}
lines.push('按 Ctrl+C 停止。', '');
process.stdout.write(lines.join('\n'));

const shutdownTimeoutMs = 15_000;
let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  process.stdout.write(`\n收到 ${signal}，正在停止：等待进行中的请求完成……\n`);
  // Past this, a stuck request or client does not keep the process alive forever.
  const deadline = setTimeout(() => {
    process.stderr.write(`停止超时（${shutdownTimeoutMs / 1000} 秒），强制退出。\n`);
    process.exit(1);
  }, shutdownTimeoutMs);
  // Keep-alive connections that finish their last request after close() began would
  // otherwise hold the server open until the client lets go.
  const sweep = setInterval(() => app.server.closeIdleConnections(), 100);
  try {
    await app.close(); // stops accepting, lets in-flight requests finish
    clearInterval(sweep);
    await database.close();
    clearTimeout(deadline);
    process.stdout.write('已停止。\n');
    process.exit(0);
  } catch (error) {
    process.stderr.write(`停止时出错：${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
