import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { can, canList, listScope } from '../../../domain/access/can';
import { accidentGradeLabels } from '../../../domain/accidents/grade';
import { describeIndicator } from '../../../domain/indicators/control-indicator';
import { agreementStateLabels, type AgreementState } from '../../../domain/workflow/agreement-state';
import { forbidden } from '../../app-error';
import type { DB } from '../../db/schema';
import type { AgreementData } from '../../documents/agreement-docx';
import { campaignUnitResource } from '../campaigns/presenter';
import type { CampaignRow } from '../campaigns/repository';
import { agreementFor, visibleCampaign } from './agreement-for';
import { cleanIndicator, parseIndicators, toAgreementView } from './presenter';
import { findOrganisationName, listAgreements, listUnsignedUnits, type AgreementListFilter } from './repository';

/** A page of the campaign's agreements the actor may see (a liaison only its own unit's). */
export async function listAgreementsFor(db: Kysely<DB>, actor: Actor, id: string, filter: AgreementListFilter) {
  await visibleCampaign(db, actor, id);
  if (!canList(actor, 'unit.read')) throw forbidden();
  const { rows, total } = await listAgreements(db, id, listScope(actor, 'unit.read'), filter);
  return { items: rows.map(toAgreementView), total, page: filter.page, pageSize: filter.pageSize };
}

export async function getAgreement(db: Kysely<DB>, actor: Actor, id: string, unitId: string) {
  return toAgreementView((await agreementFor(db, actor, id, unitId)).row);
}

/** Assessed units whose agreement is not yet signed (none drafted, drafted or issued). */
export async function unsignedUnits(db: Kysely<DB>, campaign: CampaignRow) {
  return (await listUnsignedUnits(db, campaign.id)).map((u) => ({
    unitId: u.unit_id,
    name: u.name,
    state: (u.state ?? null) as AgreementState | null,
    stateLabel: u.state ? agreementStateLabels[u.state as AgreementState] : '未起草',
  }));
}

export async function listUnsignedAgreements(db: Kysely<DB>, actor: Actor, id: string) {
  const campaign = await visibleCampaign(db, actor, id);
  if (!canList(actor, 'unit.read')) throw forbidden();
  const items = (await unsignedUnits(db, campaign)).filter((u) => can(actor, 'unit.read', campaignUnitResource(campaign, u.unitId)));
  return { total: items.length, items };
}

const ceilingUnit: Record<string, string> = { deaths: '人', seriousInjuries: '人', directLoss: '元', accidents: '起' };

/** The agreement's data for the DOCX builder (documents/agreement-docx.ts), read from committed rows. */
export async function agreementDocxData(db: Kysely<DB>, actor: Actor, id: string, unitId: string): Promise<{ data: AgreementData; fileName: string }> {
  const { campaign, row } = await agreementFor(db, actor, id, unitId);
  const organisation = (await findOrganisationName(db, campaign.organisation_id)) ?? '';
  const issuer = /政府|委员会/.test(organisation) ? organisation : `${organisation}人民政府`;
  const year = campaign.year;
  const data: AgreementData = {
    year,
    issuer: { organisation: issuer, signatories: [{ role: '政府方代表', name: row.government_signatory }] },
    unit: {
      name: row.unit_name,
      signatories: [{ role: '主要负责人', name: row.unit_principal }, { role: '分管负责人', name: row.unit_deputy }],
    },
    preamble: [
      `为认真贯彻落实《中华人民共和国安全生产法》，进一步落实安全生产责任，有效防范和遏制生产安全事故，根据${campaign.name}的有关规定，签订本责任书。`,
    ],
    targets: JSON.parse(row.targets_json) as string[],
    controlIndicators: parseIndicators(row.control_indicators_json).map(cleanIndicator).map((i) => ({
      name: describeIndicator(i).replace(/ ≤ \d+$/, ''),
      ceiling: `${i.ceiling}${ceilingUnit[i.kind] ?? ''}`,
    })),
    keyTasks: JSON.parse(row.key_tasks_json) as string[],
    assessment: [
      `甲方按照${year}年度安全生产目标管理考核办法对乙方进行考核，考核结果作为评价乙方领导班子和领导干部实绩的重要依据。`,
      `乙方辖区或监管行业领域发生${accidentGradeLabels.larger}及以上生产安全事故的，按考核办法实行“一票否决”。`,
    ],
    term: { from: `${year}-01-01`, to: `${year}-12-31` },
    signedOn: row.signed_on ?? campaign.agreement_due ?? `${year}-01-01`,
  };
  return { data, fileName: `${year}年度安全生产目标管理责任书（${row.unit_name}）.docx` };
}
