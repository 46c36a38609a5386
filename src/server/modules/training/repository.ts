import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Scope } from '../../../domain/access/can';
import type { CertificateListQuery, PersonListQuery, SessionListQuery } from '../../../shared/schemas/training';
import type { DB } from '../../db/schema';
import type { CertificateTable, TrainingPersonTable, TrainingSessionTable } from '../../db/schema-training';

const personColumns = [
  'training_person.id', 'training_person.enterprise_id', 'training_person.name', 'training_person.role',
  'training_person.operation_type', 'training_person.identifier', 'training_person.active', 'training_person.version',
  'enterprise.name as enterprise_name', 'enterprise.territorial_unit_id', 'enterprise.regulating_unit_id',
  'organisation.path as organisation_path',
] as const;

function persons(db: Kysely<DB>) {
  return db.selectFrom('training_person')
    .innerJoin('enterprise', 'enterprise.id', 'training_person.enterprise_id')
    .innerJoin('organisation', 'organisation.id', 'enterprise.organisation_id');
}

export async function findPerson(db: Kysely<DB>, id: string) {
  return persons(db).select(personColumns).where('training_person.id', '=', id).executeTakeFirst();
}

export type PersonRow = NonNullable<Awaited<ReturnType<typeof findPerson>>>;

export async function insertPerson(db: Kysely<DB>, row: Insertable<TrainingPersonTable>): Promise<void> {
  await db.insertInto('training_person').values(row).execute();
}

