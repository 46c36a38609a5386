/**
 * The supervision ledgers of a large county for bench:ledgers: `units` units (half towns, half
 * departments), `enterprises` enterprises spread over them, and `hazards` hazard cards found over
 * the five years 2021–2025, each built step by step by the domain's rules (createHazardCard and
 * transitionHazard) into one of eight stories — closed on time or late, overdue, being rectified,
 * waiting for acceptance, graded, just found, a 重大隐患 — with every step stored as its event;
 * cards of the years before 2025 are nearly all closed, as in a real ledger.
 * A fixed seed makes every run the same. Rows are written in multi-row inserts inside
 * transactions of 20,000 cards.
 */
import type { Insertable, Kysely } from 'kysely';
import type { HazardActor, HazardCard, HazardEvent } from '../../src/domain/ledgers/hazard/hazard-card';
import type { HazardCommand } from '../../src/domain/ledgers/hazard/transition-hazard';
import { createHazardCard, transitionHazard } from '../../src/domain/ledgers/hazard/transition-hazard';
import { createSeededRandom, randomIndex } from '../../src/domain/ledgers/shared/random';
import type { DB } from '../../src/server/db/schema';
import type { EnterpriseTable, HazardEventTable, HazardTable } from '../../src/server/db/schema-ledgers';
import { createAccount } from '../../src/server/modules/accounts/create-account';
import { cardColumns } from '../../src/server/modules/hazards/repository';
import { importTree } from '../../src/server/modules/organisations/import-tree';

export const benchPassword = 'Bench-Passw0rd!';
export const benchOrganisationPath = '/lp/lc/ld/';
const DAY = 86_400_000;
const START = Date.parse('2021-01-01T00:00:00+08:00');
const YEARS_DAYS = 5 * 365;
const LAST_YEAR = Date.parse('2025-01-01T00:00:00+08:00');
const sectors = ['hazardous-chemicals', 'construction', 'fire', 'industry', 'commerce', 'gas', 'metallurgy', 'fireworks'];
const five = { measures: true, funds: true, deadline: true, person: true, emergencyPlan: true };

const day = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
const at = (ms: number, hour: number) => new Date(Date.parse(`${day(ms)}T00:00:00+08:00`) + hour * 3_600_000);

export interface LedgerSeed {
  townIds: string[];
  departmentIds: string[];
  enterpriseIds: string[];
}

/** Chunks of `n` for multi-row inserts (PostgreSQL takes at most 65,535 parameters per statement). */
function* chunks<T>(rows: readonly T[], n: number): Generator<T[]> {
  for (let i = 0; i < rows.length; i += n) yield rows.slice(i, i + n);
}

