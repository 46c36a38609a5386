import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { forbidden, notFound } from '../../app-error';
import type { DB } from '../../db/schema';
import { canOnInspection, toInspectionView } from './presenter';
import { findInspection, listFindings, listReports } from './repository';
import type { InspectionRow } from './repository';

/** The view of rows already read, with their findings and reports (two queries for a whole page). */
export async function inspectionViews(db: Kysely<DB>, rows: readonly InspectionRow[]) {
  const ids = rows.map((r) => r.id);
  const [findings, reports] = await Promise.all([listFindings(db, ids), listReports(db, ids)]);
  return rows.map((r) => toInspectionView(r, findings, reports));
}

/** One inspection: the plan, the drawing with its seed and recusals, the findings and the reports. */
export async function getInspection(db: Kysely<DB>, actor: Actor, id: string) {
  const row = await findInspection(db, id);
  if (!row || !canOnInspection(actor, 'inspection.read', row)) throw notFound('检查');
  return (await inspectionViews(db, [row]))[0]!;
}

/** Loads an inspection for a change: 404 outside the reader's scope, 403 for a reader who may not change it. */
export async function inspectionToChange(db: Kysely<DB>, actor: Actor, id: string): Promise<InspectionRow> {
  const row = await findInspection(db, id);
  if (!row || !canOnInspection(actor, 'inspection.read', row)) throw notFound('检查');
  if (!canOnInspection(actor, 'inspection.manage', row)) throw forbidden();
  return row;
}