export async function updatePersonIfVersion(db: Kysely<DB>, id: string, version: number, set: Updateable<TrainingPersonTable>, at: string): Promise<boolean> {
  const result = await db.updateTable('training_person').set({ ...set, version: version + 1, updated_at: at })
    .where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

const empty = (scope: Scope) => scope.kind === 'none' || (scope.kind === 'units' && scope.unitIds.length === 0);

/** People in the scope (a unit: those of its town's or its regulated enterprises), by enterprise and name. */
export async function listPersons(db: Kysely<DB>, scope: Scope, q: PersonListQuery) {
  if (empty(scope)) return { rows: [], total: 0 };
  let query = persons(db);
  if (scope.kind === 'subtree') query = query.where('organisation.path', 'like', `${scope.path}%`);
  if (scope.kind === 'units') {
    const ids = [...scope.unitIds];
    query = query.where((eb) => eb.or([eb('enterprise.territorial_unit_id', 'in', ids), eb('enterprise.regulating_unit_id', 'in', ids)]));
  }
  if (q.enterpriseId !== undefined) query = query.where('training_person.enterprise_id', '=', q.enterpriseId);
  if (q.unitId !== undefined) {
    const unitId = q.unitId;
    query = query.where((eb) => eb.or([eb('enterprise.territorial_unit_id', '=', unitId), eb('enterprise.regulating_unit_id', '=', unitId)]));
  }
  if (q.role !== undefined) query = query.where('training_person.role', '=', q.role);
  if (q.active !== undefined) query = query.where('training_person.active', '=', q.active ? 1 : 0);
  const [rows, count] = await Promise.all([
    query.select(personColumns).orderBy('enterprise.name', q.order).orderBy('training_person.name', q.order).orderBy('training_person.id', 'asc')
      .limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** The active people of the enterprises, for coverage. */
export async function listActivePersonsOf(db: Kysely<DB>, enterpriseIds: readonly string[]) {
  if (enterpriseIds.length === 0) return [];
  return persons(db).select(personColumns).where('training_person.enterprise_id', 'in', [...enterpriseIds]).where('training_person.active', '=', 1).execute();
}

const sessionColumns = [
  'training_session.id', 'training_session.organisation_id', 'training_session.unit_id', 'training_session.title',
  'training_session.held_on', 'training_session.organiser', 'training_session.hours', 'training_session.roles_json',
  'organisation.path as organisation_path',
] as const;

function sessions(db: Kysely<DB>) {
  return db.selectFrom('training_session').innerJoin('organisation', 'organisation.id', 'training_session.organisation_id');
}

export async function findSession(db: Kysely<DB>, id: string) {
  return sessions(db).select(sessionColumns).where('training_session.id', '=', id).executeTakeFirst();
}

export type SessionRow = NonNullable<Awaited<ReturnType<typeof findSession>>>;

export async function insertSession(db: Kysely<DB>, row: Insertable<TrainingSessionTable>): Promise<void> {
  await db.insertInto('training_session').values(row).execute();
}

/** Sessions in the scope (a unit: the ones it held), newest first by default. */
export async function listSessions(db: Kysely<DB>, scope: Scope, q: SessionListQuery) {
  if (empty(scope)) return { rows: [], total: 0 };
  let query = sessions(db);
  if (scope.kind === 'subtree') query = query.where('organisation.path', 'like', `${scope.path}%`);
  if (scope.kind === 'units') query = query.where('training_session.unit_id', 'in', [...scope.unitIds]);
  if (q.unitId !== undefined) query = query.where('training_session.unit_id', '=', q.unitId);
  if (q.from !== undefined) query = query.where('training_session.held_on', '>=', q.from);
  if (q.to !== undefined) query = query.where('training_session.held_on', '<=', q.to);
  const [rows, count] = await Promise.all([
    query.select(sessionColumns).orderBy('training_session.held_on', q.order).orderBy('training_session.id', 'asc')
      .limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

const certificateColumns = [
  'certificate.id', 'certificate.person_id', 'certificate.role', 'certificate.operation_type', 'certificate.number',
  'certificate.issued_on', 'certificate.valid_until', 'certificate.session_id',
  'training_person.name as person_name', 'training_person.enterprise_id', 'enterprise.name as enterprise_name',
  'enterprise.territorial_unit_id', 'enterprise.regulating_unit_id', 'organisation.path as organisation_path',
] as const;

function certificates(db: Kysely<DB>) {
  return db.selectFrom('certificate')
    .innerJoin('training_person', 'training_person.id', 'certificate.person_id')
    .innerJoin('enterprise', 'enterprise.id', 'training_person.enterprise_id')
    .innerJoin('organisation', 'organisation.id', 'enterprise.organisation_id');
}

export async function findCertificate(db: Kysely<DB>, id: string) {
  return certificates(db).select(certificateColumns).where('certificate.id', '=', id).executeTakeFirst();
}

export type CertificateRow = NonNullable<Awaited<ReturnType<typeof findCertificate>>>;

export async function insertCertificate(db: Kysely<DB>, row: Insertable<CertificateTable>): Promise<void> {
  await db.insertInto('certificate').values(row).execute();
}

/** Certificates in the scope (as their holders'), by expiry day. */
export async function listCertificates(db: Kysely<DB>, scope: Scope, q: CertificateListQuery) {
  if (empty(scope)) return { rows: [], total: 0 };
  let query = certificates(db);
  if (scope.kind === 'subtree') query = query.where('organisation.path', 'like', `${scope.path}%`);
  if (scope.kind === 'units') {
    const ids = [...scope.unitIds];
    query = query.where((eb) => eb.or([eb('enterprise.territorial_unit_id', 'in', ids), eb('enterprise.regulating_unit_id', 'in', ids)]));
  }
  if (q.enterpriseId !== undefined) query = query.where('training_person.enterprise_id', '=', q.enterpriseId);
  if (q.personId !== undefined) query = query.where('certificate.person_id', '=', q.personId);
  const [rows, count] = await Promise.all([
    query.select(certificateColumns).orderBy('certificate.valid_until', q.order).orderBy('certificate.id', 'asc')
      .limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Every certificate of the people, for coverage. */
export async function listCertificatesOf(db: Kysely<DB>, personIds: readonly string[]) {
  if (personIds.length === 0) return [];
  return certificates(db).select(certificateColumns).where('certificate.person_id', 'in', [...personIds]).execute();
}

/** The enterprise's certificates, for its file's timeline. */
export async function listEnterpriseCertificates(db: Kysely<DB>, enterpriseId: string) {
  return certificates(db).select(certificateColumns).where('training_person.enterprise_id', '=', enterpriseId).execute();
}

/** The enterprises of a town (by territorial unit) or a department (by regulating unit). */
export async function listUnitEnterprises(db: Kysely<DB>, unitId: string, by: 'territorial' | 'sectoral') {
  return db.selectFrom('enterprise').select(['id', 'name', 'territorial_unit_id', 'regulating_unit_id'])
    .where(by === 'territorial' ? 'territorial_unit_id' : 'regulating_unit_id', '=', unitId).execute();
}
