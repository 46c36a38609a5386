import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { can } from '../../../domain/access/can';
import type { CriterionInput } from '../../../domain/scheme/schema';
import { notFound } from '../../app-error';
import type { DB } from '../../db/schema';
import { criteriaSheetRows } from '../../documents/criteria-tree';
import { writeWorkbook } from '../../documents/xlsx-adapter';
import { CRITERIA_SPEC } from '../../documents/xlsx-import';
import { campaignResource } from '../campaigns/presenter';
import { findCampaign, findScheme } from '../campaigns/repository';

/**
 * 考核细则 of the campaign's scheme in force, as the sheet the criteria import reads: download,
 * edit in Excel, import back (POST …/imports/criteria).
 */
export async function exportCriteria(db: Kysely<DB>, actor: Actor, id: string) {
  const row = await findCampaign(db, id);
  if (!row || !can(actor, 'campaign.read', campaignResource(row))) throw notFound('考核活动');
  const scheme = (await findScheme(db, row.id, row.scheme_version)) as { criteria?: CriterionInput[]; categories?: { id: string; name: string }[] };
  const columns = CRITERIA_SPEC.columns.map((c) => ({ header: c.header, key: c.key, ...(c.key === 'points' ? { numFmt: '0.##' } : {}) }));
  const buffer = await writeWorkbook([{ name: CRITERIA_SPEC.sheetName, columns, rows: criteriaSheetRows(scheme.criteria ?? [], scheme.categories ?? []) }]);
  return { fileName: `${row.name}考核细则（第${row.scheme_version}版）.xlsx`, buffer };
}
