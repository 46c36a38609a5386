import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { can } from '../../../domain/access/can';
import type { PlanNode } from '../../../domain/scheme/compile-scheme';
import { CaseValidationError, formatIssue } from '../../../domain/scheme/validation-error';
import type { ImportIssueView } from '../../../shared/schemas/document';
import { AppError, forbidden, notFound } from '../../app-error';
import type { DB } from '../../db/schema';
import { parseItemScores, type ItemScoreImportRow } from '../../documents/xlsx-import';
import { assertScoresWritable, writeItemScores } from '../assessments/save-item-scores';
import { appendAudit } from '../audit/repository';
import { campaignResource } from '../campaigns/presenter';
import { findCampaign, type CampaignRow } from '../campaigns/repository';
import { loadCaseParts, validateCase } from '../results/load-case';
import { listItemScores } from '../results/repository';
import { unitsScoredByMembers } from '../teams/repository';
import { finishImportJob, findImportJob, insertImportJob, updateImportProgress } from './repository';

/** The note the item-score export writes for an item not scored yet: such a row is left unscored. */
const NOT_SCORED_NOTE = '未评分';
const NOT_APPLICABLE_PREFIX = /^缺项[：:]/;
/** Most issues a refused job keeps; the count of the rest is one more line. */
const maxIssues = 2000;

type Problem = { column: 'unit' | 'path' | 'earned'; message: string } | null;

/**
 * A score from the sheet as the item's input for its scoring method, so the rules engine
 * computes the same points: a manual score as is; a deduction as the occurrences (or the points
 * deducted, where the method lets them vary); pass/fail from full or zero points; 缺项 where the
 * item allows it. Formula items are computed from indicator data and are not imported.
 */
export function toItemInput(node: PlanNode, row: ItemScoreImportRow): { input?: unknown; skip?: true; problem?: Problem } {
  const method = node.method;
  const points = node.points;
  const note = row.note ?? undefined;
  if (row.earnedHundredths === null) {
    if (note === NOT_SCORED_NOTE) return { skip: true };
    if (!node.notApplicableAllowed) return { problem: { column: 'earned', message: `细则 ${node.id} 不允许缺项，请填写得分` } };
    return { input: { notApplicable: true, reason: note?.replace(NOT_APPLICABLE_PREFIX, '').trim() || '缺项' } };
  }
  const earned = row.earnedHundredths;
  if (earned > points) return { problem: { column: 'earned', message: `得分 ${earned / 100} 超过该项标准分 ${points / 100}` } };
  switch (method?.type) {
    case 'manual':
      return { input: note ? { score: earned / 100, note } : earned / 100 };
    case 'passFail':
      if (earned !== points && earned !== 0) {
        return { problem: { column: 'earned', message: `细则 ${node.id} 按是否达标计分，得分只能是 ${points / 100}（达标）或 0（不达标），实为 ${earned / 100}` } };
      }
      return { input: { passed: earned === points } };
    case 'deduction': {
      const deficit = points - earned;
      if (deficit === 0) return { input: { deductions: [] } };
      const reason = note || '按评分表扣分';
      if (method.variable) return { input: { deductions: [{ times: 1, points: deficit / 100, reason }] } };
      const times = Math.ceil(deficit / method.perOccurrence);
      // 扣完为止: a score of 0 may be more occurrences than the points hold.
      if (Math.max(0, points - times * method.perOccurrence) !== earned) {
        return { problem: { column: 'earned', message: `细则 ${node.id} 每次扣 ${method.perOccurrence / 100} 分，得分 ${earned / 100} 与扣分标准不符` } };
      }
      return { input: { deductions: [{ times, reason }] } };
    }
    case 'formula':
      return { skip: true };
    default:
      return { problem: { column: 'path', message: `细则编号 ${node.id} 是分组，不是可评分的细则` } };
  }
}

/**
 * Checks that the actor may import the campaign's team scores (考核组评分) now, then records a
 * job for the upload. The workbook is read and written by `runItemScoreImport`.
 */
export async function startItemScoreImport(db: Kysely<DB>, actor: Actor, id: string, fileName: string, now: Date) {
  const row = await findCampaign(db, id);
  if (!row || !can(actor, 'campaign.read', campaignResource(row))) throw notFound('考核活动');
  if (!can(actor, 'campaign.manage', campaignResource(row))) throw forbidden();
  // The campaign's state decides for every unit alike (考核评分 stage, or a correction after publication).
  const first = await db.selectFrom('campaign_unit').select('unit_id').where('campaign_id', '=', id).limit(1).executeTakeFirst();
  if (first) await assertScoresWritable(db, actor, row, first.unit_id, 'team');
  const jobId = randomUUID();
  await insertImportJob(db, {
    id: jobId, kind: 'itemScores', campaign_id: id, organisation_path: row.organisation_path, file_name: fileName,
    created_by: actor.accountId, created_at: now.toISOString(),
  });
  return { jobId, row };
}

/**
 * Reads the whole workbook first — every bad cell is collected, with progress saved to the job —
 * then writes every unit's scores in one transaction with their audit records and one record for
 * the import, or nothing. Never throws: the outcome is the job's state.
 */
