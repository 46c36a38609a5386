import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { can } from '../../../domain/access/can';
import { notFound } from '../../app-error';
import type { DB } from '../../db/schema';
import { accidentResource, toAccidentView } from './presenter';
import type { AccidentRow } from './repository';
import { findAccident, listAccidentReports, listAccidentVersions } from './repository';

/** The accident with every version of its figures and its report times judged at `now`. */
export async function accidentDetailView(db: Kysely<DB>, row: AccidentRow, now: Date) {
  const [versions, reports] = await Promise.all([listAccidentVersions(db, row.id), listAccidentReports(db, row.id)]);
  return toAccidentView(row, { versions, reports, now });
}

export async function getAccident(db: Kysely<DB>, actor: Actor, id: string, now: Date) {
  const row = await findAccident(db, id);
  if (!row || !can(actor, 'accident.read', accidentResource(row))) throw notFound('事故');
  return accidentDetailView(db, row, now);
}
