import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import type { TimelineEntry } from '../../../domain/ledgers/enterprise/enterprise-file';
import { tipChannelLabels, tipSubjectLabels } from '../../../shared/schemas/tip';
import { chinaDateOf } from '../../../domain/ledgers/shared/dates';
import type { DB } from '../../db/schema';
import { canOnTip } from './presenter';
import { listEnterpriseTips } from './repository';

/**
 * The tips about the enterprise on its file's timeline (一企一档): received, verified, answered.
 * Only the tips the reader may read appear (the office's, or those assigned to the reader's
 * unit; assessors never see tips), and never who reported.
 */
export async function tipTimeline(db: Kysely<DB>, actor: Actor, enterpriseId: string): Promise<TimelineEntry[]> {
  const rows = await listEnterpriseTips(db, enterpriseId);
  return rows.filter((r) => canOnTip(actor, 'tip.read', r)).flatMap((r) => {
    // Verification and reply are kept as days; on the day of receipt they follow the receipt.
    const after = (day: string, ms: number) => (day === chinaDateOf(r.received_at) ? new Date(Date.parse(r.received_at) + ms).toISOString() : day);
    const what = `${tipSubjectLabels[r.subject as keyof typeof tipSubjectLabels] ?? r.subject}举报`;
    const entries: TimelineEntry[] = [{ kind: 'tip', id: `${r.id}#received`, at: r.received_at, titleZh: `受理${what}（${tipChannelLabels[r.channel as keyof typeof tipChannelLabels] ?? r.channel}）` }];
    if (r.verified_on !== null) entries.push({ kind: 'tip', id: `${r.id}#verified`, at: after(r.verified_on, 1), titleZh: `${what}核查${r.verified === 1 ? '属实' : '不属实'}` });
    if (r.replied_on !== null) entries.push({ kind: 'tip', id: `${r.id}#replied`, at: after(r.replied_on, 2), titleZh: `${what}已答复举报人` });
    return entries;
  });
}
