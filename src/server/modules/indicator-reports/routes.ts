import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { campaignParamsSchema } from '../../../shared/schemas/campaign';
import { errorResponses } from '../../../shared/schemas/error';
import { monthlyReportBodySchema, monthlyReportListSchema, monthlyReportParamsSchema, monthlyReportSchema } from '../../../shared/schemas/monthly-report';
import type { AppContext } from '../../context';
import { actorOf } from '../auth/authenticate';
import { listUnitMonthlyReports, submitMonthlyReport } from './monthly-reports';

const tags = ['指标月报'];

export async function indicatorReportRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/campaigns/:id/monthly-reports', {
    preValidation: ctx.authenticate,
    schema: {
      tags, summary: '各单位全年月报：报送状态（迟报、未报送）、填报指标与事故登记统计的数据',
      params: campaignParamsSchema, response: { 200: monthlyReportListSchema, ...errorResponses },
    },
  }, async (request) => listUnitMonthlyReports(ctx.db, actorOf(request), request.params.id, ctx.now()));

  r.put('/api/campaigns/:id/units/:unitId/monthly-reports/:month', {
    preValidation: ctx.authenticate,
    schema: {
      tags, summary: '报送月报（在考核活动的月报报送期限内为按时，缺省月末后 2 日内；事故数据不填报，由事故登记统计）',
      params: monthlyReportParamsSchema, body: monthlyReportBodySchema, response: { 200: monthlyReportSchema, ...errorResponses },
    },
  }, async (request) => {
    const { id, unitId, month } = request.params;
    return submitMonthlyReport(ctx.db, actorOf(request), id, unitId, month, request.body.figures, ctx.now());
  });
}
