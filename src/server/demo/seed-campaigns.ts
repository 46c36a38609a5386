import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import { parse } from 'yaml';
import type { Actor } from '../../domain/access/can';
import type { CampaignTransition, CampaignUnitInput } from '../../shared/schemas/campaign';
import type { DB } from '../db/schema';
import { recordAccident } from '../modules/accidents/record-accident';
import { decideVeto, listVetoProposals } from '../modules/accidents/veto-proposals';
import { changeSelfAssessment } from '../modules/assessments/change-self-assessment';
import { saveItemScores } from '../modules/assessments/save-item-scores';
import { changeCampaignState } from '../modules/campaigns/change-campaign-state';
import { copyCampaign } from '../modules/campaigns/copy-campaign';
import { createCampaign } from '../modules/campaigns/create-campaign';
import { zhoucunId } from './zhoucun';
import { chinaDateOf } from '../../domain/ledgers/shared/dates';

const example = (name: string) => fileURLToPath(new URL(`../../../examples/zhoucun-2014/${name}`, import.meta.url));
const readExample = (name: string) => parse(readFileSync(example(name), 'utf8')) as Record<string, unknown>;

interface ExampleUnit { id: string; category: string; regulates?: string[]; rewardBase?: number; controlIndicators?: Record<string, unknown>[] }
interface ExampleAccident {
  id: string; occurredAt: string; place?: string; territorialUnit?: string; sector?: string; regulatingUnit?: string;
  enterprise?: string; deaths: number; seriousInjuries?: number; directLoss?: number; liability?: boolean; summary?: string;
}

async function actorOf(db: Kysely<DB>, username: string): Promise<Actor> {
  const a = await db.selectFrom('account').innerJoin('organisation', 'organisation.id', 'account.organisation_id')
    .select(['account.id', 'account.role', 'account.unit_id', 'organisation.path']).where('account.username', '=', username).executeTakeFirstOrThrow();
  return { accountId: a.id, role: a.role as Actor['role'], organisationPath: a.path, unitId: a.unit_id, assignedUnitIds: [] };
}

async function step(db: Kysely<DB>, actor: Actor, id: string, input: Omit<CampaignTransition, 'version'>, at: Date): Promise<void> {
  const { version } = (await db.selectFrom('campaign').select('version').where('id', '=', id).executeTakeFirstOrThrow());
  await changeCampaignState(db, actor, id, { ...input, version }, at);
}

/**
 * The 2014 周村 round as it happened, through the same use cases the API runs: the scheme
 * and units of examples/zhoucun-2014, the team's item scores, the four accidents behind the
 * published vetoes (confirmed by the office), approval and publicity, publication on
 * 2015-01-16 (the notice's date). Its published results are the notice's table.
 */
