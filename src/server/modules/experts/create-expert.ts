import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import type { ExpertCreate } from '../../../shared/schemas/expert';
import { forbidden } from '../../app-error';
import type { DB } from '../../db/schema';
import { appendAudit } from '../audit/repository';
import { findOrganisationByPath } from '../tips/repository';
import { checkExpertTies } from './check-expert-ties';
import { canOnExpert, toExpertView } from './presenter';
import { findExpert, insertExpert } from './repository';

/** 专家入库: the committee office adds an expert to its organisation's pool. */
export async function createExpert(db: Kysely<DB>, actor: Actor, input: ExpertCreate, now: Date) {
  return db.transaction().execute(async (trx) => {
    const organisation = await findOrganisationByPath(trx, actor.organisationPath);
    if (!organisation || !canOnExpert(actor, 'expert.manage', { organisation_path: organisation.path })) throw forbidden();
    await checkExpertTies(trx, actor, input);
    const id = randomUUID();
    const at = now.toISOString();
    await insertExpert(trx, {
      id, organisation_id: organisation.id, name: input.name, specialties: JSON.stringify(input.specialties), level: input.level,
      title: input.title ?? null, employer_enterprise_id: input.employerEnterpriseId ?? null, employer_name: input.employerName ?? null,
      former_employers_json: JSON.stringify(input.formerEmployers ?? []), declared_ties_json: JSON.stringify(input.declaredTies ?? []),
      active: input.active === false ? 0 : 1, unavailable_json: JSON.stringify(input.unavailable ?? []),
      created_by: actor.accountId, created_at: at, updated_at: at,
    });
    const view = toExpertView((await findExpert(trx, id))!);
    await appendAudit(trx, {
      actorId: actor.accountId, action: 'expert.create', entityType: 'expert', entityId: id, organisationPath: organisation.path, unitId: null,
      before: null, after: view,
    }, now);
    return view;
  });
}
