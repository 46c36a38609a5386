import type { Kysely } from 'kysely';
import { parseCase, type AssessmentCase, type CaseFileNames, type CaseParts } from '../../../domain/assessment/case';
import { CaseValidationError, formatIssue } from '../../../domain/scheme/validation-error';
import { AppError } from '../../app-error';
import type { DB } from '../../db/schema';
import { findScheme, listCampaignUnits, type CampaignRow } from '../campaigns/repository';
import { feedLedgerMetrics } from '../ledger-metrics/feed-case-metrics';
import { listAccidentsOfYear, listAdjustmentEvents, listItemScores, listMetricValues, listVetoDecisions } from './repository';

/** How the parts are named in validation messages. */
export const casePartNames: CaseFileNames = {
  scheme: '考核方案', units: '被考核单位', scores: '评分', adjustments: '加减分与否决', accidents: '事故登记', metrics: '指标',
};

/**
 * The case as the stored facts stand: the current scheme version, the assessed units in
 * their order, the team's item scores, bonus and penalty events, rejected veto proposals,
 * the year's accidents of the organisation, and metrics. Built in the engine's own input
 * shape, so the server applies no rule of its own.
 */
export async function loadCaseParts(db: Kysely<DB>, campaign: CampaignRow, now: Date): Promise<CaseParts> {
  const [scheme, units, scores, events, decisions, accidents, metrics] = await Promise.all([
    findScheme(db, campaign.id, campaign.scheme_version),
    listCampaignUnits(db, campaign.id),
    listItemScores(db, campaign.id, 'team'),
    listAdjustmentEvents(db, campaign.id),
    listVetoDecisions(db, campaign.id),
    listAccidentsOfYear(db, campaign.organisation_id, campaign.year),
    listMetricValues(db, campaign.id),
  ]);
  const unitIds = new Set(units.map((u) => u.unit_id));
  const scoreMap: Record<string, Record<string, unknown>> = {};
  for (const s of scores) (scoreMap[s.unit_id] ??= {})[s.criterion_id] = JSON.parse(s.input_json) as unknown;
  const metricMap: Record<string, Record<string, unknown>> = {};
  for (const m of metrics) (metricMap[m.unit_id] ??= {})[m.name] = JSON.parse(m.value_json) as unknown;
  // Metrics the scheme names after a ledger metric come from the stored ledgers where not typed
  // (docs/ledgers.md §9); `now` ends the period at today within the campaign's year.
  await feedLedgerMetrics(db, campaign.year, scheme, units, metricMap, now);
  const event = (e: (typeof events)[number]) => ({
    unit: e.unit_id, item: e.item_id, times: e.times, ...(e.level ? { level: e.level } : {}), ...(e.note ? { note: e.note } : {}),
  });
  // An accident is attributed only to units assessed in this campaign (a unit not in the
  // campaign is not assessed, so the reference is dropped rather than rejected).
  const assessed = (id: string | null) => (id && unitIds.has(id) ? id : undefined);
  return {
    scheme,
    units: { units: units.map((u) => ({ id: u.unit_id, name: u.name, ...(JSON.parse(u.unit_json) as Record<string, unknown>) })) },
    scores: { scores: scoreMap },
    adjustments: {
      bonuses: events.filter((e) => e.kind === 'bonus').map(event),
      penalties: events.filter((e) => e.kind === 'penalty').map(event),
      vetoRejections: decisions.filter((d) => d.decision === 'rejected').map((d) => ({ unit: d.unit_id, rule: d.rule_id, reason: d.reason })),
    },
    accidents: {
      accidents: accidents.map((a) => omitEmpty({
        id: a.id, occurredAt: a.occurred_at, place: a.place, territorialUnit: assessed(a.territorial_unit_id), sector: a.sector,
        regulatingUnit: assessed(a.regulating_unit_id), enterprise: a.enterprise, deaths: a.deaths,
        seriousInjuries: a.serious_injuries, directLoss: a.direct_loss, liability: a.liability === 1, summary: a.summary,
      })),
    },
    metrics: { metrics: metricMap },
  };
}

function omitEmpty(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));
}

/** Validates parts with the engine; a problem is a 400 naming the part and path in Chinese. */
export function validateCase(parts: CaseParts): AssessmentCase {
  try {
    return parseCase(parts, casePartNames, { requireComplete: false });
  } catch (error) {
    if (error instanceof CaseValidationError) throw caseInvalid(error);
    throw error;
  }
}

export function caseInvalid(error: CaseValidationError): AppError {
  const shown = error.issues.slice(0, 5).map(formatIssue);
  const more = error.issues.length > shown.length ? `（另有 ${error.issues.length - shown.length} 处）` : '';
  return new AppError('validation_failed', `${shown.join('；')}${more}`);
}

export async function loadCase(db: Kysely<DB>, campaign: CampaignRow, now: Date): Promise<AssessmentCase> {
  return validateCase(await loadCaseParts(db, campaign, now));
}
