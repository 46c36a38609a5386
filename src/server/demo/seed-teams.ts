import type { Kysely } from 'kysely';
import type { Actor } from '../../domain/access/can';
import type { DB } from '../db/schema';
import { createTeam } from '../modules/teams/create-team';
import { demoYear } from './seed-campaigns';
import { zhoucunId } from './zhoucun';

/**
 * Three assessment teams (考核组) for this year's demo round: the demo assessor leads the
 * first, which assesses the units the account was assigned (王村镇, 北郊镇, 区安监局), so it
 * scores what it could before; the other two are formed with their units and await members.
 */
export const demoTeams = [
  { name: '第一考核组', withAssessor: true, unitIds: ['wangcun', 'beijiao', 'anjian'] },
  { name: '第二考核组', withAssessor: false, unitIds: ['kaifaqu', 'qingnianlu', 'sichoulu', 'yonganjie', 'nanjiao', 'dajie'] },
  { name: '第三考核组', withAssessor: false, unitIds: ['fagai', 'jingxin', 'jiaoti', 'gongan', 'jiaotong', 'weisheng', 'zhujian'] },
] as const;

export async function seedDemoTeams(db: Kysely<DB>, now: Date): Promise<void> {
  const campaign = await db.selectFrom('campaign').select('id')
    .where('organisation_id', '=', zhoucunId).where('year', '=', demoYear(now)).executeTakeFirst();
  if (!campaign) return;
  const accounts = await db.selectFrom('account').innerJoin('organisation', 'organisation.id', 'account.organisation_id')
    .select(['account.id', 'account.username', 'account.role', 'account.unit_id', 'organisation.path'])
    .where('account.username', 'in', ['admin', 'assessor']).execute();
  const admin = accounts.find((a) => a.username === 'admin');
  const assessor = accounts.find((a) => a.username === 'assessor');
  if (!admin) return;
  const actor: Actor = { accountId: admin.id, role: 'committeeAdmin', organisationPath: admin.path, unitId: null, assignedUnitIds: [] };
  const inCampaign = new Set((await db.selectFrom('campaign_unit').select('unit_id').where('campaign_id', '=', campaign.id).execute()).map((u) => u.unit_id));
  for (const [i, team] of demoTeams.entries()) {
    const leaderId = team.withAssessor && assessor ? assessor.id : null;
    await createTeam(db, actor, campaign.id, {
      name: team.name, leaderId, memberIds: leaderId ? [leaderId] : [], unitIds: team.unitIds.filter((u) => inCampaign.has(u)),
    }, new Date(now.getTime() + i * 1000));
  }
}
