import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../../shared/schemas/error';
import { ledgerMetricsParamsSchema, ledgerMetricsSchema } from '../../../shared/schemas/ledger-metric';
import type { AppContext } from '../../context';
import { actorOf } from '../auth/authenticate';
import { getLedgerMetrics } from './get-ledger-metrics';

export async function ledgerMetricRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/campaigns/:id/units/:unitId/ledger-metrics', {
    preValidation: ctx.authenticate,
    schema: {
      tags: ['台账指标'], summary: '单位的台账指标（考核年度至今，按隐患卡计算，列出据以计算的隐患编号）',
      params: ledgerMetricsParamsSchema, response: { 200: ledgerMetricsSchema, ...errorResponses },
    },
  }, async (request) => getLedgerMetrics(ctx.db, actorOf(request), request.params.id, request.params.unitId, ctx.now()));
}