export async function runItemScoreImport(
  db: Kysely<DB>, actor: Actor, campaign: CampaignRow, jobId: string, fileName: string, buffer: Buffer, now: () => Date,
): Promise<void> {
  let processed = 0;
  const fail = async (issues: ImportIssueView[]) => {
    const kept = issues.length > maxIssues
      ? [...issues.slice(0, maxIssues), { sheet: null, row: null, column: null, message: `另有 ${issues.length - maxIssues} 处问题未列出` }]
      : issues;
    await finishImportJob(db, jobId, { state: 'failed', processedRows: processed, issuesJson: JSON.stringify(kept), summaryJson: null, at: now().toISOString() });
  };
  try {
    const input = validateCase(await loadCaseParts(db, campaign, now()));
    const unitByName = new Map(input.units.map((u) => [u.name, u]));
    const knownItems = new Map<string, number>();
    for (const plan of input.compiled.plans.values()) {
      for (const node of plan.nodes) if (node.leaf) knownItems.set(node.id, Math.max(node.points, knownItems.get(node.id) ?? 0));
    }
    const byUnit = new Map<string, Record<string, unknown>>();
    let items = 0;
    let skipped = 0;
    let progress: Promise<void> = Promise.resolve();
    const parsed = await parseItemScores(buffer, {
      knownUnits: new Set(unitByName.keys()),
      knownItems,
      progressEvery: 500,
      onProgress: ({ rowsRead, bytesRead, totalBytes }) => {
        processed = rowsRead;
        const percent = Math.min(99, totalBytes ? Math.floor((bytesRead / totalBytes) * 100) : 0);
        progress = progress.then(() => updateImportProgress(db, jobId, rowsRead, percent, now().toISOString()));
      },
      checkRow: (row) => {
        const unit = unitByName.get(row.unit);
        // An unknown unit or criterion number is already reported by the parser.
        // So is a score above the item's standard points (the highest over the categories).
        if (!unit || !knownItems.has(row.path) || (row.earnedHundredths ?? 0) > knownItems.get(row.path)!) return null;
        const plan = input.compiled.plans.get(unit.category);
        const index = plan?.indexById.get(row.path);
        const node = index === undefined ? undefined : plan?.nodes[index];
        if (!node) {
          const category = input.compiled.categoryById.get(unit.category)?.name ?? unit.category;
          return { column: 'path', message: `细则编号 ${row.path} 不适用于单位类别“${category}”` };
        }
        const out = toItemInput(node, row);
        if (out.problem) return out.problem;
        if (out.skip) skipped += 1;
        else {
          (byUnit.get(unit.id) ?? byUnit.set(unit.id, {}).get(unit.id)!)[node.id] = out.input;
          items += 1;
        }
        return null;
      },
    });
    await progress;
    if (!parsed.ok) return await fail(parsed.errors);
    processed = parsed.rowCount;
    const at = now();
    await db.transaction().execute(async (trx) => {
      const row = await findCampaign(trx, campaign.id);
      if (!row) throw notFound('考核活动');
      const parts = await loadCaseParts(trx, row, now());
      const current: Record<string, Record<string, unknown>> = {};
      for (const s of await listItemScores(trx, row.id, 'team')) (current[s.unit_id] ??= {})[s.criterion_id] = JSON.parse(s.input_json) as unknown;
      const writes: { unitId: string; items: Record<string, unknown>; before: Record<string, unknown> }[] = [];
      for (const [unitId, unitItems] of byUnit) {
        await assertScoresWritable(trx, actor, row, unitId, 'team');
        writes.push({ unitId, items: unitItems, before: Object.fromEntries(Object.keys(unitItems).map((k) => [k, current[unitId]?.[k] ?? null])) });
        current[unitId] = { ...current[unitId], ...unitItems };
      }
      // The whole case once, as saving unit by unit would check it.
      validateCase({ ...parts, scores: { scores: current } });
      for (const w of writes) await writeItemScores(trx, actor, row, w.unitId, 'team', w.items, w.before, at);
      // The office's sheet is the team's score: where several members score a unit, it stands
      // in for the leader's confirmation, and the scoring page says so (officeScoredAt).
      const teamUnits = await unitsScoredByMembers(trx, row.id);
      const summary = { units: writes.length, items, skipped, teamUnits: writes.filter((w) => teamUnits.has(w.unitId)).length };
      await appendAudit(trx, {
        actorId: actor.accountId, action: 'import.item_scores', entityType: 'campaign', entityId: row.id,
        organisationPath: row.organisation_path, unitId: null, before: null, after: { jobId, fileName, rows: processed, ...summary },
      }, at);
      await finishImportJob(trx, jobId, { state: 'succeeded', processedRows: processed, issuesJson: null, summaryJson: JSON.stringify(summary), at: at.toISOString() });
    });
  } catch (error) {
    const whole = (message: string): ImportIssueView => ({ sheet: null, row: null, column: null, message });
    if (error instanceof AppError) return await fail([whole(error.messageZh)]).catch(() => undefined);
    if (error instanceof CaseValidationError) return await fail(error.issues.map((i) => whole(formatIssue(i)))).catch(() => undefined);
    await fail([whole('导入时发生内部错误，没有写入任何数据，请稍后重试或联系系统管理员。')]).catch(() => undefined);
  }
}

/** A job is read by whoever may manage its organisation's campaigns. */
export async function getImportJob(db: Kysely<DB>, actor: Actor, id: string) {
  const row = await findImportJob(db, id);
  if (!row || !can(actor, 'campaign.manage', { organisationPath: row.organisation_path })) throw notFound('导入任务');
  return row;
}
