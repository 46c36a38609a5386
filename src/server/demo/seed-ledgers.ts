import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import { creditCodeCheckChar } from '../../domain/ledgers/enterprise/credit-code';
import { validateEnterprise } from '../../domain/ledgers/enterprise/enterprise-file';
import type { HazardActor, HazardCard, HazardEvent } from '../../domain/ledgers/hazard/hazard-card';
import type { HazardCommand } from '../../domain/ledgers/hazard/transition-hazard';
import { createHazardCard, transitionHazard } from '../../domain/ledgers/hazard/transition-hazard';
import { chinaDateOf } from '../../domain/ledgers/shared/dates';
import type { DB } from '../db/schema';
import type { EnterpriseTable, HazardEventTable, HazardTable } from '../db/schema-ledgers';
import { appendAudit } from '../modules/audit/repository';
import { cardColumns } from '../modules/hazards/repository';
import { zhoucunId } from './zhoucun';

const DAY = 86_400_000;

/** 周村's towns and the departments regulating the demo enterprises' sectors. */
const towns = [
  { id: 'wangcun', short: '王村' }, { id: 'kaifaqu', short: '开发区' }, { id: 'qingnianlu', short: '青年路' },
  { id: 'beijiao', short: '北郊' }, { id: 'sichoulu', short: '丝绸路' }, { id: 'yonganjie', short: '永安街' },
];
const trades = [
  { name: '化工', sector: 'hazardous-chemicals', dept: 'anjian', size: 'medium' },
  { name: '丝绸纺织', sector: 'fire', dept: 'xiaofang', size: 'small' },
] as const;
const defects = [
  ['配电室', '配电箱未设防护门，线路私拉乱接'], ['仓库', '消防通道堆放杂物，安全出口锁闭'], ['车间', '砂轮机防护罩缺失'],
  ['储罐区', '可燃气体报警仪未定期检定'], ['厂房', '特种作业人员未持证上岗'], ['宿舍', '员工宿舍与生产车间同一建筑内'],
] as const;

/** A deterministic, valid 统一社会信用代码 of 周村区 (370306) for the n-th demo enterprise. */
function demoCreditCode(n: number): string {
  const body = `91370306MA3C${String(10_000 + n)}`;
  return body + creditCodeCheckChar(body)!;
}

const five = { measures: true, funds: true, deadline: true, person: true, emergencyPlan: true };

function must<T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> {
  if (!r.ok) throw new Error(`演示数据不符合台账规则：${JSON.stringify(r)}`);
  return r as Extract<T, { ok: true }>;
}

/**
 * 一企一档 and 一隐患一卡 of the demo (demo mode only): 12 enterprises across six 周村 towns and
 * two regulated sectors, and 18 hazard cards in every state — closed on time and late, being
 * rectified within time and overdue (督办, a 重大隐患 挂牌督办), waiting for acceptance, just
 * found. Each enterprise is checked by validateEnterprise and each card built step by step by the
 * domain's transition rules, with the steps dated in the past; all of it is written in one
 * transaction with one audit record, as for an import, which keeps demo start-up quick.
 */
