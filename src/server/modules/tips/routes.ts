import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { canList, listScope } from '../../../domain/access/can';
import { chinaDateOf } from '../../../domain/ledgers/shared/dates';
import { errorResponses } from '../../../shared/schemas/error';
import {
  tipAssignSchema, tipCreateSchema, tipExtensionSchema, tipListQuerySchema, tipListSchema, tipParamsSchema, tipReplySchema, tipRewardDecisionSchema,
  tipSchema, tipVerificationSchema,
} from '../../../shared/schemas/tip';
import { forbidden } from '../../app-error';
import type { AppContext } from '../../context';
import { actorOf } from '../auth/authenticate';
import { assignTip } from './assign-tip';
import { decideTipReward } from './decide-tip-reward';
import { extendTip } from './extend-tip';
import { getTip } from './get-tip';
import { toTipView } from './presenter';
import { receiveTip } from './receive-tip';
import { listTips } from './repository';
import { replyToTip } from './reply-tip';
import { verifyTip } from './verify-tip';

const tags = ['举报'];

export async function tipRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/tips', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '受理举报（举报电话、网上举报、信件；可匿名）', body: tipCreateSchema, response: { 201: tipSchema, ...errorResponses } },
  }, async (request, reply) => reply.code(201).send(await receiveTip(ctx.db, actorOf(request), request.body, ctx.now())));

  r.get('/api/tips/:id', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '一件举报：受理、期限和答复状态（举报人身份仅安委办可见）', params: tipParamsSchema, response: { 200: tipSchema, ...errorResponses } },
  }, async (request) => getTip(ctx.db, actorOf(request), request.params.id, ctx.now()));

  r.post('/api/tips/:id/assignment', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '交办：安委办将举报交由负责核查的单位（带 version）', params: tipParamsSchema, body: tipAssignSchema, response: { 200: tipSchema, ...errorResponses } },
  }, async (request) => assignTip(ctx.db, actorOf(request), request.params.id, request.body, ctx.now()));

  r.post('/api/tips/:id/extension', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '延期：安委办批准情况复杂的举报延长办理期限一次（30日），写明理由', params: tipParamsSchema, body: tipExtensionSchema, response: { 200: tipSchema, ...errorResponses } },
  }, async (request) => extendTip(ctx.db, actorOf(request), request.params.id, request.body, ctx.now()));

  r.post('/api/tips/:id/verification', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '核查：负责单位登记是否属实和核查情况；重大事故隐患属实的同时建立隐患卡', params: tipParamsSchema, body: tipVerificationSchema, response: { 200: tipSchema, ...errorResponses } },
  }, async (request) => verifyTip(ctx.db, actorOf(request), request.params.id, request.body, ctx.now()));

  r.post('/api/tips/:id/reply', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '答复举报人：告知核查结果（匿名且无联系方式的无需答复）', params: tipParamsSchema, body: tipReplySchema, response: { 200: tipSchema, ...errorResponses } },
  }, async (request) => replyToTip(ctx.db, actorOf(request), request.params.id, request.body, ctx.now()));

  r.post('/api/tips/:id/reward', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '核定举报奖励：按受理日适用的奖励办法计算（2012年办法在范围内核定，2018年办法按罚款或瞒报人数计）', params: tipParamsSchema, body: tipRewardDecisionSchema, response: { 200: tipSchema, ...errorResponses } },
  }, async (request) => decideTipReward(ctx.db, actorOf(request), request.params.id, request.body, ctx.now()));

  r.get('/api/tips', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '举报台账（按负责单位、渠道、办理环节、逾期未答复筛选；分页，按受理时间排序）', querystring: tipListQuerySchema, response: { 200: tipListSchema, ...errorResponses } },
  }, async (request) => {
    const actor = actorOf(request);
    if (!canList(actor, 'tip.read')) throw forbidden();
    const q = request.query;
    const now = ctx.now();
    const { rows, total } = await listTips(ctx.db, listScope(actor, 'tip.read'), q, chinaDateOf(now));
    return { items: rows.map((row) => toTipView(row, actor, now)), total, page: q.page, pageSize: q.pageSize };
  });
}
