/* global process, console */
// A throw-away PostgreSQL cluster for the PostgreSQL test tier and the API benchmark.
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** PostgreSQL server binaries of the newest installed version, or null. */
export function postgresBin() {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', 'postgres'))).sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? join(base, versions[0], 'bin') : null;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * A throw-away PostgreSQL cluster on a loopback port. PostgreSQL refuses to run as root,
 * so as root the cluster belongs to the `postgres` user and its commands run as that user.
 */
function runner(bin) {
  const asRoot = process.getuid?.() === 0;
  return (cmd, args) => {
    const full = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]] : [join(bin, cmd), args];
    const res = spawnSync(full[0], full[1], { encoding: 'utf8' });
    if (res.status !== 0) throw new Error(`${cmd} 失败：${(res.stderr || res.stdout || res.error?.message || '').trim()}`);
  };
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/**
 * Stops and deletes clusters whose owning process died without cleaning up (killed with
 * SIGKILL, machine reset). Only clusters that recorded their owner (owner.pid) are touched.
 */
function reapOrphans(bin) {
  const runAs = runner(bin);
  for (const name of readdirSync(tmpdir()).filter((n) => n.startsWith('anke-pg-'))) {
    const dir = join(tmpdir(), name);
    const ownerFile = join(dir, 'owner.pid');
    if (!existsSync(ownerFile)) continue;
    const owner = Number(readFileSync(ownerFile, 'utf8'));
    if (!owner || alive(owner)) continue;
    try {
      if (existsSync(join(dir, 'data', 'postmaster.pid'))) runAs('pg_ctl', ['-D', join(dir, 'data'), '-m', 'immediate', '-w', 'stop']);
      rmSync(dir, { recursive: true, force: true });
      console.log(`已清理遗留的临时 PostgreSQL：${dir}`);
    } catch (error) {
      console.log(`清理遗留的临时 PostgreSQL ${dir} 失败：${error.message}`);
    }
  }
}

export async function startTemporaryPostgres(bin) {
  reapOrphans(bin);
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'anke-pg-'));
  writeFileSync(join(dir, 'owner.pid'), String(process.pid));
  const data = join(dir, 'data');
  const port = await freePort();
  const runAs = runner(bin);
  const stop = () => {
    try {
      if (existsSync(join(data, 'postmaster.pid'))) runAs('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } catch (error) {
      console.log(`停止临时 PostgreSQL 失败：${error.message}`);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    if (asRoot) {
      const id = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
      const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
      if (id.status !== 0) throw new Error('系统中没有 postgres 用户');
      chownSync(dir, Number(id.stdout.trim()), Number(gid.stdout.trim()));
    }
    runAs('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
    // fsync off: a test cluster is thrown away, durability is not under test here.
    const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c max_connections=200`;
    runAs('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-o', options, '-w', '-t', '60', 'start']);
  } catch (error) {
    stop();
    throw error;
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
}