export async function seedDemoLedgers(db: Kysely<DB>, now: Date): Promise<void> {
  const admin = await db.selectFrom('account').select('id').where('username', '=', 'admin').executeTakeFirst();
  const org = await db.selectFrom('organisation').select('path').where('id', '=', zhoucunId).executeTakeFirst();
  const units = new Set((await db.selectFrom('unit').select('id').execute()).map((u) => u.id));
  if (!admin || !org) return;
  const day = (daysAgo: number) => chinaDateOf(new Date(now.getTime() - daysAgo * DAY));
  /** An instant on that China day (steps are dated in the past, in order). */
  const at = (daysAgo: number, hour = 10) => new Date(`${day(daysAgo)}T${String(hour).padStart(2, '0')}:00:00+08:00`);

  // Rows are collected and written with a few multi-row inserts: the demo starts quickly on both engines.
  const enterpriseRows: Insertable<EnterpriseTable>[] = [];
  const hazardRows: Insertable<HazardTable>[] = [];
  const eventRows: Insertable<HazardEventTable>[] = [];
  await db.transaction().execute(async (trx) => {
    const enterprises: { id: string; territorialUnitId: string; regulatingUnitId: string; sector: string }[] = [];
    let n = 0;
    for (const town of towns) {
      for (const trade of trades) {
        n += 1;
        if (!units.has(town.id) || !units.has(trade.dept)) continue;
        const licences = trade.sector === 'hazardous-chemicals'
          ? [{ kind: '危险化学品经营许可证', number: `鲁淄危化经字〔2024〕${String(n).padStart(4, '0')}`, validFrom: day(700), validTo: day(n % 2 === 0 ? -60 : -400) }]
          : [];
        const e = must(validateEnterprise({
          name: `淄博${town.short}${trade.name}有限公司`, creditCode: demoCreditCode(n), address: `周村区${town.short}${n}号`,
          legalRepresentative: ['张建国', '李红梅', '王志强', '赵立新', '刘海涛'][n % 5]!, sector: trade.sector, size: trade.size,
          territorialUnitId: town.id, regulatingUnitId: trade.dept, standardisationLevel: (['level2', 'level3', 'none'] as const)[n % 3]!, licences,
        })).enterprise;
        const id = randomUUID();
        const created = at(90).toISOString();
        const row = {
          id, organisation_id: zhoucunId, name: e.name, credit_code: e.creditCode, address: e.address, legal_representative: e.legalRepresentative,
          sector: e.sector, size: e.size, territorial_unit_id: e.territorialUnitId, regulating_unit_id: e.regulatingUnitId,
          standardisation_level: e.standardisationLevel ?? null, licences_json: JSON.stringify(licences),
          safety_staff_json: JSON.stringify([{ name: ['孙明', '周静', '吴刚'][n % 3]!, role: '安全生产管理人员' }]),
          major_hazard_sources_json: JSON.stringify(trade.sector === 'hazardous-chemicals' ? [{ name: '液氨储罐区', level: '四级' }] : []),
          emergency_plans_json: JSON.stringify([{ title: '生产安全事故综合应急预案', approvedOn: day(300), drills: [{ on: day(120), note: '综合演练' }] }]),
          created_by: admin.id, created_at: created, updated_at: created,
        };
        enterpriseRows.push({ ...row, version: 1 });
        enterprises.push({ id, territorialUnitId: town.id, regulatingUnitId: trade.dept, sector: trade.sector });
      }
    }

    let seq = 0;
    for (const [i, e] of enterprises.entries()) {
      // Cards per enterprise: 2 or 1; each card's story (its last state) by its number.
      for (let k = 0; k < (i % 2 === 0 ? 2 : 1); k += 1) {
        seq += 1;
        const story = seq % 8;
        const found = 70 - (seq % 40);
        const [place, description] = defects[seq % defects.length]!;
        const town: HazardActor = { id: admin.id, role: 'townOfficer', unitId: e.territorialUnitId };
        const inspector: HazardActor = { id: admin.id, role: 'inspector', unitId: e.regulatingUnitId };
        const enterprise: HazardActor = { id: admin.id, role: 'enterprise', enterpriseId: e.id };
        const major = story === 6;
        const who = major ? inspector : town;
        const id = randomUUID();
        const first = must(createHazardCard({
          id, enterpriseId: e.id, territorialUnitId: e.territorialUnitId, regulatingUnitId: e.regulatingUnitId, sector: e.sector,
          foundOn: day(found), foundWay: (['inspection', 'selfCheck', 'expertCheck', 'tip'] as const)[seq % 4]!,
          foundBy: ['区安监局执法二中队', '企业安全员', '省安全专家组', '举报核查组'][seq % 4]!, place, description,
        }, who, at(found)));
        let card: HazardCard = first.card;
        const events: HazardEvent[] = [first.event];
        const step = (command: HazardCommand, daysAgo: number, actor: HazardActor) => {
          const r = must(transitionHazard(card, command, actor, at(daysAgo, 11)));
          card = r.card;
          events.push(r.event);
        };
        const stories = (): void => {
          if (story === 7) return; // just found, not yet registered
          step({ action: 'register', number: `ZC-YH-${day(found).slice(0, 4)}-${String(seq).padStart(4, '0')}` }, found - 1, who);
          step(major ? { action: 'grade', grade: 'major', legalBasis: '《化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）》第十条' } : { action: 'grade', grade: 'general' }, found - 1, who);
          if (story === 5) return; // graded, waiting for the enterprise's plan
          // Closed (0 on time, 1 late) and overdue (2, and 6 the 重大隐患) have a deadline 20 days
          // after finding; those within time (3 being rectified, 4 waiting for acceptance) 10 days ahead.
          const deadline = day(story === 3 || story === 4 ? -10 : found - 20);
          step({
            action: 'startRectification', measures: '立即整改，完善管理制度', responsiblePerson: '企业安全负责人', deadline,
            ...(major ? {
              plan: { goal: '消除重大事故隐患', measures: '停用并更换报警装置', funds: { amountYuan: 80_000, source: '企业自筹' }, responsibleBody: '企业设备部', responsiblePerson: '企业主要负责人', deadline, safetyAndEmergencyMeasures: '设立警戒区，24小时值守，编制专项应急预案' },
              fiveInPlace: five,
            } : {}),
          }, found - 2, enterprise);
          if (story === 2 || story === 3 || story === 6) return;
          const applied = story === 4 ? 1 : story === 1 ? found - 23 : found - 18;
          step({ action: 'applyForAcceptance', summary: '已按要求整改完毕' }, applied, enterprise);
          if (story === 4) return;
          step({ action: 'accept', conclusion: '经现场复查，整改到位', reviewer: '区安监局复查组' }, applied - 1, town);
          step({ action: 'close' }, applied - 2, town);
        };
        stories();
        const createdAt = at(found).toISOString();
        hazardRows.push({
          id, organisation_id: zhoucunId, enterprise_id: e.id, territorial_unit_id: e.territorialUnitId, regulating_unit_id: e.regulatingUnitId,
          sector: e.sector, found_on: card.foundOn, found_way: card.foundWay, description: card.description, ...cardColumns(card),
          version: events.length, created_by: admin.id, created_at: createdAt, updated_at: card.lastActionAt,
        });
        events.forEach((ev, index) => eventRows.push({
          hazard_id: id, seq: index + 1, action: ev.action, from_state: ev.from, to_state: ev.to, at: ev.at, account_id: admin.id,
          actor_role: ev.actorRole, reason: ev.reasonZh ?? null, flags_json: JSON.stringify(ev.flags), summary: ev.summaryZh,
        }));
      }
    }
    await trx.insertInto('enterprise').values(enterpriseRows).execute();
    await trx.insertInto('hazard').values(hazardRows).execute();
    await trx.insertInto('hazard_event').values(eventRows).execute();
    // One record for the whole demo ledger, as for an import (import.units).
    await appendAudit(trx, {
      actorId: admin.id, action: 'demo.ledgers', entityType: 'ledger', entityId: zhoucunId, organisationPath: org.path, unitId: null,
      before: null, after: { enterprises: enterpriseRows.map((r) => r.id), hazards: hazardRows.map((r) => r.id) },
    }, now);
  });
}
