import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { canList } from '../../../domain/access/can';
import type { EnterpriseSize, ImportRow, StandardisationLevel } from '../../../domain/ledgers/enterprise/enterprise-file';
import { ENTERPRISE_SIZE_ZH, STANDARDISATION_LEVEL_ZH, validateEnterpriseImport } from '../../../domain/ledgers/enterprise/enterprise-file';
import { AppError, forbidden } from '../../app-error';
import type { DB } from '../../db/schema';
import { appendAudit } from '../audit/repository';
import { organisationUnits, sectorCode } from './enterprise-context';
import { ENTERPRISE_COLUMNS, parseEnterpriseWorkbook, type EnterpriseColumnKey } from './parse-enterprise-workbook';
import { canOnEnterprise } from './presenter';
import { insertEnterprise, registeredCreditCodes } from './repository';

const sizeByLabel = new Map(Object.entries(ENTERPRISE_SIZE_ZH).map(([k, v]) => [v, k]));
const levelByLabel = new Map(Object.entries(STANDARDISATION_LEVEL_ZH).map(([k, v]) => [v, k]));

/** Domain field → sheet column. */
const columnOfField: Record<string, EnterpriseColumnKey> = {
  name: 'name', creditCode: 'creditCode', address: 'address', legalRepresentative: 'legalRepresentative', sector: 'sector',
  size: 'size', territorialUnitId: 'territorialUnit', regulatingUnitId: 'regulatingUnit', standardisationLevel: 'standardisationLevel',
};
const headerOf = Object.fromEntries(ENTERPRISE_COLUMNS.map((c) => [c.key, c.header])) as Record<EnterpriseColumnKey, string>;

const MAX_SHOWN = 50;

function refusal(lines: string[]): AppError {
  const shown = lines.slice(0, MAX_SHOWN);
  const more = lines.length > shown.length ? `（另有${lines.length - shown.length}处）` : '';
  return new AppError('validation_failed', `导入文件有${lines.length}处错误，未导入任何数据：${shown.join('；')}${more}`);
}

/**
 * 一企一档 import, whole or nothing (as for documents): the workbook is read, every row checked
 * by the domain together (a credit code repeated within the file or already registered, units,
 * sizes, levels), and each error names its row, column letter and header. Only a file without
 * any error is written, in one transaction.
 */
export async function importEnterprises(db: Kysely<DB>, actor: Actor, file: Buffer, now: Date) {
  if (!canList(actor, 'enterprise.manage')) throw forbidden();
  const parsed = await parseEnterpriseWorkbook(file);
  if (!parsed.ok) {
    throw refusal(parsed.issues.map((i) => `${i.rowNumber ? `第${i.rowNumber}行` : ''}${i.column ? `${i.column}列` : ''}${i.rowNumber || i.column ? '：' : ''}${i.message}`));
  }
  const organisationId = actor.organisationPath.split('/').filter(Boolean).at(-1) ?? '';
  const org = await organisationUnits(db, organisationId, actor.organisationPath);
  const unitByName = new Map(org.units.map((u) => [u.name, u]));
  const cell = (rowNumber: number, key: EnterpriseColumnKey) => `第${rowNumber}行${parsed.letters[key]}列（${headerOf[key]}）`;
  const extra: string[] = [];
  const rows: ImportRow[] = parsed.rows.map(({ rowNumber, values }) => {
    const town = unitByName.get(values.territorialUnit);
    const dept = unitByName.get(values.regulatingUnit);
    if (town && dept && !canOnEnterprise(actor, 'enterprise.manage', { organisation_path: org.organisationPath, territorial_unit_id: town.id, regulating_unit_id: dept.id })) {
      extra.push(`${cell(rowNumber, 'territorialUnit')}：无权登记${town.name}、${dept.name}的生产经营单位`);
    }
    const level = values.standardisationLevel === '' ? undefined : (levelByLabel.get(values.standardisationLevel) ?? values.standardisationLevel);
    return {
      rowNumber,
      input: {
        name: values.name,
        creditCode: values.creditCode,
        address: values.address,
        legalRepresentative: values.legalRepresentative,
        sector: sectorCode(values.sector),
        size: (sizeByLabel.get(values.size) ?? values.size) as EnterpriseSize,
        territorialUnitId: town?.id ?? values.territorialUnit,
        regulatingUnitId: dept?.id ?? values.regulatingUnit,
        ...(level === undefined ? {} : { standardisationLevel: level as StandardisationLevel }),
      },
    };
  });
  const codes = rows.map((r) => r.input.creditCode.trim().toUpperCase()).filter((c) => c.length === 18);
  const existing = await registeredCreditCodes(db, codes);
  const checked = validateEnterpriseImport(rows, { ...org.context, existingCreditCodes: existing });
  const problems = checked.ok ? [] : checked.errors.map((e) => {
    const key = columnOfField[e.field.split('.')[0] ?? ''];
    const message = e.messageZh.replace(/^第\d+行：/, '');
    return e.rowNumber > 0 && key ? `${cell(e.rowNumber, key)}：${message}` : message;
  });
  if (problems.length + extra.length > 0 || !checked.ok) throw refusal([...problems, ...extra]);

  return db.transaction().execute(async (trx) => {
    const at = now.toISOString();
    for (const e of checked.enterprises) {
      const id = randomUUID();
      const row = {
        id, organisation_id: org.organisationId, name: e.name, credit_code: e.creditCode, address: e.address,
        legal_representative: e.legalRepresentative, sector: e.sector, size: e.size, territorial_unit_id: e.territorialUnitId,
        regulating_unit_id: e.regulatingUnitId, standardisation_level: e.standardisationLevel ?? null,
        licences_json: '[]', safety_staff_json: '[]', major_hazard_sources_json: '[]', emergency_plans_json: '[]',
        created_by: actor.accountId, created_at: at, updated_at: at,
      };
      await insertEnterprise(trx, row);
      await appendAudit(trx, {
        actorId: actor.accountId, action: 'enterprise.import', entityType: 'enterprise', entityId: id,
        organisationPath: org.organisationPath, unitId: e.territorialUnitId, before: null, after: row,
      }, now);
    }
    return { imported: checked.enterprises.length };
  });
}
