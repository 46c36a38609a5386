import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { can } from '../../../domain/access/can';
import { assess } from '../../../domain/assessment/assess';
import type { AssessmentCase, CaseParts } from '../../../domain/assessment/case';
import { toPublishedTable, type PublishedTable } from '../../../domain/assessment/published-table';
import type { AssessmentResult } from '../../../domain/assessment/result-types';
import { beforeAssessment } from '../../../domain/workflow/campaign-state';
import { forbidden, notFound } from '../../app-error';
import type { DB } from '../../db/schema';
import { campaignResource, campaignUnitResource } from '../campaigns/presenter';
import { findCampaign, type CampaignRow } from '../campaigns/repository';
import { loadCaseParts, validateCase } from '../results/load-case';
import { findVersionCase } from './repository';

export interface ResultCase {
  row: CampaignRow;
  input: AssessmentCase;
  result: AssessmentResult;
  table: PublishedTable;
  /** The published version the documents show; null = the current facts (征求意见稿). */
  version: number | null;
}

/**
 * The case a document is made from: a published version's frozen facts (so the documents agree
 * with the version whatever changed since), or the facts as they stand now.
 */
export async function readResultCase(db: Kysely<DB>, actor: Actor, id: string, version: number | undefined, now: Date): Promise<ResultCase> {
  const row = await findCampaign(db, id);
  if (!row || !can(actor, 'campaign.read', campaignResource(row))) throw notFound('考核活动');
  let parts: CaseParts;
  if (version === undefined) {
    parts = await loadCaseParts(db, row, now);
  } else {
    const frozen = await findVersionCase(db, id, version);
    if (!frozen) throw notFound(`第 ${version} 版考核结果`);
    parts = JSON.parse(frozen.case_json) as CaseParts;
  }
  const input = validateCase(parts);
  const result = assess(input);
  return { row, input, result, table: toPublishedTable(result), version: version ?? null };
}

/** The whole table (notice, results workbook): as GET /results — the office, leaders, or everyone once disclosed (公示). */
export function assertTableReadable(actor: Actor, row: CampaignRow): void {
  const disclosed = row.state === 'publicity' || row.state === 'published';
  if (!disclosed && !can(actor, 'result.read', campaignResource(row))) throw forbidden();
}

/**
 * The units whose item scores and score sheets the actor may read: all for the office and
 * leaders, the assigned ones for an assessor, its own for a liaison (from assessment on, as the
 * scores page shows the team's scores). None at all is a 403.
 */
export function readableUnitIds(actor: Actor, c: ResultCase): Set<string> {
  const liaisonTooEarly = actor.role === 'unitLiaison' && beforeAssessment(c.row.state);
  const ids = liaisonTooEarly ? [] : c.result.units.map((u) => u.unitId).filter((unitId) => can(actor, 'result.read', campaignUnitResource(c.row, unitId)));
  if (ids.length === 0) throw forbidden();
  return new Set(ids);
}

/** A document's file name: the campaign's name and what it is. */
export function documentName(c: ResultCase, what: string, ext: 'docx' | 'xlsx'): string {
  const version = c.version === null ? '' : `（第${c.version}版）`;
  return `${c.row.name}${what}${version}.${ext}`;
}
