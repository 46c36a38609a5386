import { beforeAll, describe, expect, it } from 'vitest';
import { writeWorkbook } from '../../src/server/documents/xlsx-adapter';
import { createDistrict, createUser } from '../support/factories';
import type { District } from '../support/factories';
import { addTown, createEnterprise, creditCode, enterpriseBody } from '../support/ledger-factories';
import { multipart } from '../support/multipart';
import { loginAll, useTestApp } from '../support/test-app';
import type { Client } from '../support/test-app';

describe('enterprises (一企一档) API', { timeout: 60_000 }, () => {
  const t = useTestApp();
  let d: District;
  let town2: string;
  let admin: Client;
  let leader: Client;
  let townLiaison: Client;
  let deptLiaison: Client;
  let town2Liaison: Client;
  let otherAdmin: Client;
  let townName: string;
  let deptName: string;

  beforeAll(async () => {
    const db = t.database.db;
    d = await createDistrict(db, t.now());
    town2 = await addTown(db, d, t.now());
    const users = [
      await createUser(db, 'committeeAdmin', { organisationId: d.districtId }),
      await createUser(db, 'leader', { organisationId: d.districtId }),
      await createUser(db, 'unitLiaison', { organisationId: d.districtId, unitId: d.units.town }),
      await createUser(db, 'unitLiaison', { organisationId: d.districtId, unitId: d.units.dept }),
      await createUser(db, 'unitLiaison', { organisationId: d.districtId, unitId: town2 }),
      await createUser(db, 'committeeAdmin', { organisationId: d.otherDistrictId }),
    ] as const;
    [admin, leader, townLiaison, deptLiaison, town2Liaison, otherAdmin] = await loginAll(t.app, users);
    const names = await db.selectFrom('unit').select(['id', 'name']).where('id', 'in', [d.units.town, d.units.dept]).execute();
    townName = names.find((n) => n.id === d.units.town)!.name;
    deptName = names.find((n) => n.id === d.units.dept)!.name;
  });

  const count = async () => Number((await t.database.db.selectFrom('enterprise').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const audits = async (id: string) => t.database.db.selectFrom('audit_record').select('action').where('entity_id', '=', id).execute();

  it('registers an enterprise with its licences, reads it back and audits the change', async () => {
    const body = enterpriseBody(d, {
      creditCode: '91350100m000100y43', // lower case typed by a person: normalised
      sector: '建筑施工', standardisationLevel: 'level2',
      licences: [{ kind: '安全生产许可证', number: '（鲁）JZ安许证字〔2026〕000001', validFrom: '2024-01-01', validTo: '2099-12-31' }],
      safetyStaff: [{ name: '李四', role: '安全生产管理人员', certificate: 'AQ-001' }],
      majorHazardSources: [{ name: '液氨储罐区', level: '三级' }],
      emergencyPlans: [{ title: '综合应急预案', approvedOn: '2025-03-01', drills: [{ on: '2025-06-01', note: '消防演练' }] }],
    });
    const res = await townLiaison.inject({ method: 'POST', url: '/api/enterprises', payload: body });
    expect(res.statusCode).toBe(201);
    const e = res.json();
    expect(e).toMatchObject({
      creditCode: '91350100M000100Y43'.slice(0, 18), sector: 'construction', sectorLabel: '建筑施工', size: 'small',
      territorialUnitName: townName, regulatingUnitName: deptName, standardisationLevel: 'level2', version: 1,
      safetyStaff: [{ name: '李四' }], majorHazardSources: [{ name: '液氨储罐区' }],
    });
    expect(e.licences[0]).toMatchObject({ status: 'valid' });
    expect(await audits(e.id)).toEqual([{ action: 'enterprise.create' }]);
    const read = await leader.inject({ method: 'GET', url: `/api/enterprises/${e.id}` });
    expect(read.statusCode).toBe(200);
    expect(read.json().name).toBe(body.name);
  });

  it('refuses a credit code with a wrong check character or a bad character, naming the position (400, nothing written)', async () => {
    const before = await count();
    const bad = await admin.inject({ method: 'POST', url: '/api/enterprises', payload: enterpriseBody(d, { creditCode: '91350100M000100Y44' }) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('creditCode');
    expect(bad.json().message).toContain('第18位为“4”');
    expect(bad.json().message).toContain('应为“3”');
    const letter = await admin.inject({ method: 'POST', url: '/api/enterprises', payload: enterpriseBody(d, { creditCode: '91350100M0001O0Y43' }) });
    expect(letter.statusCode).toBe(400);
    expect(letter.json().message).toContain('第14位字符“O”不合法');
    const missing = await admin.inject({ method: 'POST', url: '/api/enterprises', payload: { ...enterpriseBody(d), address: '' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toContain('address');
    expect(await count()).toBe(before);
  });

  it('refuses a credit code already registered and an unknown sector, naming the field', async () => {
    const code = creditCode();
    await createEnterprise(admin, d, { creditCode: code });
    const again = await admin.inject({ method: 'POST', url: '/api/enterprises', payload: enterpriseBody(d, { creditCode: code }) });
    expect(again.statusCode).toBe(400);
    expect(again.json().message).toBe(`字段“creditCode”：统一社会信用代码${code}已登记，不能重复登记。`);
    const sector = await admin.inject({ method: 'POST', url: '/api/enterprises', payload: enterpriseBody(d, { sector: '外太空采矿' }) });
    expect(sector.statusCode).toBe(400);
    expect(sector.json().message).toContain('行业领域“外太空采矿”不在行业领域目录中');
    const town = await admin.inject({ method: 'POST', url: '/api/enterprises', payload: enterpriseBody(d, { territorialUnitId: d.units.dept }) });
    expect(town.statusCode).toBe(400);
    expect(town.json().message).toContain('territorialUnitId');
  });

  it('401 without a session; 403 for a leader, another town\'s liaison and another district\'s office', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/enterprises' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/enterprises', payload: {} })).statusCode).toBe(401);
    expect((await leader.inject({ method: 'POST', url: '/api/enterprises', payload: enterpriseBody(d) })).statusCode).toBe(403);
    expect((await town2Liaison.inject({ method: 'POST', url: '/api/enterprises', payload: enterpriseBody(d) })).statusCode).toBe(403);
    expect((await otherAdmin.inject({ method: 'POST', url: '/api/enterprises', payload: enterpriseBody(d) })).statusCode).toBe(403);
    // The department's liaison registers enterprises it regulates, in any town.
    expect((await deptLiaison.inject({ method: 'POST', url: '/api/enterprises', payload: enterpriseBody(d, { territorialUnitId: town2 }) })).statusCode).toBe(201);
  });

  it('lists with filters and paging, scoped: a town liaison sees only its town\'s enterprises', async () => {
    const a = await createEnterprise(admin, d, { sector: 'fire', size: 'large' });
    const b = await createEnterprise(admin, d, { territorialUnitId: town2, sector: 'fire', size: 'large' });
    const fireAdmin = (await admin.inject({ method: 'GET', url: '/api/enterprises?sector=fire&size=large&pageSize=1&sort=name' })).json();
    expect(fireAdmin.total).toBe(2);
    expect(fireAdmin.items).toHaveLength(1);
    const mine = (await townLiaison.inject({ method: 'GET', url: '/api/enterprises?sector=fire' })).json();
    expect(mine.items.map((e: { id: string }) => e.id)).toEqual([a.id]);
    const theirs = (await town2Liaison.inject({ method: 'GET', url: '/api/enterprises?sector=fire' })).json();
    expect(theirs.items.map((e: { id: string }) => e.id)).toEqual([b.id]);
    expect((await town2Liaison.inject({ method: 'GET', url: `/api/enterprises/${a.id}` })).statusCode).toBe(404);
    expect((await otherAdmin.inject({ method: 'GET', url: '/api/enterprises' })).json().total).toBe(0);
    const bad = await admin.inject({ method: 'GET', url: '/api/enterprises?pageSize=1000' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('pageSize');
  });

  it('updates with the version; a stale version is 409 and changes nothing', async () => {
    const e = await createEnterprise(townLiaison, d);
    const ok = await townLiaison.inject({ method: 'PATCH', url: `/api/enterprises/${e.id}`, payload: { version: 1, address: '周村区新址2号', standardisationLevel: 'level3' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ address: '周村区新址2号', standardisationLevel: 'level3', version: 2 });
    const stale = await deptLiaison.inject({ method: 'PATCH', url: `/api/enterprises/${e.id}`, payload: { version: 1, address: '旧版本' } });
    expect(stale.statusCode).toBe(409);
    expect((await admin.inject({ method: 'GET', url: `/api/enterprises/${e.id}` })).json().address).toBe('周村区新址2号');
    expect((await leader.inject({ method: 'PATCH', url: `/api/enterprises/${e.id}`, payload: { version: 2, address: 'x' } })).statusCode).toBe(403);
    expect((await town2Liaison.inject({ method: 'PATCH', url: `/api/enterprises/${e.id}`, payload: { version: 2, address: 'x' } })).statusCode).toBe(404);
    expect(await audits(e.id)).toEqual([{ action: 'enterprise.create' }, { action: 'enterprise.update' }]);
  });

  it('the enterprise file puts its hazards, licences and accidents on one timeline, newest first', async () => {
    const e = await createEnterprise(admin, d, { licences: [{ kind: '危险化学品经营许可证', number: 'WH-1', validFrom: '2020-01-01', validTo: '2021-01-01' }] });
    const today = t.now().toISOString().slice(0, 10);
    const h = await townLiaison.inject({ method: 'POST', url: '/api/hazards', payload: { enterpriseId: e.id, foundOn: today, foundWay: 'inspection', foundBy: '王五', place: '配电室', description: '配电箱无防护门' } });
    expect(h.statusCode).toBe(201);
    const name = (await admin.inject({ method: 'GET', url: `/api/enterprises/${e.id}` })).json().name;
    await admin.inject({ method: 'POST', url: '/api/accidents', payload: { organisationId: d.districtId, occurredAt: '2022-05-01', enterprise: name, deaths: 1, summary: '高处坠落' } });
    const file = await townLiaison.inject({ method: 'GET', url: `/api/enterprises/${e.id}/file` });
    expect(file.statusCode).toBe(200);
    const body = file.json();
    expect(body.counts).toEqual({ hazards: 1, openHazards: 1, majorHazards: 0, accidents: 1 });
    expect(body.enterprise.licences[0].status).toBe('expired');
    expect(body.timeline.map((x: { kind: string }) => x.kind)).toEqual(['hazard', 'accident', 'licence']);
    expect(body.timeline[0].title).toContain('配电箱无防护门');
    expect((await town2Liaison.inject({ method: 'GET', url: `/api/enterprises/${e.id}/file` })).statusCode).toBe(404);
  });

  const workbook = (rows: Record<string, string>[]) => writeWorkbook([{
    name: '一企一档',
    columns: ['单位名称', '统一社会信用代码', '地址', '法定代表人', '行业领域', '企业规模', '所属镇（街道）', '行业监管部门', '标准化等级'].map((h) => ({ header: h, key: h })),
    rows,
  }]);
  const row = (extra: Record<string, string> = {}) => ({
    单位名称: `导入企业${Math.random().toString(36).slice(2, 8)}`, 统一社会信用代码: creditCode(), 地址: '周村区', 法定代表人: '赵六',
    行业领域: '建筑施工', 企业规模: '小型', '所属镇（街道）': townName, 行业监管部门: deptName, 标准化等级: '三级', ...extra,
  });

  it('imports a workbook whole: every row valid → all written', async () => {
    const before = await count();
    const file = await workbook([row(), row(), row({ 标准化等级: '' })]);
    const res = await admin.inject({ method: 'POST', url: '/api/enterprises/import', ...multipart('企业.xlsx', file) });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ imported: 3 });
    expect(await count()).toBe(before + 3);
  });

  it('refuses a workbook with any bad cell, naming each row and column, and writes nothing', async () => {
    const before = await count();
    const dup = creditCode();
    const file = await workbook([
      row({ 统一社会信用代码: dup }),
      row({ 统一社会信用代码: '91350100M000100Y44' }),
      row({ 企业规模: '超大型', '所属镇（街道）': '不存在镇' }),
      row({ 统一社会信用代码: dup }),
    ]);
    const res = await admin.inject({ method: 'POST', url: '/api/enterprises/import', ...multipart('企业.xlsx', file) });
    expect(res.statusCode).toBe(400);
    const message: string = res.json().message;
    expect(message).toContain('未导入任何数据');
    expect(message).toContain('第3行B列（统一社会信用代码）：统一社会信用代码校验码错误');
    expect(message).toContain('第4行F列（企业规模）');
    expect(message).toContain('第4行G列（所属镇（街道））：所属镇（街道）“不存在镇”不存在');
    expect(message).toContain('第5行B列（统一社会信用代码）：统一社会信用代码' + dup + '与第2行重复');
    expect(await count()).toBe(before);
    // Another town's liaison may not import this town's enterprises.
    const scoped = await town2Liaison.inject({ method: 'POST', url: '/api/enterprises/import', ...multipart('企业.xlsx', await workbook([row()])) });
    expect(scoped.statusCode).toBe(400);
    expect(scoped.json().message).toContain('无权登记');
    expect((await leader.inject({ method: 'POST', url: '/api/enterprises/import', ...multipart('企业.xlsx', await workbook([row()])) })).statusCode).toBe(403);
    expect(await count()).toBe(before);
  });
});
