import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { canList, listScope } from '../../../domain/access/can';
import { chinaDateOf } from '../../../domain/ledgers/shared/dates';
import { errorResponses } from '../../../shared/schemas/error';
import {
  certificateCreateSchema, certificateListQuerySchema, certificateListSchema, certificateSchema, coverageQuerySchema, coverageSchema,
  personCreateSchema, personListQuerySchema, personListSchema, personSchema, personUpdateSchema, sessionCreateSchema,
  sessionListQuerySchema, sessionListSchema, sessionSchema, trainingParamsSchema,
} from '../../../shared/schemas/training';
import { forbidden } from '../../app-error';
import type { AppContext } from '../../context';
import { actorOf } from '../auth/authenticate';
import { createPerson } from './create-person';
import { getCoverage } from './get-coverage';
import { issueCertificate } from './issue-certificate';
import { toCertificateView, toPersonView, toSessionView } from './presenter';
import { recordSession } from './record-session';
import { listCertificates, listPersons, listSessions } from './repository';
import { updatePerson } from './update-person';

const tags = ['培训覆盖'];

export async function trainingRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/training/persons', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '登记须持证人员（主要负责人、安全生产管理人员、特种作业人员）', body: personCreateSchema, response: { 201: personSchema, ...errorResponses } },
  }, async (request, reply) => reply.code(201).send(await createPerson(ctx.db, actorOf(request), request.body, ctx.now())));

  r.get('/api/training/persons', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '须持证人员（按企业、镇街或部门、人员类别、是否在岗筛选；分页）', querystring: personListQuerySchema, response: { 200: personListSchema, ...errorResponses } },
  }, async (request) => {
    const actor = actorOf(request);
    if (!canList(actor, 'training.read')) throw forbidden();
    const q = request.query;
    const { rows, total } = await listPersons(ctx.db, listScope(actor, 'training.read'), q);
    return { items: rows.map(toPersonView), total, page: q.page, pageSize: q.pageSize };
  });

  r.patch('/api/training/persons/:id', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '修改须持证人员（带 version；离岗人员不再计入）', params: trainingParamsSchema, body: personUpdateSchema, response: { 200: personSchema, ...errorResponses } },
  }, async (request) => updatePerson(ctx.db, actorOf(request), request.params.id, request.body, ctx.now()));

  r.post('/api/training/sessions', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '登记一次培训（日期、组织单位、学时、培训对象）', body: sessionCreateSchema, response: { 201: sessionSchema, ...errorResponses } },
  }, async (request, reply) => reply.code(201).send(await recordSession(ctx.db, actorOf(request), request.body, ctx.now())));

  r.get('/api/training/sessions', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '培训记录（按举办单位、日期筛选；分页，新的在前）', querystring: sessionListQuerySchema, response: { 200: sessionListSchema, ...errorResponses } },
  }, async (request) => {
    const actor = actorOf(request);
    if (!canList(actor, 'training.read')) throw forbidden();
    const q = request.query;
    const { rows, total } = await listSessions(ctx.db, listScope(actor, 'training.read'), q);
    return { items: rows.map(toSessionView), total, page: q.page, pageSize: q.pageSize };
  });

  r.post('/api/training/certificates', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '登记证书（编号、发证日期、有效期、取得证书的培训）', body: certificateCreateSchema, response: { 201: certificateSchema, ...errorResponses } },
  }, async (request, reply) => reply.code(201).send(await issueCertificate(ctx.db, actorOf(request), request.body, ctx.now())));

  r.get('/api/training/certificates', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '证书（按企业、持证人筛选；按有效期排序，附当前状态）', querystring: certificateListQuerySchema, response: { 200: certificateListSchema, ...errorResponses } },
  }, async (request) => {
    const actor = actorOf(request);
    if (!canList(actor, 'training.read')) throw forbidden();
    const q = request.query;
    const today = chinaDateOf(ctx.now());
    const { rows, total } = await listCertificates(ctx.db, listScope(actor, 'training.read'), q);
    return { items: rows.map((row) => toCertificateView(row, today)), total, page: q.page, pageSize: q.pageSize };
  });

  r.get('/api/training/coverage', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '培训覆盖率（一家企业，或一个镇街、部门）：未覆盖人员及原因、30日内到期的证书', querystring: coverageQuerySchema, response: { 200: coverageSchema, ...errorResponses } },
  }, async (request) => getCoverage(ctx.db, actorOf(request), request.query, ctx.now()));
}