export async function seedLedgers(db: Kysely<DB>, sizes: { units: number; enterprises: number; hazards: number }): Promise<LedgerSeed> {
  const now = new Date('2026-01-10T02:00:00Z');
  const towns = Math.ceil(sizes.units / 2);
  const townIds = Array.from({ length: towns }, (_, i) => `t${i}`);
  const departmentIds = Array.from({ length: sizes.units - towns }, (_, i) => `d${i}`);
  await db.transaction().execute((trx) => importTree(trx, {
    organisations: [
      { id: 'lp', parentId: null, name: '基准省', kind: 'province', divisionCode: null },
      { id: 'lc', parentId: 'lp', name: '基准市', kind: 'city', divisionCode: null },
      { id: 'ld', parentId: 'lc', name: '基准县', kind: 'county', divisionCode: null },
    ],
    ownerId: 'ld',
    units: [
      ...townIds.map((id, i) => ({ id, name: `第${i + 1}镇`, category: 'territorial' as const, sectors: [], areaOrganisationId: null })),
      ...departmentIds.map((id, i) => ({ id, name: `第${i + 1}监管部门`, category: 'department' as const, sectors: [], areaOrganisationId: null })),
    ],
  }, null, now));
  await createAccount(db, { username: 'bench-admin', displayName: '基准管理员', password: benchPassword, role: 'committeeAdmin', organisationId: 'ld', unitId: null, assignedUnitIds: [] }, null, now);

  const created = now.toISOString();
  const enterprises: Insertable<EnterpriseTable>[] = Array.from({ length: sizes.enterprises }, (_, i) => ({
    id: `e${i}`, organisation_id: 'ld', name: `基准企业${i}有限公司`, credit_code: `BENCH${String(i).padStart(13, '0')}`, address: `基准县${i}号`,
    legal_representative: '张三', sector: sectors[i % sectors.length]!, size: 'small', territorial_unit_id: townIds[i % townIds.length]!,
    regulating_unit_id: departmentIds[(i * 7) % departmentIds.length]!, standardisation_level: null, licences_json: '[]', safety_staff_json: '[]',
    major_hazard_sources_json: '[]', emergency_plans_json: '[]', version: 1, created_by: null, created_at: created, updated_at: created,
  }));
  await db.transaction().execute(async (trx) => {
    for (const part of chunks(enterprises, 1_000)) await trx.insertInto('enterprise').values(part).execute();
  });

  const random = createSeededRandom(20_261_207);
  const BATCH = 20_000;
  for (let from = 0; from < sizes.hazards; from += BATCH) {
    const hazardRows: Insertable<HazardTable>[] = [];
    const eventRows: Insertable<HazardEventTable>[] = [];
    for (let j = from; j < Math.min(sizes.hazards, from + BATCH); j += 1) {
      const e = enterprises[j % enterprises.length]!;
      const foundMs = Math.min(START + randomIndex(random, YEARS_DAYS) * DAY, now.getTime() - 40 * DAY);
      // As in a real ledger, cards of past years are nearly all closed (97 %: on time or late);
      // the last year's are in every story.
      const story = foundMs < LAST_YEAR && random.next() < 0.97 ? (random.next() < 0.8 ? 0 : 1) : randomIndex(random, 8);
      const town: HazardActor = { id: 'bench', role: 'townOfficer', unitId: e.territorial_unit_id };
      const inspector: HazardActor = { id: 'bench', role: 'inspector', unitId: e.regulating_unit_id };
      const enterprise: HazardActor = { id: 'bench', role: 'enterprise', enterpriseId: e.id };
      const major = story === 6;
      const who = major ? inspector : town;
      const id = `h${j}`;
      const first = createHazardCard({
        id, enterpriseId: e.id, territorialUnitId: e.territorial_unit_id, regulatingUnitId: e.regulating_unit_id, sector: e.sector,
        foundOn: day(foundMs), foundWay: 'inspection', foundBy: '执法检查组', place: '车间', description: `隐患${j}：消防通道堵塞`,
      }, who, at(foundMs, 9));
      if (!first.ok) throw new Error(first.messageZh);
      let card: HazardCard = first.card;
      const events: HazardEvent[] = [first.event];
      const step = (command: HazardCommand, afterDays: number, actor: HazardActor) => {
        const r = transitionHazard(card, command, actor, at(foundMs + afterDays * DAY, 10));
        if (!r.ok) throw new Error(`${command.action}: ${r.messageZh}`);
        card = r.card;
        events.push(r.event);
      };
      if (story !== 7) {
        step({ action: 'register', number: `YH-${j}` }, 0, who);
        step(major ? { action: 'grade', grade: 'major', legalBasis: '判定标准第三条' } : { action: 'grade', grade: 'general' }, 1, who);
        if (story !== 5) {
          const deadline = day(foundMs + 20 * DAY);
          step({
            action: 'startRectification', measures: '立即整改', responsiblePerson: '企业负责人', deadline,
            ...(major ? { plan: { goal: '消除隐患', measures: '更换设备', funds: { amountYuan: 10_000, source: '自筹' }, responsibleBody: '设备部', responsiblePerson: '李四', deadline, safetyAndEmergencyMeasures: '警戒' }, fiveInPlace: five } : {}),
          }, 2, enterprise);
          // 0 closed on time, 1 closed late, 4 waiting for acceptance; 2, 3 and 6 still being rectified (overdue by now).
          if (story === 0 || story === 1 || story === 4) {
            const applied = story === 1 ? 25 : 15;
            step({ action: 'applyForAcceptance', summary: '已整改' }, applied, enterprise);
            if (story !== 4) {
              step({ action: 'accept', conclusion: '合格', reviewer: '复查组' }, applied + 2, town);
              step({ action: 'close' }, applied + 3, town);
            }
          }
        }
      }
      hazardRows.push({
        id, organisation_id: 'ld', enterprise_id: e.id, territorial_unit_id: e.territorial_unit_id, regulating_unit_id: e.regulating_unit_id,
        sector: e.sector, found_on: card.foundOn, found_way: card.foundWay, description: card.description, ...cardColumns(card),
        version: events.length, created_by: null, created_at: first.event.at, updated_at: card.lastActionAt,
      });
      events.forEach((ev, k) => eventRows.push({
        hazard_id: id, seq: k + 1, action: ev.action, from_state: ev.from, to_state: ev.to, at: ev.at, account_id: null,
        actor_role: ev.actorRole, reason: null, flags_json: JSON.stringify(ev.flags), summary: ev.summaryZh,
      }));
    }
    await db.transaction().execute(async (trx) => {
      for (const part of chunks(hazardRows, 1_000)) await trx.insertInto('hazard').values(part).execute();
      for (const part of chunks(eventRows, 2_000)) await trx.insertInto('hazard_event').values(part).execute();
    });
  }
  return { townIds, departmentIds, enterpriseIds: enterprises.map((e) => e.id) };
}
