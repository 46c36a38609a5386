import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBackup } from '../../src/cli/commands/backup';
import { runRestore } from '../../src/cli/commands/restore';
import { verifyAuditChain } from '../../src/server/modules/audit/verify-audit-chain';
import { createDistrict, createUser } from '../support/factories';
import { loginAll, useTestApp } from '../support/test-app';
import { cliEnv } from '../support/test-database';

const io = () => {
  const lines: string[] = [];
  return { io: { out: (s: string) => lines.push(s), err: (s: string) => lines.push(s) }, lines };
};

describe('anke backup / anke restore', () => {
  const t = useTestApp();
  const dir = mkdtempSync(join(tmpdir(), 'anke-backup-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function snapshot() {
    const db = t.database.db;
    return {
      units: await db.selectFrom('unit').select(['id', 'name', 'version', 'sort_order']).orderBy('id').execute(),
      accounts: await db.selectFrom('account').select(['id', 'username', 'password_hash']).orderBy('id').execute(),
      audit: await db.selectFrom('audit_record').select(['seq', 'hash']).orderBy('seq').execute(),
    };
  }

  it('round-trips a populated database while the app keeps serving', async () => {
    const d = await createDistrict(t.database.db, t.now());
    const user = await createUser(t.database.db, 'committeeAdmin', { organisationId: d.districtId });
    const [admin] = await loginAll(t.app, [user]);
    const unit = (await admin.inject({ method: 'GET', url: `/api/units/${d.units.town}` })).json();
    expect((await admin.inject({ method: 'PATCH', url: `/api/units/${d.units.town}`, payload: { version: unit.version, name: '备份前的名称' } })).statusCode).toBe(200);
    const before = await snapshot();

    const file = join(dir, `anke-${t.database.engine}.backup`);
    const backup = io();
    expect(await runBackup([file], backup.io, cliEnv(t.testDb))).toBe(0);
    expect(backup.lines.join('')).toContain('已备份');

    // Changes after the backup: they must be gone after the restore.
    const current = (await admin.inject({ method: 'GET', url: `/api/units/${d.units.town}` })).json();
    await admin.inject({ method: 'PATCH', url: `/api/units/${d.units.town}`, payload: { version: current.version, name: '备份后的名称' } });
    await createDistrict(t.database.db, t.now());
    expect((await snapshot()).audit.length).toBeGreaterThan(before.audit.length);

    expect(await runRestore([file], io().io, cliEnv(t.testDb))).toBe(0);
    expect(await snapshot()).toEqual(before);
    expect((await verifyAuditChain(t.database.db)).problems).toEqual([]);
    const after = await admin.inject({ method: 'GET', url: `/api/units/${d.units.town}` });
    expect(after.json()).toMatchObject({ name: '备份前的名称', version: unit.version + 1 });
  });

  it('refuses to overwrite an existing backup file', async () => {
    const file = join(dir, 'exists.backup');
    writeFileSync(file, 'x');
    await expect(runBackup([file], io().io, cliEnv(t.testDb))).rejects.toThrow('已存在');
  });

  it('refuses a file that is not a backup, and leaves the database alone', async () => {
    const file = join(dir, 'not-a-backup.bin');
    writeFileSync(file, 'PK\u0003\u0004 definitely not a database');
    const before = await snapshot();
    await expect(runRestore([file], io().io, cliEnv(t.testDb))).rejects.toThrow(/不是/);
    await expect(runRestore([join(dir, 'missing.backup')], io().io, cliEnv(t.testDb))).rejects.toThrow('不存在');
    expect(await snapshot()).toEqual(before);
  });
});
