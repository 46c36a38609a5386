import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { can } from '../../../domain/access/can';
import { chinaDateOf } from '../../../domain/ledgers/shared/dates';
import { hundredthsToPercent } from '../../../domain/ledgers/shared/rate';
import type { Coverage } from '../../../domain/ledgers/training/training-coverage';
import { TRAINING_ROLES, trainingCoverageByEnterprise, trainingCoverageByUnit } from '../../../domain/ledgers/training/training-coverage';
import type { CoverageView } from '../../../shared/schemas/training';
import { trainingRoleLabels } from '../../../shared/schemas/training';
import { AppError, notFound } from '../../app-error';
import type { DB } from '../../db/schema';
import { findEnterprise, findLedgerUnit } from '../enterprises/repository';
import { canOnPerson, domainCertificate, EXPIRY_WARNING_DAYS, trainedPerson } from './presenter';
import type { CertificateRow, PersonRow } from './repository';
import { listActivePersonsOf, listCertificatesOf, listUnitEnterprises } from './repository';

const NOBODY: Coverage = {
  required: 0, covered: 0, rateHundredths: null, uncovered: [], expiringSoon: [], personIds: [], coveringCertificateIds: [],
  byRole: { principal: { required: 0, covered: 0 }, safetyManager: { required: 0, covered: 0 }, specialOperation: { required: 0, covered: 0 } },
};

function view(coverage: Coverage, scope: CoverageView['scope'], asOf: string, persons: readonly PersonRow[], certs: readonly CertificateRow[]): CoverageView {
  const person = new Map(persons.map((p) => [p.id, p]));
  const cert = new Map(certs.map((c) => [c.id, c]));
  return {
    asOf, scope, required: coverage.required, covered: coverage.covered,
    rate: coverage.rateHundredths === null ? null : hundredthsToPercent(coverage.rateHundredths),
    byRole: TRAINING_ROLES.map((role) => ({ role, label: trainingRoleLabels[role], ...coverage.byRole[role] })),
    uncovered: coverage.uncovered.map((u) => ({
      personId: u.personId, name: person.get(u.personId)!.name, enterpriseName: person.get(u.personId)!.enterprise_name,
      role: u.role, roleLabel: trainingRoleLabels[u.role], reason: u.reasonZh,
    })),
    expiringSoon: coverage.expiringSoon.map((e) => ({
      certificateId: e.certificateId, number: cert.get(e.certificateId)!.number, personId: e.personId,
      personName: person.get(e.personId)!.name, enterpriseName: person.get(e.personId)!.enterprise_name, expiresOn: e.expiresOn,
    })),
  };
}

/**
 * 培训覆盖 today (China time) of one enterprise, or of a unit — a town over the enterprises in it,
 * a department over those it regulates (trainingCoverageByUnit) — with the people not covered
 * and why, and the covering certificates expiring within 30 days. People who left their post
 * are not counted.
 */
export async function getCoverage(db: Kysely<DB>, actor: Actor, q: { unitId?: string | undefined; enterpriseId?: string | undefined }, now: Date): Promise<CoverageView> {
  if ((q.unitId === undefined) === (q.enterpriseId === undefined)) {
    throw new AppError('validation_failed', '查询参数“unitId”“enterpriseId”：请只填写其中一项。');
  }
  const asOf = chinaDateOf(now);
  const options = { expiringWithinDays: EXPIRY_WARNING_DAYS };
  if (q.enterpriseId !== undefined) {
    const e = await findEnterprise(db, q.enterpriseId);
    if (!e || !canOnPerson(actor, 'training.read', e)) throw notFound('生产经营单位');
    const persons = await listActivePersonsOf(db, [e.id]);
    const certs = await listCertificatesOf(db, persons.map((p) => p.id));
    const coverage = trainingCoverageByEnterprise(
      [{ id: e.id, territorialUnitId: e.territorial_unit_id, regulatingUnitId: e.regulating_unit_id }],
      persons.map((p) => trainedPerson(p)), certs.map((c) => domainCertificate(c)), asOf, options,
    ).get(e.id)!;
    return view(coverage, { kind: 'enterprise', id: e.id, name: e.name }, asOf, persons, certs);
  }
  const unit = await findLedgerUnit(db, q.unitId!);
  if (!unit || !can(actor, 'training.read', { organisationPath: unit.organisation_path, unitId: unit.id })) throw notFound('单位');
  const by = unit.category === 'territorial' ? 'territorial' : 'sectoral';
  const enterprises = await listUnitEnterprises(db, unit.id, by);
  const persons = await listActivePersonsOf(db, enterprises.map((e) => e.id));
  const certs = await listCertificatesOf(db, persons.map((p) => p.id));
  const coverage = trainingCoverageByUnit(
    enterprises.map((e) => ({ id: e.id, territorialUnitId: e.territorial_unit_id, regulatingUnitId: e.regulating_unit_id })),
    persons.map((p) => trainedPerson(p)), certs.map((c) => domainCertificate(c)), asOf, by, options,
  ).get(unit.id) ?? NOBODY;
  return view(coverage, { kind: by, id: unit.id, name: unit.name }, asOf, persons, certs);
}
