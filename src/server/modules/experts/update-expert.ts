import type { Kysely, Updateable } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import type { ExpertUpdate } from '../../../shared/schemas/expert';
import { AppError, forbidden, notFound } from '../../app-error';
import type { DB } from '../../db/schema';
import type { ExpertTable } from '../../db/schema-inspections';
import { appendAudit } from '../audit/repository';
import { checkExpertTies } from './check-expert-ties';
import { canOnExpert, toExpertView } from './presenter';
import { findExpert, updateExpertIfVersion } from './repository';

const stale = () => new AppError('stale_version', '该专家信息已被他人修改，请刷新后重试。');

/** The columns an update names; a field left out keeps its value, null clears an optional one. */
function columnsOf(input: ExpertUpdate): Updateable<ExpertTable> {
  const set: Updateable<ExpertTable> = {};
  if (input.name !== undefined) set.name = input.name;
  if (input.specialties !== undefined) set.specialties = JSON.stringify(input.specialties);
  if (input.level !== undefined) set.level = input.level;
  if (input.title !== undefined) set.title = input.title;
  if (input.employerEnterpriseId !== undefined) set.employer_enterprise_id = input.employerEnterpriseId;
  if (input.employerName !== undefined) set.employer_name = input.employerName;
  if (input.formerEmployers !== undefined) set.former_employers_json = JSON.stringify(input.formerEmployers);
  if (input.declaredTies !== undefined) set.declared_ties_json = JSON.stringify(input.declaredTies);
  if (input.active !== undefined) set.active = input.active ? 1 : 0;
  if (input.unavailable !== undefined) set.unavailable_json = JSON.stringify(input.unavailable);
  return set;
}

/** The office changes an expert's data (against the version read), e.g. a new employer or leave. */
export async function updateExpert(db: Kysely<DB>, actor: Actor, id: string, input: ExpertUpdate, now: Date) {
  return db.transaction().execute(async (trx) => {
    const row = await findExpert(trx, id);
    if (!row || !canOnExpert(actor, 'expert.read', row)) throw notFound('专家');
    if (!canOnExpert(actor, 'expert.manage', row)) throw forbidden();
    if (row.version !== input.version) throw stale();
    await checkExpertTies(trx, actor, { ...input, employerEnterpriseId: input.employerEnterpriseId ?? undefined });
    const before = toExpertView(row);
    if (!(await updateExpertIfVersion(trx, id, input.version, columnsOf(input), now.toISOString()))) throw stale();
    const after = toExpertView((await findExpert(trx, id))!);
    await appendAudit(trx, {
      actorId: actor.accountId, action: 'expert.update', entityType: 'expert', entityId: id, organisationPath: row.organisation_path, unitId: null,
      before, after,
    }, now);
    return after;
  });
}
