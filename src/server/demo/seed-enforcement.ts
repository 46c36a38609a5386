import type { Insertable, Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import type { MeasureType } from '../../domain/ledgers/enforcement/procedures';
import type { EnforcementMeasure, StepInput } from '../../domain/ledgers/enforcement/record-step';
import { openEnforcementMeasure, recordEnforcementStep } from '../../domain/ledgers/enforcement/record-step';
import { chinaDateOf } from '../../domain/ledgers/shared/dates';
import type { DB } from '../db/schema';
import type { EnforcementMeasureTable, EnforcementStepTable } from '../db/schema-enforcement';
import { appendAudit } from '../modules/audit/repository';
import { measureColumns } from '../modules/enforcement/presenter';
import { zhoucunId } from './zhoucun';

const DAY = 86_400_000;
const officers = [{ name: '韩立军', certificateNumber: '37030611001' }, { name: '孙晓燕', certificateNumber: '37030611002' }];
const onSite: StepInput = { step: 'onSite', officers, partyNotified: true, partyHeard: true, recordSignedBy: 'party' };
const approval: StepInput = { step: 'approval', approverName: '区应急管理局局长', approverIsPrincipal: true, approved: true };

/**
 * 执法措施 of the demo (demo mode only), against the demo enterprises: a 查封 whose disposal is
 * overdue, a 责令限期整改 reviewed and ended, a 停止供电 waiting out its 24-hour notice, and a
 * 责令暂时停产停业 within its period. Each is built step by step by the domain's procedure with
 * its steps dated in the past, and written with one audit record.
 */
export async function seedDemoEnforcement(db: Kysely<DB>, now: Date): Promise<void> {
  const admin = await db.selectFrom('account').select('id').where('username', '=', 'admin').executeTakeFirst();
  const org = await db.selectFrom('organisation').select('path').where('id', '=', zhoucunId).executeTakeFirst();
  const enterprises = await db.selectFrom('enterprise').select(['id', 'sector', 'territorial_unit_id', 'regulating_unit_id'])
    .where('organisation_id', '=', zhoucunId).orderBy('credit_code').execute();
  const chemical = enterprises.filter((e) => e.sector === 'hazardous-chemicals');
  const textile = enterprises.filter((e) => e.sector !== 'hazardous-chemicals');
  if (!admin || !org || chemical.length < 3 || textile.length < 1) return;
  const day = (daysAgo: number) => chinaDateOf(new Date(now.getTime() - daysAgo * DAY));
  const at = (daysAgo: number, hour = 10) => new Date(`${day(daysAgo)}T${String(hour).padStart(2, '0')}:00:00+08:00`);

  const plans: { enterprise: (typeof enterprises)[number]; type: MeasureType; steps: [StepInput, Date][] }[] = [
    {
      enterprise: chemical[0]!, type: 'seal', steps: [
        [approval, at(20, 9)], [onSite, at(20, 10)],
        [{ step: 'decision', documentNumber: '周应急查封〔2026〕3号', items: ['液氨钢瓶20只', '充装设备1套'] }, at(20, 11)],
      ],
    },
    {
      enterprise: chemical[1]!, type: 'orderRectification', steps: [
        [onSite, at(40)], [{ step: 'decision', documentNumber: '周应急责改〔2026〕12号', rectifyBy: day(25) }, at(40, 11)],
        [{ step: 'review', rectified: true }, at(24)],
      ],
    },
    {
      enterprise: chemical[2]!, type: 'powerCut', steps: [
        [{ step: 'precondition', priorDecisionNumber: '周应急停产〔2026〕5号', refusedToComply: true, realDanger: true, safetyEnsured: true }, at(3, 9)],
        [approval, at(3, 10)],
        [{ step: 'supplierNotice', supplierName: '国网淄博市周村区供电公司', documentNumber: '周应急通〔2026〕8号', inWriting: true }, at(3, 11)],
        [{ step: 'partyNotice', documentNumber: '周应急通〔2026〕9号' }, new Date(now.getTime() - 6 * 3_600_000)],
      ],
    },
    {
      enterprise: textile[0]!, type: 'suspendProduction', steps: [
        [onSite, at(10)], [{ step: 'decision', documentNumber: '周应急停产〔2026〕7号', periodEndsOn: day(-50) }, at(10, 11)],
      ],
    },
  ];

  const measureRows: Insertable<EnforcementMeasureTable>[] = [];
  const stepRows: Insertable<EnforcementStepTable>[] = [];
  for (const plan of plans) {
    const id = randomUUID();
    const opened = openEnforcementMeasure({ id, type: plan.type, enterpriseId: plan.enterprise.id });
    if (!opened.ok) throw new Error(`演示数据不符合执法程序：${opened.messageZh}`);
    let measure: EnforcementMeasure = opened.measure;
    for (const [input, when] of plan.steps) {
      const r = recordEnforcementStep(measure, input, admin.id, when);
      if (!r.ok) throw new Error(`演示数据不符合执法程序：${r.messageZh}`);
      measure = r.measure;
      stepRows.push({
        measure_id: id, seq: measure.steps.length, step: r.event.step, at: r.event.at, account_id: admin.id,
        flags_json: JSON.stringify(r.event.flags), summary: r.event.summaryZh, recorded_at: r.event.at,
      });
    }
    const created = plan.steps[0]![1].toISOString();
    measureRows.push({
      id, organisation_id: zhoucunId, enterprise_id: plan.enterprise.id, territorial_unit_id: plan.enterprise.territorial_unit_id,
      regulating_unit_id: plan.enterprise.regulating_unit_id, type: plan.type, emergency: 0, hazard_id: null,
      ...measureColumns(measure, now), version: measure.steps.length + 1, created_by: admin.id, created_at: created, updated_at: stepRows.at(-1)!.at,
    });
  }
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('enforcement_measure').values(measureRows).execute();
    await trx.insertInto('enforcement_step').values(stepRows).execute();
    await appendAudit(trx, {
      actorId: admin.id, action: 'demo.enforcement', entityType: 'ledger', entityId: zhoucunId, organisationPath: org.path, unitId: null,
      before: null, after: { enforcementMeasures: measureRows.map((r) => r.id) },
    }, now);
  });
}
