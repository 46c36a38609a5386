import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import type { EnterpriseContext } from '../../../domain/ledgers/enterprise/enterprise-file';
import { sectorLabels } from '../../../domain/sectors';
import { AppError, forbidden } from '../../app-error';
import type { DB } from '../../db/schema';
import { canOnEnterprise } from './presenter';
import { findLedgerUnit, unitsOfOrganisation, type LedgerUnit } from './repository';

const codeByLabel = new Map(Object.entries(sectorLabels).map(([code, label]) => [label, code]));

/** A sector typed as its Chinese name is stored as its catalogue code (src/domain/sectors.ts). */
export function sectorCode(sector: string): string {
  const s = sector.trim();
  return codeByLabel.get(s) ?? s;
}

export interface OrganisationUnits {
  organisationId: string;
  organisationPath: string;
  units: LedgerUnit[];
  /** The domain's context: towns, departments and sectors that exist. */
  context: EnterpriseContext;
}

/** The towns and departments an enterprise of this organisation may name. */
export async function organisationUnits(db: Kysely<DB>, organisationId: string, organisationPath: string): Promise<OrganisationUnits> {
  const units = await unitsOfOrganisation(db, organisationId);
  return {
    organisationId,
    organisationPath,
    units,
    context: {
      territorialUnitIds: new Set(units.filter((u) => u.category === 'territorial').map((u) => u.id)),
      regulatingUnitIds: new Set(units.filter((u) => u.category !== 'territorial').map((u) => u.id)),
      sectors: new Set(Object.keys(sectorLabels)),
    },
  };
}

/**
 * The organisation an enterprise belongs to is its territorial unit's. The actor must be able to
 * manage the enterprise through one of its two units; an unknown unit is a 400 naming the field.
 */
export async function resolveEnterpriseUnits(db: Kysely<DB>, actor: Actor, territorialUnitId: string, regulatingUnitId: string): Promise<OrganisationUnits> {
  const town = await findLedgerUnit(db, territorialUnitId);
  if (!town || town.category !== 'territorial') {
    throw new AppError('validation_failed', `请求体字段“territorialUnitId”：所属镇（街道）“${territorialUnitId}”不存在或不是属地单位。`);
  }
  const org = await organisationUnits(db, town.organisation_id, town.organisation_path);
  if (!org.context.regulatingUnitIds!.has(regulatingUnitId)) {
    throw new AppError('validation_failed', `请求体字段“regulatingUnitId”：行业监管部门“${regulatingUnitId}”不存在或不属于${town.name}所在的考核组织。`);
  }
  if (!canOnEnterprise(actor, 'enterprise.manage', { organisation_path: town.organisation_path, territorial_unit_id: territorialUnitId, regulating_unit_id: regulatingUnitId })) {
    throw forbidden();
  }
  return org;
}
