import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorBody } from '../shared/schemas/error';
import { AppError } from './app-error';

const partLabels: Record<string, string> = { body: '请求体', querystring: '查询参数', params: '路径参数', headers: '请求头' };

/**
 * The status and `{ code, message }` body a failure is answered with. Bad input names the
 * field; 5xx answers never carry internals (they are logged instead). Also used for the final
 * line of a progress stream (progress-stream.ts), which must say what the plain answer says.
 */
export function errorAnswer(error: unknown, request: FastifyRequest): { status: number; body: ErrorBody } {
  if (error instanceof AppError) return { status: error.status, body: { code: error.code, message: error.messageZh } };
  const fastifyError = error as Partial<FastifyError>;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issue = error.validation[0]!;
    const part = partLabels[error.validationContext ?? ''] ?? '请求';
    const field = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const where = field ? `${part}字段“${field}”` : part;
    return { status: 400, body: { code: 'validation_failed', message: `${where}：${issue.message}` } };
  }
  const status = fastifyError.statusCode ?? 500;
  if (status === 429) return { status: 429, body: { code: 'rate_limited', message: '请求过于频繁，请稍后再试。' } };
  if (fastifyError.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return { status: 415, body: { code: 'unsupported_media_type', message: '不支持的请求内容类型。' } };
  }
  if (fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fastifyError.code === 'FST_REQ_FILE_TOO_LARGE') {
    return { status: 413, body: { code: 'payload_too_large', message: '请求内容超过大小上限。' } };
  }
  if (status >= 400 && status < 500) {
    // Fastify's own client errors (malformed JSON, empty body …).
    return { status, body: { code: 'bad_request', message: '请求格式不正确。' } };
  }
  request.log.error({ err: error }, 'unhandled error');
  return { status: 500, body: { code: 'internal', message: '服务器内部错误，请稍后重试或联系系统管理员。' } };
}

/** One error shape `{ code, message }` for every failure (errorAnswer). */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const { status, body } = errorAnswer(error, request);
    return reply.code(status).send(body);
  });

  app.setNotFoundHandler((_request, reply) => {
    return reply.code(404).send({ code: 'not_found', message: '请求的地址不存在。' });
  });
}
