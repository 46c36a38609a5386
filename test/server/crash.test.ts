import { spawn } from 'node:child_process';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/server/db/create-database';
import { verifyAuditChain } from '../../src/server/modules/audit/verify-audit-chain';
import { createDistrict, createUser, testPassword } from '../support/factories';
import { createTestDatabase } from '../support/test-database';

const writer = new URL('./crash-writer.ts', import.meta.url).pathname;

/** Runs the writer until it has acknowledged `killAfter` writes, then SIGKILLs it. */
function runAndKill(args: string[], killAfter: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acked: number[] = [];
    let buffer = '';
    let stderr = '';
    let killed = false;
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let newline;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        if (line.startsWith('ack ')) acked.push(Number(line.slice(4)));
        if (!killed && acked.length >= killAfter) {
          killed = true;
          child.kill('SIGKILL');
        }
      }
    });
    child.on('close', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(acked);
      else reject(new Error(`writer exited without being killed: ${stderr.slice(-2000)}`));
    });
  });
}

describe('crash safety', () => {
  it('keeps every acknowledged write through SIGKILL at random points, and the database stays sound', { timeout: 120_000 }, async () => {
    const t = await createTestDatabase();
    try {
      const d = await createDistrict(t.database.db);
      const admin = await createUser(t.database.db, 'committeeAdmin', { organisationId: d.districtId });
      let next = 0;
      for (let round = 0; round < 3; round += 1) {
        // A random point: somewhere between 5 and 60 acknowledged writes into the run.
        const killAfter = 5 + Math.floor(Math.random() * 56);
        const acked = await runAndKill([t.location, admin.username, testPassword, d.units.town, String(next)], killAfter);
        expect(acked.length).toBeGreaterThanOrEqual(killAfter);

        // "Restart": a fresh connection, as the next server start would open.
        const reopened = t.database.engine === 'postgres'
          ? createDatabase({ databaseUrl: t.location, poolSize: 2 })
          : createDatabase({ sqliteFile: t.location });
        try {
          if (reopened.engine === 'sqlite') {
            expect(reopened.sqlite!.pragma('integrity_check', { simple: true })).toBe('ok');
            expect(reopened.sqlite!.pragma('foreign_key_check')).toEqual([]);
          }
          const names = await reopened.db.selectFrom('audit_record').select('after_json')
            .where('action', '=', 'unit.update').where('entity_id', '=', d.units.town).execute();
          const written = new Set(names.map((r) => (JSON.parse(r.after_json!) as { name: string }).name));
          for (const n of acked) expect(written.has(`写入-${n}`), `acknowledged write ${n}`).toBe(true);
          const unit = await reopened.db.selectFrom('unit').select('name').where('id', '=', d.units.town).executeTakeFirstOrThrow();
          const last = acked.at(-1)!;
          // The stored name is the last acknowledged one, or one in flight when the kill came.
          expect([`写入-${last}`, `写入-${last + 1}`]).toContain(unit.name);
          expect((await verifyAuditChain(reopened.db)).problems).toEqual([]);
          await sql`select 1`.execute(reopened.db);
          next = last + 2;
        } finally {
          await reopened.close();
        }
      }
    } finally {
      await t.drop();
    }
  });
});
