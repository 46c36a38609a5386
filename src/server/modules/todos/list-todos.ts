import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { can, listScope } from '../../../domain/access/can';
import { objectionRefusal, teamsChangeable } from '../../../domain/workflow/campaign-state';
import { reminderOf } from '../../../domain/workflow/reminder';
import type { DB } from '../../db/schema';
import { campaignResource } from '../campaigns/presenter';
import { listCampaigns, type CampaignRow } from '../campaigns/repository';
import { monthlyOverview, reporting } from '../indicator-reports/monthly-reports';
import { campaignProgress } from '../progress/get-progress';
import { listUpheldAwaitingRevision } from '../publications/repository';
import { listTeamsWithoutLeader, listTeamUnits } from '../teams/repository';

type TodoKind =
  | 'submitMonthlyReport' | 'submitSelfAssessment' | 'scoreUnits' | 'reviewPublicity' | 'nameTeamLeader' | 'decideVeto' | 'answerObjection'
  | 'reviseForObjection' | 'publish';

interface Todo {
  kind: TodoKind;
  title: string;
  campaignId: string;
  campaignName: string;
  unitIds: string[];
  due: string | null;
  reminder: 'overdue' | 'dueSoon' | null;
}

/** States before the committee's approval, when veto proposals are still decided. */
const beforeApproval = new Set(['preparation', 'signing', 'inProgress', 'selfAssessment', 'assessment', 'officeReview']);
/** States in which a campaign's progress is worth computing for someone's to-dos. */
const active = new Set([...beforeApproval, 'publicity']);

/**
 * 待办 (issue 4 item 11): what awaits the actor's action in the campaigns it sees, with the
 * deadline and a reminder as it nears (domain reminderOf). Computed from the stored facts on
 * each request, so a to-do disappears as soon as it is done.
 */
export async function listTodos(db: Kysely<DB>, actor: Actor, now: Date): Promise<{ items: Todo[] }> {
  const today = now.toISOString();
  const items: Todo[] = [];
  const add = (c: CampaignRow, kind: TodoKind, title: string, unitIds: string[], due: string | null) =>
    items.push({ kind, title, campaignId: c.id, campaignName: c.name, unitIds, due, reminder: reminderOf(due, today) });
  for (const c of await listCampaigns(db, listScope(actor, 'campaign.read'))) {
    if (!active.has(c.state)) continue;
    const progress = await campaignProgress(db, c, now);
    const mine = (action: 'score.self' | 'score.team' | 'objection.file') =>
      progress.units.filter((u) => can(actor, action, { organisationPath: c.organisation_path, unitId: u.unitId }));
    if (reporting.has(c.state) && actor.role === 'unitLiaison') {
      // 月报: months due now or missing, for the units the liaison reports for.
      for (const u of (await monthlyOverview(db, c, now)).filter((r) => can(actor, 'report.submit', { organisationPath: c.organisation_path, unitId: r.unitId }))) {
        const open = u.months.filter((m) => m.status === 'due' || m.status === 'missing');
        if (open.length > 0) {
          add(c, 'submitMonthlyReport', `报送月报（${open.map((m) => `${m.month}月`).join('、')}）`, [u.unitId], open[0]!.deadline);
        }
      }
    }
    if (c.state === 'selfAssessment' && actor.role === 'unitLiaison') {
      const open = mine('score.self').filter((u) => u.selfAssessment !== 'submitted');
      if (open.length > 0) add(c, 'submitSelfAssessment', '填报并提交单位自评', open.map((u) => u.unitId), c.self_assessment_due);
    }
    if (c.state === 'assessment' && (actor.role === 'assessor' || actor.role === 'committeeAdmin')) {
      const open = mine('score.team').filter((u) => !u.teamComplete);
      if (open.length > 0) add(c, 'scoreUnits', `完成 ${open.length} 个单位的考核评分`, open.map((u) => u.unitId), c.assessment_ends);
    }
    if (actor.role === 'unitLiaison' && !objectionRefusal(c.state, c.publicity_ends_at, today)) {
      // 公示: the unit checks its published result and objects (申诉) before the term ends, if at all.
      const own = mine('objection.file');
      if (own.length > 0) add(c, 'reviewPublicity', '核对公示结果，如有异议在公示期内提出申诉', own.map((u) => u.unitId), c.publicity_ends_at);
    }
    if (actor.role !== 'committeeAdmin' || !can(actor, 'campaign.manage', campaignResource(c))) continue;
    if (teamsChangeable(c.state)) {
      // 考核组: the leader confirms the team score (domain/assessment/team-score.ts); without one
      // the members' scores never become the team's, so the office names one while teams may
      // still change, by the time self-assessment closes and scoring starts.
      const leaderless = await listTeamsWithoutLeader(db, c.id);
      if (leaderless.length > 0) {
        const ids = new Set(leaderless.map((t) => t.id));
        const unitIds = (await listTeamUnits(db, c.id)).filter((u) => ids.has(u.team_id)).map((u) => u.unit_id);
        add(c, 'nameTeamLeader', `为${leaderless.map((t) => t.name).join('、')}指定组长`, unitIds, c.self_assessment_due);
      }
    }
    const vetoes = progress.units.filter((u) => u.pendingVetoProposals > 0);
    if (beforeApproval.has(c.state) && vetoes.length > 0) {
      add(c, 'decideVeto', `确认或驳回 ${vetoes.length} 个单位的一票否决建议`, vetoes.map((u) => u.unitId), c.assessment_ends);
    }
    if (c.state === 'publicity') {
      const objections = progress.units.filter((u) => u.openObjections > 0);
      // 申诉成立: the results go back to re-scoring before anything is published (publishBlockers).
      const upheld = await listUpheldAwaitingRevision(db, c.id);
      if (objections.length > 0) add(c, 'answerObjection', '答复公示期间的申诉', objections.map((u) => u.unitId), c.publicity_ends_at);
      if (upheld.length > 0) add(c, 'reviseForObjection', '申诉成立，将考核结果退回重新评分', [...new Set(upheld.map((o) => o.unit_id))], null);
      if (objections.length === 0 && upheld.length === 0 && c.publicity_ends_at && today >= c.publicity_ends_at) {
        add(c, 'publish', '公示期满，发布考核通报', [], c.publicity_ends_at);
      }
    }
  }
  return { items };
}