export async function seedZhoucun2014(db: Kysely<DB>): Promise<string> {
  const admin = await actorOf(db, 'admin');
  const units = (readExample('units.yaml').units as ExampleUnit[]).map((u): CampaignUnitInput => ({
    unitId: u.id, category: u.category,
    ...(u.regulates ? { regulates: u.regulates } : {}),
    ...(u.rewardBase !== undefined ? { rewardBase: u.rewardBase } : {}),
    ...(u.controlIndicators ? { controlIndicators: u.controlIndicators } : {}),
  }));
  const day = (iso: string) => new Date(`${iso}T09:00:00+08:00`);
  const { id } = await createCampaign(db, admin, {
    organisationId: zhoucunId, scheme: readFileSync(example('scheme.yaml'), 'utf8'), units,
    dates: { agreementDue: '2014-02-28', selfAssessmentDue: '2014-12-15', assessmentEnds: '2014-12-31' },
  }, day('2014-01-10'));
  await step(db, admin, id, { action: 'openSigning' }, day('2014-01-15'));
  await step(db, admin, id, { action: 'startYear' }, day('2014-03-01'));
  for (const a of readExample('accidents.yaml').accidents as ExampleAccident[]) {
    await recordAccident(db, admin, {
      number: a.id, organisationId: zhoucunId, occurredAt: a.occurredAt, deaths: a.deaths,
      seriousInjuries: a.seriousInjuries ?? 0, directLoss: a.directLoss ?? 0, liability: a.liability ?? true,
      ...(a.place ? { place: a.place } : {}), ...(a.territorialUnit ? { territorialUnitId: a.territorialUnit } : {}),
      ...(a.sector ? { sector: a.sector } : {}), ...(a.regulatingUnit ? { regulatingUnitId: a.regulatingUnit } : {}),
      ...(a.enterprise ? { enterprise: a.enterprise } : {}), ...(a.summary ? { summary: a.summary } : {}),
    }, new Date(Date.parse(`${a.occurredAt}T12:00:00+08:00`) + 86_400_000));
  }
  await step(db, admin, id, { action: 'openSelfAssessment' }, day('2014-12-01'));
  await step(db, admin, id, { action: 'startAssessment' }, day('2014-12-16'));
  const scores = readExample('scores.yaml').scores as Record<string, Record<string, unknown>>;
  for (const [unitId, items] of Object.entries(scores)) await saveItemScores(db, admin, id, unitId, 'team', items, day('2014-12-28'));
  for (const p of (await listVetoProposals(db, admin, id, day('2014-12-30'))).items) {
    await decideVeto(db, admin, id, { unitId: p.unitId, ruleId: p.ruleId, decision: 'confirmed', reason: `经核实：${p.reason}` }, day('2014-12-30'));
  }
  await step(db, admin, id, { action: 'submitForReview' }, day('2015-01-04'));
  await step(db, admin, id, { action: 'submitForApproval' }, day('2015-01-06'));
  await step(db, admin, id, { action: 'approve', meeting: '区安委会2015年第1次会议', publicityDays: 5 }, day('2015-01-08'));
  await step(db, admin, id, { action: 'publish' }, day('2015-01-16'));
  return id;
}

/** The year of the round in progress: the year of today in China, as the office counts it. */
export function demoYear(now: Date): number {
  return Number(chinaDateOf(now).slice(0, 4));
}

/**
 * This year's round in progress, copied from 2014: self-assessment open, 王村镇 has
 * submitted its self-assessment, two accidents registered (one 较大, so a veto proposal
 * awaits the office's decision).
 */
export async function seedCurrentCampaign(db: Kysely<DB>, from: string, now: Date): Promise<string> {
  const admin = await actorOf(db, 'admin');
  const year = demoYear(now);
  const { id } = await copyCampaign(db, admin, from, {
    year, dates: { agreementDue: `${year}-02-28`, selfAssessmentDue: `${year}-12-15`, assessmentEnds: `${year}-12-31` },
  }, now);
  for (const action of ['openSigning', 'startYear', 'openSelfAssessment'] as const) await step(db, admin, id, { action }, now);
  // Accidents a few weeks back, inside this year (China days, as the register counts them).
  const back = (days: number) => {
    const day = chinaDateOf(new Date(now.getTime() - days * 86_400_000));
    return day < `${year}-01-01` ? `${year}-01-01` : day;
  };
  await recordAccident(db, admin, {
    organisationId: zhoucunId, occurredAt: back(40), place: '王村镇某机械加工企业', territorialUnitId: 'wangcun',
    sector: 'industry', deaths: 1, seriousInjuries: 0, directLoss: 800_000, liability: true, summary: '机械伤害致1人死亡（演示数据）',
  }, now);
  await recordAccident(db, admin, {
    organisationId: zhoucunId, occurredAt: back(12), place: '北郊镇某在建住宅工地', territorialUnitId: 'beijiao', sector: 'construction',
    regulatingUnitId: 'zhujian', deaths: 3, seriousInjuries: 2, directLoss: 5_000_000, liability: true, summary: '脚手架坍塌（演示数据）',
  }, now);
  const liaison = await actorOf(db, 'wangcun');
  const scores = readExample('scores.yaml').scores as Record<string, Record<string, unknown>>;
  await saveItemScores(db, liaison, id, 'wangcun', 'self', scores.wangcun!, now);
  await changeSelfAssessment(db, liaison, id, 'wangcun', { action: 'submit' }, now);
  return id;
}

/** Both demo campaigns; called once, right after the demo tree and accounts are written. */
export async function seedDemoCampaigns(db: Kysely<DB>, now: Date): Promise<void> {
  const published = await seedZhoucun2014(db);
  await seedCurrentCampaign(db, published, now);
}
