import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifyStatic from '@fastify/static';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler } from 'fastify-type-provider-zod';
import { randomInt } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import pkg from '../../package.json' with { type: 'json' };
import { zodMessages } from '../shared/zod-messages';
import { registerCompression } from './compression';
import type { Config } from './config';
import type { AppContext } from './context';
import type { Database } from './db/create-database';
import { frameworkErrorHandler, installErrorHandler } from './error-handler';
import { accidentRoutes } from './modules/accidents/routes';
import { accountRoutes } from './modules/accounts/routes';
import { agreementRoutes } from './modules/agreements/routes';
import { assessmentRoutes } from './modules/assessments/routes';
import { auditRoutes } from './modules/audit/routes';
import { makeAuthenticate, safeMethods } from './modules/auth/authenticate';
import { SessionCache } from './modules/auth/session-cache';
import { authRoutes } from './modules/auth/routes';
import { campaignRoutes } from './modules/campaigns/routes';
import { documentRoutes } from './modules/documents/routes';
import { FileStore } from './modules/files/file-store';
import { fileRoutes } from './modules/files/routes';
import { healthRoutes } from './modules/health/routes';
import { indicatorReportRoutes } from './modules/indicator-reports/routes';
import { enterpriseRoutes } from './modules/enterprises/routes';
import { hazardRoutes } from './modules/hazards/routes';
import { tipRoutes } from './modules/tips/routes';
import { enforcementRoutes } from './modules/enforcement/routes';
import { trainingRoutes } from './modules/training/routes';
import { specialCampaignRoutes } from './modules/special-campaigns/routes';
import { ledgerMetricRoutes } from './modules/ledger-metrics/routes';
import { organisationRoutes } from './modules/organisations/routes';
import { publicationRoutes } from './modules/publications/routes';
import { resultRoutes } from './modules/results/routes';
import { teamRoutes } from './modules/teams/routes';
import { todoRoutes } from './modules/todos/routes';
import { expertRoutes } from './modules/experts/routes';
import { inspectionRoutes } from './modules/inspections/routes';
import { unitRoutes } from './modules/units/routes';
import { registerSecurityHeaders, securityHeaders } from './security-headers';
import { validatorCompiler } from './validation';
import { webFileOptions } from './web-files';

// Validation messages in Chinese words, for the server and the web forms alike.
z.config(zodMessages());

export interface AppDeps {
  database: Database;
  config: Config;
  /** The clock; tests pass their own to move time forward. */
  now?: () => Date;
  /** The seed of each expert drawing; tests pass their own to make a drawing known in advance. */
  drawSeed?: () => number;
  /** Fastify logger; off unless given. */
  logger?: boolean | { level: string };
}

/** Builds the HTTP application without listening, so tests drive it with `inject`. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? false,
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1024 * 1024,
    frameworkErrors: frameworkErrorHandler(securityHeaders(deps.config.secureCookies)),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);

  registerSecurityHeaders(app, deps.config.secureCookies);
  registerCompression(app);
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyMultipart, {
    limits: { fileSize: deps.config.uploadMaxBytes, files: 1, fields: 5, parts: 6, fieldSize: 1024 },
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: '安考 API', description: '安全生产目标管理考核平台接口。错误统一为 { code, message }。', version: pkg.version },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  const now = deps.now ?? (() => new Date());
  const sessions = new SessionCache(deps.config.sessionCacheMs);
  // A write may change what a session may do (logout, disabling, a role, an assignment): the
  // sessions kept for reads are forgotten when it starts and once it has been answered.
  // A callback hook, not an async one: a read goes on at once, without a promise per request.
  const forgetOnWrite = (request: { method: string }, _reply: unknown, done: () => void) => {
    if (!safeMethods.has(request.method)) sessions.forgetAll();
    done();
  };
  app.addHook('onRequest', forgetOnWrite);
  app.addHook('onResponse', forgetOnWrite);
  const ctx: AppContext = {
    db: deps.database.db,
    engine: deps.database.engine,
    config: deps.config,
    now,
    // A 31-bit seed fits an integer column on both engines; the domain's generator takes any integer.
    drawSeed: deps.drawSeed ?? (() => randomInt(0, 2 ** 31)),
    authenticate: makeAuthenticate({ db: deps.database.db, now, idleMinutes: deps.config.sessionIdleMinutes, sessions }),
  };
  for (const routes of [healthRoutes, authRoutes, organisationRoutes, unitRoutes, auditRoutes, accountRoutes]) {
    await routes(app, ctx);
  }
  await fileRoutes(app, { ...ctx, files: new FileStore(deps.config.dataDir) });
  for (const routes of [campaignRoutes, resultRoutes, assessmentRoutes, accidentRoutes, publicationRoutes, todoRoutes, indicatorReportRoutes, documentRoutes]) await routes(app, ctx);
  await agreementRoutes(app, ctx);
  await teamRoutes(app, ctx);
  for (const routes of [enterpriseRoutes, hazardRoutes, ledgerMetricRoutes]) await routes(app, ctx);
  await tipRoutes(app, ctx);
  await enforcementRoutes(app, ctx);
  await expertRoutes(app, ctx);
  await inspectionRoutes(app, ctx);
  await trainingRoutes(app, ctx);
  await specialCampaignRoutes(app, ctx);
  // The web app built by `npm run build:web`, from the same origin; any other non-API path
  // without a file extension is a page of the single-page app and gets index.html.
  const web = fileURLToPath(new URL('../../dist/web/', import.meta.url));
  if (existsSync(`${web}index.html`)) {
    await app.register(fastifyStatic, webFileOptions(web));
    app.get('/*', { schema: { hide: true } }, (request, reply) =>
      /^\/api\/|\.\w+$/.test(request.url.split('?')[0]!) ? reply.callNotFound() : reply.sendFile('index.html'));
  }
  await app.ready();
  return app;
}
