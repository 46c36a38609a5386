import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { can } from '../../../domain/access/can';
import { assess } from '../../../domain/assessment/assess';
import { compareTeamScore } from '../../../domain/assessment/team-score';
import { formatPoints } from '../../../domain/arith/points';
import type { TeamConfirmationInput } from '../../../shared/schemas/team';
import { AppError, forbidden } from '../../app-error';
import type { DB } from '../../db/schema';
import { upsertItemScores } from '../assessments/repository';
import { campaignUnitFor } from '../assessments/save-item-scores';
import { appendAudit } from '../audit/repository';
import { campaignUnitResource } from '../campaigns/presenter';
import { loadCaseParts, validateCase } from '../results/load-case';
import { listItemScores } from '../results/repository';
import { findConfirmation, listMemberScores, saveConfirmation } from './repository';
import { teamOf } from './team-checks';
import { teamScoring } from './team-access';

/**
 * The team leader (组长) confirms a unit's team score when several members scored it: per
 * criterion one member's input or the leader's own, with a reason where it differs from the
 * members' mean (compared by points, domain/assessment/team-score.ts). The confirmed inputs
 * become the team's item scores, which the results use; until then the unit counts as not
 * scored by the team.
 */
export async function confirmTeamScore(
  db: Kysely<DB>, actor: Actor, id: string, teamId: string, unitId: string, input: TeamConfirmationInput, now: Date,
) {
  return db.transaction().execute(async (trx) => {
    const row = await campaignUnitFor(trx, actor, id, unitId);
    if (!can(actor, 'score.team', campaignUnitResource(row, unitId))) throw forbidden();
    const team = await teamOf(trx, id, teamId);
    const scoring = await teamScoring(trx, actor, id, unitId);
    if (!scoring.team || scoring.team.id !== team.id) throw new AppError('not_found', '该单位不由此考核组考核。');
    if (team.leader_id !== actor.accountId) throw new AppError('forbidden', '只有组长可以确认考核组评分。');
    if (row.state !== 'assessment') throw new AppError('conflict', '只能在考核评分阶段确认考核组评分。');
    if (scoring.team.members.length < 2) throw new AppError('conflict', '本考核组只有一名组员，其评分即为考核组评分，无需确认。');
    const existing = await findConfirmation(trx, id, unitId);
    if ((existing?.version ?? 0) !== input.version) throw new AppError('stale_version', '考核组评分已被确认或修改，请刷新后重试。');

    const memberIds = scoring.team.members.map((m) => m.account_id);
    const names = new Map(scoring.team.members.map((m) => [m.account_id, m.display_name]));
    const byMember = new Map<string, Record<string, unknown>>(memberIds.map((m) => [m, {}]));
    for (const s of await listMemberScores(trx, id, unitId)) {
      const own = byMember.get(s.account_id);
      if (own) own[s.criterion_id] = JSON.parse(s.input_json) as unknown;
    }
    const confirmed: Record<string, unknown> = {};
    for (const [criterionId, choice] of Object.entries(input.items)) {
      if ((choice.fromMember === undefined) === (choice.input === undefined)) {
        throw new AppError('validation_failed', `细则 ${criterionId}：请选择一名组员的评分或录入评分，二者选一。`);
      }
      if (choice.fromMember !== undefined) {
        const value = byMember.get(choice.fromMember)?.[criterionId];
        if (value === undefined) throw new AppError('validation_failed', `细则 ${criterionId}：所选组员未评此项。`);
        confirmed[criterionId] = value;
      } else {
        confirmed[criterionId] = choice.input;
      }
    }
    // A criterion the leader leaves out takes the members' input when every member gave the same.
    const scored = new Set([...byMember.values()].flatMap((m) => Object.keys(m)));
    for (const criterionId of scored) {
      if (criterionId in confirmed) continue;
      const values = memberIds.map((m) => byMember.get(m)![criterionId]);
      if (values.every((v) => v !== undefined && JSON.stringify(v) === JSON.stringify(values[0]))) confirmed[criterionId] = values[0];
    }

    const parts = await loadCaseParts(trx, row, now);
    const current: Record<string, Record<string, unknown>> = {};
    for (const s of await listItemScores(trx, id, 'team')) {
      if (s.unit_id !== unitId) (current[s.unit_id] ??= {})[s.criterion_id] = JSON.parse(s.input_json) as unknown;
    }
    current[unitId] = confirmed;
    const assessed = validateCase({ ...parts, scores: { scores: current } });
    const missing = assess(assessed).units.find((u) => u.unitId === unitId)?.missingItems ?? [];
    if (missing.length > 0) {
      const shown = missing.slice(0, 10).join('、');
      throw new AppError('conflict', `尚有 ${missing.length} 项细则未确定得分（${shown}${missing.length > 10 ? '等' : ''}）：组员评分不一致或未评，请逐项选择或录入。`);
    }
    const members = memberIds.map((m) => byMember.get(m)!) as Parameters<typeof compareTeamScore>[2];
    const comparison = compareTeamScore(assessed, unitId, members, assessed.scores[unitId] ?? {});
    const reasons: Record<string, string> = {};
    for (const c of comparison) {
      if (!c.differs) continue;
      const reason = input.items[c.criterionId]?.reason?.trim();
      if (!reason) {
        const mean = c.mean === null ? '无' : formatPoints(c.mean);
        const given = c.confirmed === null ? '缺项' : formatPoints(c.confirmed);
        throw new AppError('validation_failed', `细则 ${c.criterionId} 的确认得分 ${given} 与组员平均分 ${mean} 不同，请填写理由。`);
      }
      reasons[c.criterionId] = reason;
    }

    const at = now.toISOString();
    const before = (await listItemScores(trx, id, 'team')).filter((s) => s.unit_id === unitId)
      .reduce<Record<string, unknown>>((o, s) => ({ ...o, [s.criterion_id]: JSON.parse(s.input_json) as unknown }), {});
    await upsertItemScores(trx, { campaignId: id, unitId, kind: 'team' }, confirmed, actor.accountId, at);
    const version = (existing?.version ?? 0) + 1;
    await saveConfirmation(trx, { campaignId: id, unitId, teamId, reasons, by: actor.accountId, at, version });
    await appendAudit(trx, {
      actorId: actor.accountId, action: 'team.confirmScore', entityType: 'campaign_unit', entityId: `${id}/${unitId}`,
      organisationPath: row.organisation_path, unitId,
      before: { items: before, version: existing?.version ?? 0 },
      after: { items: confirmed, reasons, version, members: Object.fromEntries(memberIds.map((m) => [names.get(m) ?? m, byMember.get(m)])) },
    }, now);
    return { unitId, teamId, confirmedBy: actor.accountId, confirmedAt: at, version, reasons, items: confirmed };
  });
}
