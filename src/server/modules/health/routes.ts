import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import pkg from '../../../../package.json' with { type: 'json' };
import { healthSchema } from '../../../shared/schemas/health';
import { errorSchema } from '../../../shared/schemas/error';
import type { AppContext } from '../../context';

export async function healthRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get('/api/health', {
    schema: { tags: ['系统'], summary: '健康检查（负载均衡探测用，无需登录）', response: { 200: healthSchema, 500: errorSchema } },
  }, async () => {
    // A real round trip, so a load balancer takes an instance that lost its database out.
    await sql`select 1`.execute(ctx.db);
    return { status: 'ok' as const, version: pkg.version, database: ctx.engine };
  });
}
