import { beforeAll, describe, expect, it } from 'vitest';
import { drawExperts } from '../../src/domain/ledgers/expert/draw-experts';
import { createSeededRandom } from '../../src/domain/ledgers/shared/random';
import { expertOf } from '../../src/server/modules/experts/presenter';
import { createDistrict, createUser, uniq } from '../support/factories';
import type { District } from '../support/factories';
import { addTown, createEnterprise } from '../support/ledger-factories';
import { loginAll, useTestApp } from '../support/test-app';
import type { Client } from '../support/test-app';

const DAY = 86_400_000;

describe('inspections (检查) and expert drawing API', { timeout: 120_000 }, () => {
  let seed = 20_261_207;
  const t = useTestApp({}, { drawSeed: () => seed });
  let d: District;
  let admin: Client;
  let leader: Client;
  let town: Client;
  let dept: Client;
  let otherTown: Client;
  let assessor: Client;
  let enterpriseId: string;
  let relatedId: string;
  let today: string;
  let tomorrow: string;
  let town2: string;

  beforeAll(async () => {
    const db = t.database.db;
    d = await createDistrict(db, t.now());
    town2 = await addTown(db, d, t.now());
    [admin, leader, town, dept, otherTown, assessor] = await loginAll(t.app, [
      await createUser(db, 'committeeAdmin', { organisationId: d.districtId }),
      await createUser(db, 'leader', { organisationId: d.districtId }),
      await createUser(db, 'unitLiaison', { organisationId: d.districtId, unitId: d.units.town }),
      await createUser(db, 'unitLiaison', { organisationId: d.districtId, unitId: d.units.dept }),
      await createUser(db, 'unitLiaison', { organisationId: d.districtId, unitId: town2 }),
      await createUser(db, 'assessor', { organisationId: d.districtId, assignedUnitIds: [d.units.town] }),
    ] as const);
    enterpriseId = (await createEnterprise(admin, d)).id;
    relatedId = (await createEnterprise(admin, d)).id;
    today = new Date(t.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    tomorrow = new Date(t.now().getTime() + 8 * 3_600_000 + DAY).toISOString().slice(0, 10);
  });

  const ok = async (who: Client, method: 'POST' | 'PATCH', url: string, payload: Record<string, unknown>) => {
    const res = await who.inject({ method, url, payload });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json();
  };
  const plan = (who: Client, body: Record<string, unknown> = {}) => who.inject({ method: 'POST', url: '/api/inspections', payload: { enterpriseId, kind: 'expertCheck', plannedOn: tomorrow, ...body } });
  const expert = (specialty: string, name: string, extra: Record<string, unknown> = {}) =>
    ok(admin, 'POST', '/api/experts', { name, specialties: [specialty], level: 'city', ...extra }) as Promise<{ id: string }>;
  const snapshot = async (id: string) => {
    const db = t.database.db;
    const row = await db.selectFrom('inspection').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const n = async (table: 'hazard' | 'inspection_finding' | 'audit_record') => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    return { row, hazards: await n('hazard'), findings: await n('inspection_finding'), audit: await n('audit_record') };
  };

  /**
   * A pool for one specialty: 甲 works for the enterprise, 乙 declared a tie with it, 丙 worked
   * for the related enterprise, 丁 is on leave tomorrow, 戊 has left the pool; 己 庚 辛 are eligible.
   */
  async function pool() {
    const specialty = `建筑施工${uniq()}`;
    const e = {
      jia: await expert(specialty, '甲', { employerEnterpriseId: enterpriseId }),
      yi: await expert(specialty, '乙', { declaredTies: [{ enterpriseId, relation: '持有该企业股份' }] }),
      bing: await expert(specialty, '丙', { formerEmployers: [{ enterpriseId: relatedId, until: '2024-12-31' }] }),
      ding: await expert(specialty, '丁', { unavailable: [{ from: today, to: tomorrow }] }),
      wu: await expert(specialty, '戊', { active: false }),
      ji: await expert(specialty, '己'),
      geng: await expert(specialty, '庚'),
      xin: await expert(specialty, '辛', { level: 'provincial' }),
    };
    return { specialty, e };
  }

  it('plans an inspection; the town and the department may, a leader may not, another district cannot see the enterprise', async () => {
    const res = await plan(admin, { kind: 'inspection' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ enterpriseId, kind: 'inspection', kindLabel: '执法检查', plannedOn: tomorrow, inspectedOn: null, state: 'planned', stateLabel: '计划中', checklistSector: 'construction', drawing: null, findings: [], version: 1 });
    expect((await plan(town)).statusCode).toBe(201);
    expect((await plan(dept)).statusCode).toBe(201);
    const before = await t.database.db.selectFrom('inspection').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect((await plan(leader)).statusCode).toBe(403);
    expect((await plan(otherTown)).statusCode).toBe(404);
    expect((await plan(admin, { kind: 'audit' })).statusCode).toBe(400);
    expect((await plan(admin, { plannedOn: '2026-02-30' })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'POST', url: '/api/inspections', payload: { enterpriseId, kind: 'inspection', plannedOn: tomorrow } })).statusCode).toBe(401);
    const after = await t.database.db.selectFrom('inspection').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    const audit = await t.database.db.selectFrom('audit_record').select('action').where('entity_id', '=', res.json().id).execute();
    expect(audit.map((a) => a.action)).toEqual(['inspection.plan']);
  });

  it('draws experts with recusal of those tied to the enterprise and the related one, and stores the seed so the drawing replays', async () => {
    const { specialty, e } = await pool();
    const insp = (await plan(admin)).json();
    seed = 424_242;
    const res = await admin.inject({ method: 'POST', url: `/api/inspections/${insp.id}/draw`, payload: { version: 1, slots: [{ specialty, count: 2 }], relatedEnterpriseIds: [relatedId] } });
    expect(res.statusCode, res.body).toBe(200);
    const drawing = res.json().drawing;
    expect(drawing.seed).toBe(424_242);
    expect(res.json().version).toBe(2);
    expect(drawing.experts).toHaveLength(2);
    for (const x of drawing.experts) expect([e.ji.id, e.geng.id, e.xin.id]).toContain(x.expertId);
    expect(new Set(drawing.experts.map((x: { expertId: string }) => x.expertId)).size).toBe(2);
    const reasons = Object.fromEntries((drawing.recusals as { expertId: string; name: string; reasons: string[] }[]).map((r) => [r.name, r.reasons]));
    expect(reasons).toEqual({ 甲: ['现任职于被检查单位'], 乙: ['申报与被检查单位有利害关系：持有该企业股份'], 丙: ['曾任职于被检查单位（至2024-12-31）'] });
    // Replaying the stored seed over the same pool gives the same experts.
    const rows = await t.database.db.selectFrom('expert').selectAll().execute();
    const replay = drawExperts(rows.map(expertOf), { enterpriseId, relatedEnterpriseIds: [relatedId], inspectionDate: tomorrow, slots: [{ specialty, count: 2 }] }, createSeededRandom(drawing.seed));
    expect(replay.ok && replay.drawn.map((x) => x.expertId)).toEqual(drawing.experts.map((x: { expertId: string }) => x.expertId));
    const audit = await t.database.db.selectFrom('audit_record').select(['action', 'after_json']).where('entity_id', '=', insp.id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['inspection.plan', 'inspection.draw']);
    expect(JSON.parse(audit[1]!.after_json!)).toMatchObject({ seed: 424_242, experts: drawing.experts.map(({ levelLabel: _, ...x }: Record<string, unknown>) => x) });
    // Only 辛 is provincial: asking for two provincial experts cannot be met.
    const provincial = await admin.inject({ method: 'POST', url: `/api/inspections/${insp.id}/draw`, payload: { version: 2, slots: [{ specialty, count: 2, levels: ['provincial'] }] } });
    expect(provincial.statusCode).toBe(409);
    expect(provincial.json().message).toContain('（省级）');
    expect(provincial.json().message).toContain('仅1名');
  });

  it('refuses a drawing when too few experts are eligible, saying how many of which specialty; nothing changes', async () => {
    const { specialty } = await pool();
    const insp = (await plan(admin)).json();
    const before = await snapshot(insp.id);
    const res = await admin.inject({ method: 'POST', url: `/api/inspections/${insp.id}/draw`, payload: { version: 1, slots: [{ specialty, count: 4 }], relatedEnterpriseIds: [relatedId] } });
    expect(res.statusCode).toBe(409);
    // By hand: 8 in the pool; 丁 on leave and 戊 out of the pool are not counted; 甲 乙 丙 recused → 3 left.
    expect(res.json().message).toBe(`“${specialty}”专业在${tomorrow}可抽取的专家仅3名（另有3名因回避排除），不足所需4名，请扩大专业或级别范围，或改期抽取。`);
    expect(await snapshot(insp.id)).toEqual(before);
    expect((await admin.inject({ method: 'POST', url: `/api/inspections/${insp.id}/draw`, payload: { version: 1, slots: [{ specialty, count: 0 }] } })).statusCode).toBe(400);
    expect((await admin.inject({ method: 'POST', url: `/api/inspections/${insp.id}/draw`, payload: { version: 1, slots: [{ specialty, count: 1 }], relatedEnterpriseIds: ['no-such'] } })).json().message).toContain('relatedEnterpriseIds.0');
  });

  it('records an expert check: one hazard card per non-compliant finding, found by 专家检查, in the same change; a second record and a later drawing are refused and change nothing', async () => {
    const { specialty } = await pool();
    const insp = (await plan(town)).json();
    await ok(town, 'POST', `/api/inspections/${insp.id}/draw`, { version: 1, slots: [{ specialty, count: 1 }] });
    const before = await snapshot(insp.id);
    const record = {
      version: 2, inspectedOn: today, inspectors: ['己', '张检查'], documentNumbers: ['周应急现记〔2026〕1号'],
      findings: [
        { item: '安全生产责任制', compliant: true, description: '已建立' },
        { item: '临边防护', compliant: false, description: '三层临边未设防护栏杆', place: '3号楼三层' },
        { item: '消防器材', compliant: false, description: '灭火器过期' },
      ],
    };
    const res = await town.inject({ method: 'POST', url: `/api/inspections/${insp.id}/record`, payload: record });
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json();
    expect(v).toMatchObject({ state: 'recorded', stateLabel: '已检查', inspectedOn: today, inspectors: ['己', '张检查'], version: 3 });
    expect(v.findings.map((f: { compliant: boolean; hazardId: string | null }) => [f.compliant, f.hazardId === null])).toEqual([[true, true], [false, false], [false, false]]);
    const after = await snapshot(insp.id);
    expect(after.hazards - before.hazards).toBe(2);
    expect(after.findings - before.findings).toBe(3);
    const cards = await t.database.db.selectFrom('hazard').selectAll().where('id', 'in', [v.findings[1].hazardId, v.findings[2].hazardId]).execute();
    const byId = new Map(cards.map((c) => [c.id, c]));
    const first = byId.get(v.findings[1].hazardId)!;
    expect([first.enterprise_id, first.found_on, first.found_way, first.description]).toEqual([enterpriseId, today, 'expertCheck', '三层临边未设防护栏杆（检查项临边防护）']);
    const card = JSON.parse(first.card_json) as { foundBy: string; place: string; enforcementDocumentNumbers: string[] };
    expect([card.foundBy, card.place, card.enforcementDocumentNumbers]).toEqual(['己、张检查', '3号楼三层', ['周应急现记〔2026〕1号']]);
    // Without a place the checklist item names where the hazard is.
    expect((JSON.parse(byId.get(v.findings[2].hazardId)!.card_json) as { place: string }).place).toBe('消防器材');
    const audit = await t.database.db.selectFrom('audit_record').select('action').where('entity_id', '=', insp.id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['inspection.plan', 'inspection.draw', 'inspection.record']);

    const again = await town.inject({ method: 'POST', url: `/api/inspections/${insp.id}/record`, payload: { ...record, version: 3 } });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('不能重复登记');
    const draw = await admin.inject({ method: 'POST', url: `/api/inspections/${insp.id}/draw`, payload: { version: 3, slots: [{ specialty, count: 1 }] } });
    expect(draw.statusCode).toBe(409);
    expect(draw.json().message).toContain('不能再抽取专家');
    expect(await snapshot(insp.id)).toEqual(after);
  });

  it('refuses a record from a leader, another town, an assessor, with a stale version, a future day or no drawing for an expert check; nothing changes', async () => {
    const insp = (await plan(admin)).json();
    const plain = (await plan(admin, { kind: 'inspection' })).json();
    const before = await snapshot(insp.id);
    const body = { version: 1, inspectedOn: today, inspectors: ['张检查'], findings: [{ item: '临边防护', compliant: false, description: '未设防护' }] };
    const rec = (who: Client, id: string, payload: Record<string, unknown>) => who.inject({ method: 'POST', url: `/api/inspections/${id}/record`, payload });
    expect((await rec(leader, insp.id, body)).statusCode).toBe(403);
    expect((await rec(otherTown, insp.id, body)).statusCode).toBe(404);
    expect((await rec(assessor, insp.id, body)).statusCode).toBe(404);
    const noDraw = await rec(admin, insp.id, body);
    expect(noDraw.statusCode).toBe(409);
    expect(noDraw.json().message).toContain('须先随机抽取专家');
    expect((await rec(admin, plain.id, { ...body, version: 2 })).statusCode).toBe(409);
    expect((await rec(admin, plain.id, { ...body, inspectedOn: tomorrow })).json().message).toContain('inspectedOn');
    expect((await rec(admin, plain.id, { ...body, findings: [] })).statusCode).toBe(400);
    expect((await rec(admin, plain.id, { ...body, inspectors: ['一二三四五六七八九十一二三四五六七八九十', '一二三四五六七八九十一二三四五六七八九十', '一二三四五六七八九十一二三四五六七八九十', '一二三四五六七八九十一二三四五六七八九十', '一二三四五六七八九十一二三四五六七八九十'] })).json().message).toContain('inspectors');
    const after = await snapshot(insp.id);
    expect({ ...after, row: undefined }).toEqual({ ...before, row: undefined });
    expect(after.row).toEqual(before.row);
    // A 执法检查 needs no drawing: found by 执法检查.
    const res = await rec(dept, plain.id, body);
    expect(res.statusCode, res.body).toBe(200);
    const hazard = await t.database.db.selectFrom('hazard').select('found_way').where('id', '=', res.json().findings[0].hazardId).executeTakeFirstOrThrow();
    expect(hazard.found_way).toBe('inspection');
  });

  it('a finding that cannot become a card refuses the whole record: neither the record, its findings nor any card is written', async () => {
    const moved = (await createEnterprise(admin, d)).id;
    const insp = (await plan(town, { enterpriseId: moved, kind: 'inspection' })).json();
    // The enterprise moves to another town after the plan: the town's liaison may no longer record its cards.
    await t.database.db.updateTable('enterprise').set({ territorial_unit_id: town2 }).where('id', '=', moved).execute();
    const before = await snapshot(insp.id);
    const res = await town.inject({ method: 'POST', url: `/api/inspections/${insp.id}/record`, payload: {
      version: 1, inspectedOn: today, inspectors: ['张检查'],
      findings: [{ item: '消防器材', compliant: true, description: '合格' }, { item: '临边防护', compliant: false, description: '未设防护' }],
    } });
    expect(res.statusCode, res.body).toBe(404);
    expect(res.json().message).toBe('生产经营单位不存在或无权查看。');
    expect(await snapshot(insp.id)).toEqual(before);
  });

  it('lists inspections in the reader\'s scope, filtered by enterprise, town and state; assessors are refused', async () => {
    const other = (await createEnterprise(admin, d)).id;
    const a = (await plan(admin, { enterpriseId: other, kind: 'inspection' })).json();
    const b = (await plan(admin, { enterpriseId: other, kind: 'inspection' })).json();
    await ok(admin, 'POST', `/api/inspections/${b.id}/record`, { version: 1, inspectedOn: today, inspectors: ['张检查'], findings: [{ item: '消防', compliant: true, description: '合格' }] });
    const ids = async (who: Client, query: string) => {
      const res = await who.inject({ method: 'GET', url: `/api/inspections${query}` });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().items as { id: string }[]).map((i) => i.id).sort();
    };
    expect(await ids(admin, `?enterpriseId=${other}`)).toEqual([a.id, b.id].sort());
    expect(await ids(admin, `?enterpriseId=${other}&state=planned`)).toEqual([a.id]);
    expect(await ids(leader, `?enterpriseId=${other}&state=recorded`)).toEqual([b.id]);
    expect(await ids(town, `?enterpriseId=${other}&territorialUnitId=${d.units.town}`)).toEqual([a.id, b.id].sort());
    expect(await ids(dept, `?enterpriseId=${other}`)).toEqual([a.id, b.id].sort());
    expect(await ids(otherTown, `?enterpriseId=${other}`)).toEqual([]);
    expect((await assessor.inject({ method: 'GET', url: '/api/inspections' })).statusCode).toBe(403);
    expect((await assessor.inject({ method: 'GET', url: `/api/inspections/${a.id}` })).statusCode).toBe(404);
    expect((await admin.inject({ method: 'GET', url: '/api/inspections?state=done' })).statusCode).toBe(400);
  });

  it('attaches expert and agency reports to an inspection or to the enterprise; they show on the inspection and on the enterprise file, with the inspections', async () => {
    const insp = (await plan(admin, { kind: 'inspection' })).json();
    const report = { authorKind: 'agency', authorName: '淄博某安全技术服务公司', title: '安全诊断报告', summary: '发现问题5项', reportedOn: today };
    const res = await town.inject({ method: 'POST', url: `/api/inspections/${insp.id}/reports`, payload: report });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ inspectionId: insp.id, enterpriseId, authorKindLabel: '安全生产服务机构', title: '安全诊断报告' });
    const own = await admin.inject({ method: 'POST', url: `/api/enterprises/${enterpriseId}/reports`, payload: { ...report, authorKind: 'expert', authorName: '王工', title: '专家诊断意见' } });
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json().inspectionId).toBeNull();
    const before = Number((await t.database.db.selectFrom('inspection_report').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    expect((await leader.inject({ method: 'POST', url: `/api/inspections/${insp.id}/reports`, payload: report })).statusCode).toBe(403);
    expect((await otherTown.inject({ method: 'POST', url: `/api/enterprises/${enterpriseId}/reports`, payload: report })).statusCode).toBe(404);
    expect((await admin.inject({ method: 'POST', url: `/api/inspections/${insp.id}/reports`, payload: { ...report, fileId: 'no-such' } })).json().message).toContain('fileId');
    expect((await admin.inject({ method: 'POST', url: `/api/inspections/${insp.id}/reports`, payload: { ...report, reportedOn: tomorrow } })).statusCode).toBe(400);
    expect(Number((await t.database.db.selectFrom('inspection_report').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(before);
    const got = (await leader.inject({ method: 'GET', url: `/api/inspections/${insp.id}` })).json();
    expect(got.reports.map((r: { title: string }) => r.title)).toEqual(['安全诊断报告']);
    const audit = await t.database.db.selectFrom('audit_record').select('action').where('entity_id', '=', res.json().id).execute();
    expect(audit.map((a) => a.action)).toEqual(['inspection.report']);

    const file = (await admin.inject({ method: 'GET', url: `/api/enterprises/${enterpriseId}/file` })).json();
    const titles = (file.timeline as { kind: string; title: string }[]).filter((e) => e.kind === 'inspection' || e.kind === 'expertReport').map((e) => `${e.kind}:${e.title}`);
    expect(titles).toContain('expertReport:安全生产服务机构淄博某安全技术服务公司报告《安全诊断报告》：发现问题5项');
    expect(titles).toContain('expertReport:专家王工报告《专家诊断意见》：发现问题5项');
    expect(titles).toContain(`inspection:计划${tomorrow}执法检查`);
    expect(titles).toContain('inspection:专家查隐患：检查3项，不符合2项，建立隐患卡2张');
  });
});
