import { resolve } from 'node:path';

/**
 * Every setting the server reads, with its default. Read once at start-up and validated;
 * the rest of the server receives the typed `Config`, never `process.env`.
 * No variables at all = embedded SQLite in ./data, http://127.0.0.1:3000, demo data.
 */
export interface ConfigVariable {
  name: string;
  default: string;
  description: string;
}

export const configVariables: readonly ConfigVariable[] = [
  { name: 'HOST', default: '127.0.0.1', description: '监听地址。对外服务时放在反向代理之后，或设为 0.0.0.0。' },
  { name: 'PORT', default: '3000', description: '监听端口（1–65535）。' },
  { name: 'DATABASE_URL', default: '（未设置）', description: '设置后使用 PostgreSQL（postgres://用户:密码@主机:端口/库名）；未设置时使用 ANKE_DATA_DIR 中的嵌入式 SQLite 文件 anke.db。' },
  { name: 'ANKE_DATA_DIR', default: './data', description: '数据目录：SQLite 文件 anke.db、上传文件 files/、备份。多实例部署时各实例须共享同一目录（files/）。' },
  { name: 'ANKE_DEMO', default: '未设置 DATABASE_URL 时为 1，否则为 0', description: '演示模式：1 时首次启动写入周村区组织树、38 个被考核单位和演示账户；0 时不写任何演示数据。' },
  { name: 'ANKE_SESSION_IDLE_MINUTES', default: '30', description: '会话空闲超时（分钟），超时后须重新登录。' },
  { name: 'ANKE_SESSION_CACHE_MS', default: '1000', description: '读请求复用本实例刚查过的会话的时长（毫秒），0 为不复用。任何写请求都重新查会话，且写完后本实例立即忘掉全部会话；多实例部署时，另一实例上的退出、停用或角色变更最迟在此时长后生效。' },
  { name: 'ANKE_SECURE_COOKIES', default: '0', description: '1 时会话 Cookie 带 Secure 标志；在 HTTPS 反向代理之后部署时必须设为 1。' },
  { name: 'ANKE_TRUST_PROXY', default: '0', description: '1 时信任反向代理的 X-Forwarded-* 头（用于登录限流按真实客户端 IP 计数）。' },
  { name: 'ANKE_LOGIN_RATE_LIMIT', default: '20', description: '每个客户端 IP 每分钟最多登录请求数。' },
  { name: 'ANKE_UPLOAD_MAX_MB', default: '20', description: '单个上传文件的大小上限（MB）。' },
  { name: 'ANKE_LOG_LEVEL', default: 'info', description: '日志级别：fatal、error、warn、info、debug、trace、silent。' },
];

export interface Config {
  host: string;
  port: number;
  /** PostgreSQL connection string; undefined = embedded SQLite. */
  databaseUrl: string | undefined;
  /** Absolute path of the data directory. */
  dataDir: string;
  demo: boolean;
  sessionIdleMinutes: number;
  sessionCacheMs: number;
  secureCookies: boolean;
  trustProxy: boolean;
  loginRateLimit: number;
  uploadMaxBytes: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function text(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = text(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(`环境变量 ${name}=“${raw}”不是整数。`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(`环境变量 ${name}=${raw} 超出范围（${min}–${max}）。`);
  return value;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = text(env, name);
  if (raw === undefined) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`环境变量 ${name}=“${raw}”应为 1 或 0。`);
}

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Reads and validates the configuration; throws ConfigError with a Chinese message naming the variable. */
export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const databaseUrl = text(env, 'DATABASE_URL');
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('环境变量 DATABASE_URL 必须以 postgres:// 或 postgresql:// 开头。');
  }
  const logLevel = text(env, 'ANKE_LOG_LEVEL') ?? 'info';
  if (!(logLevels as readonly string[]).includes(logLevel)) {
    throw new ConfigError(`环境变量 ANKE_LOG_LEVEL=“${logLevel}”无效，可选：${logLevels.join('、')}。`);
  }
  return {
    host: text(env, 'HOST') ?? '127.0.0.1',
    port: integer(env, 'PORT', 3000, 1, 65535),
    databaseUrl,
    dataDir: resolve(cwd, text(env, 'ANKE_DATA_DIR') ?? './data'),
    demo: flag(env, 'ANKE_DEMO', databaseUrl === undefined),
    sessionIdleMinutes: integer(env, 'ANKE_SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
    sessionCacheMs: integer(env, 'ANKE_SESSION_CACHE_MS', 1000, 0, 60_000),
    secureCookies: flag(env, 'ANKE_SECURE_COOKIES', false),
    trustProxy: flag(env, 'ANKE_TRUST_PROXY', false),
    loginRateLimit: integer(env, 'ANKE_LOGIN_RATE_LIMIT', 20, 1, 100_000),
    uploadMaxBytes: integer(env, 'ANKE_UPLOAD_MAX_MB', 20, 1, 1024) * 1024 * 1024,
    logLevel: logLevel as Config['logLevel'],
  };
}
