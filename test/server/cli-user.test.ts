import { describe, expect, it } from 'vitest';
import { runUser } from '../../src/cli/commands/user';
import { CliError } from '../../src/cli/cli-error';
import { createDistrict } from '../support/factories';
import { login, useTestApp } from '../support/test-app';
import { cliEnv } from '../support/test-database';

function capture() {
  const out: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => out.push(s) }, out };
}

describe('anke user create', () => {
  const t = useTestApp();

  it('creates an account that can log in with the printed initial password', async () => {
    const d = await createDistrict(t.database.db, t.now());
    const c = capture();
    const code = await runUser(['create', '--role', 'committeeAdmin', '--org', d.districtId, '--username', `ops-${d.districtId}`, '--name', '安委办张三'], c.io, cliEnv(t.testDb));
    expect(code).toBe(0);
    const password = /初始密码（[^）]*）：(\S+)/.exec(c.out.join('\n'))?.[1];
    expect(password).toBeDefined();
    const client = await login(t.app, `ops-${d.districtId}`, password);
    const me = (await client.inject({ method: 'GET', url: '/api/auth/session' })).json();
    expect(me.account).toMatchObject({ role: 'committeeAdmin', organisationId: d.districtId, displayName: '安委办张三' });
    const audit = await t.database.db.selectFrom('audit_record').select('action').where('entity_id', '=', me.account.id).execute();
    expect(audit.map((a) => a.action)).toContain('account.create');
  });

  it.each([
    [['create', '--org', 'x', '--username', 'abc'], '缺少 --role'],
    [['create', '--role', 'boss', '--org', 'ORG', '--username', 'abcd'], '角色“boss”无效'],
    [['create', '--role', 'leader', '--org', 'no-such-org', '--username', 'abcde'], '组织“no-such-org”不存在'],
    [['create', '--role', 'unitLiaison', '--org', 'ORG', '--username', 'abcdef'], '单位联络员必须指定所属被考核单位'],
    [['create', '--role', 'unitLiaison', '--org', 'ORG', '--username', 'abcdefg', '--unit', 'OTHER'], '不在组织'],
    [['remove'], '未知的子命令'],
  ])('refuses %j with a Chinese message', async (args, message) => {
    const d = await createDistrict(t.database.db, t.now());
    const real = args.map((a) => (a === 'ORG' ? d.districtId : a === 'OTHER' ? d.units.other : a));
    const error = await runUser(real, capture().io, cliEnv(t.testDb)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).message).toContain(message);
  });

  it('refuses a duplicate user name', async () => {
    const d = await createDistrict(t.database.db, t.now());
    const args = ['create', '--role', 'leader', '--org', d.districtId, '--username', `dup-${d.districtId}`];
    expect(await runUser(args, capture().io, cliEnv(t.testDb))).toBe(0);
    await expect(runUser(args, capture().io, cliEnv(t.testDb))).rejects.toThrow('已被使用');
  });
});
