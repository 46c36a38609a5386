import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { accidentGradeLabels, type AccidentGrade } from '../../../domain/accidents/grade';
import type { TimelineEntry } from '../../../domain/ledgers/enterprise/enterprise-file';
import { enterpriseTimeline } from '../../../domain/ledgers/enterprise/enterprise-file';
import { notFound } from '../../app-error';
import type { DB } from '../../db/schema';
import { listEnterpriseMeasureSteps } from '../enforcement/repository';
import { inspectionTimeline } from '../inspections/timeline';
import { trainingTimeline } from '../training/timeline';
import { tipTimeline } from '../tips/timeline';
import { canOnEnterprise, toEnterpriseView } from './presenter';
import { enterpriseHazardCounts, findEnterprise, listEnterpriseAccidents, listEnterpriseHazardEvents } from './repository';

/**
 * 一企一档: the enterprise and every record about it on one timeline (the domain's order,
 * newest first): each step of each hazard card, accidents registered against it, licence
 * expiry dates, each step of each enforcement measure, inspections (planned and recorded) and
 * expert or agency reports, certificates of its people (issued, and valid until), and the tips
 * about it that the reader may read (tips/timeline.ts).
 */
export async function getEnterpriseFile(db: Kysely<DB>, actor: Actor, id: string, now: Date) {
  const row = await findEnterprise(db, id);
  if (!row || !canOnEnterprise(actor, 'enterprise.read', row)) throw notFound('生产经营单位');
  const enterprise = toEnterpriseView(row, now);
  const [events, counts, accidents, measureSteps, inspections, training, tips] = await Promise.all([
    listEnterpriseHazardEvents(db, id),
    enterpriseHazardCounts(db, id),
    listEnterpriseAccidents(db, row.organisation_id, row.name),
    listEnterpriseMeasureSteps(db, id),
    inspectionTimeline(db, id),
    trainingTimeline(db, id),
    tipTimeline(db, actor, id),
  ]);
  const entries: TimelineEntry[] = [
    ...events.map((e) => ({
      kind: 'hazard' as const, id: `${e.id}#${e.seq}`, at: e.at,
      titleZh: `隐患${e.number ? ` ${e.number}` : ''}（${e.description.slice(0, 40)}）：${e.summary}`,
    })),
    ...accidents.map((a) => ({
      kind: 'accident' as const, id: a.id, at: a.occurred_at.slice(0, 10),
      titleZh: `${accidentGradeLabels[a.grade as AccidentGrade] ?? ''}生产安全事故${a.deaths > 0 ? `，死亡${a.deaths}人` : ''}${a.summary ? `：${a.summary}` : ''}`,
    })),
    // A step's summary names the measure; the decision's number tells two measures of a kind apart.
    ...measureSteps.map((e) => ({
      kind: 'enforcement' as const, id: `${e.id}#${e.seq}`, at: e.at,
      titleZh: e.decision_number && !e.summary.includes(e.decision_number) ? `${e.summary}（决定书${e.decision_number}）` : e.summary,
    })),
    ...enterprise.licences.map((l, i) => ({
      kind: 'licence' as const, id: `licence-${i + 1}`, at: l.validTo,
      titleZh: `${l.kind}（${l.number}）有效期至${l.validTo}`,
    })),
    ...inspections,
    ...training,
    ...tips,
  ];
  return {
    enterprise,
    counts: { ...counts, accidents: accidents.length },
    timeline: enterpriseTimeline(entries).map((e) => ({ kind: e.kind, id: e.id, at: e.at, title: e.titleZh })),
  };
}
