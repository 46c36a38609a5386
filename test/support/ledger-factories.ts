import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import { CREDIT_CODE_CHARSET, creditCodeCheckChar } from '../../src/domain/ledgers/enterprise/credit-code';
import type { DB } from '../../src/server/db/schema';
import { importTree } from '../../src/server/modules/organisations/import-tree';
import type { Client } from './test-app';
import { uniq } from './factories';
import type { District } from './factories';

/** A valid 统一社会信用代码 (GB 32100-2015) for 淄博市周村区 (370306), unique per call. */
export function creditCode(): string {
  let body = '91370306';
  for (let i = 0; i < 9; i += 1) body += CREDIT_CODE_CHARSET.charAt(randomInt(CREDIT_CODE_CHARSET.length));
  return body + creditCodeCheckChar(body)!;
}

/** A second town (territorial unit) in the district, for "another town's liaison". */
export async function addTown(db: Kysely<DB>, d: District, now = new Date()): Promise<string> {
  const s = uniq();
  const townOrg = `t2-${s}`;
  const unitId = `u-town2-${s}`;
  await db.transaction().execute(async (trx) => {
    await importTree(trx, {
      organisations: [{ id: townOrg, parentId: d.districtId, name: `第二镇${s}`, kind: 'town', divisionCode: null }],
      ownerId: d.districtId,
      units: [{ id: unitId, name: `第二镇政府${s}`, category: 'territorial', sectors: [], areaOrganisationId: townOrg }],
    }, null, now);
  });
  return unitId;
}

export function enterpriseBody(d: District, extra: Record<string, unknown> = {}) {
  return {
    name: `周村测试企业${uniq()}有限公司`, creditCode: creditCode(), address: '周村区丝绸路1号', legalRepresentative: '张三',
    sector: 'construction', size: 'small', territorialUnitId: d.units.town, regulatingUnitId: d.units.dept, ...extra,
  };
}

export async function createEnterprise(client: Client, d: District, extra: Record<string, unknown> = {}): Promise<{ id: string; version: number }> {
  const res = await client.inject({ method: 'POST', url: '/api/enterprises', payload: enterpriseBody(d, extra) });
  if (res.statusCode !== 201) throw new Error(`enterprise: ${res.statusCode} ${res.body}`);
  return res.json();
}
