import type { Selectable } from 'kysely';
import type { Action, Actor } from '../../../domain/access/can';
import { can } from '../../../domain/access/can';
import type { Expert, ExpertLevel } from '../../../domain/ledgers/expert/draw-experts';
import { EXPERT_LEVEL_ZH } from '../../../domain/ledgers/expert/draw-experts';
import type { ExpertView } from '../../../shared/schemas/expert';
import type { ExpertTable } from '../../db/schema-inspections';
import type { ExpertRow } from './repository';

/** The pool belongs to the organisation as a whole: no unit's liaison keeps or reads it. */
export function canOnExpert(actor: Actor, action: Action, row: { organisation_path: string }): boolean {
  return can(actor, action, { organisationPath: row.organisation_path, unitId: null });
}

type Stored = Pick<Selectable<ExpertTable>, 'former_employers_json' | 'declared_ties_json' | 'unavailable_json'>;
const formerOf = (r: Stored) => JSON.parse(r.former_employers_json) as { enterpriseId: string; until: string }[];
const tiesOf = (r: Stored) => JSON.parse(r.declared_ties_json) as { enterpriseId: string; relation: string }[];
const unavailableOf = (r: Stored) => JSON.parse(r.unavailable_json) as { from: string; to: string }[];

export function toExpertView(row: ExpertRow): ExpertView {
  const level = row.level as ExpertLevel;
  return {
    id: row.id,
    organisationId: row.organisation_id,
    name: row.name,
    specialties: JSON.parse(row.specialties) as string[],
    level,
    levelLabel: EXPERT_LEVEL_ZH[level],
    title: row.title,
    employerEnterpriseId: row.employer_enterprise_id,
    employerName: row.employer_enterprise_name ?? row.employer_name,
    formerEmployers: formerOf(row),
    declaredTies: tiesOf(row),
    active: row.active === 1,
    unavailable: unavailableOf(row),
    version: row.version,
  };
}

/** The stored row as the domain's Expert, for drawing and recusal (draw-experts.ts). */
export function expertOf(row: Selectable<ExpertTable>): Expert {
  return {
    id: row.id,
    name: row.name,
    specialties: JSON.parse(row.specialties) as string[],
    level: row.level as ExpertLevel,
    ...(row.title === null ? {} : { title: row.title }),
    ...(row.employer_enterprise_id === null ? {} : { employerId: row.employer_enterprise_id }),
    formerEmployers: formerOf(row),
    declaredTies: tiesOf(row).map((t) => ({ enterpriseId: t.enterpriseId, relationZh: t.relation })),
    active: row.active === 1,
    unavailable: unavailableOf(row),
  };
}
