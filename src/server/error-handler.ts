import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorBody } from '../shared/schemas/error';
import { AppError } from './app-error';
import { validationRefusal } from './validation';

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
    const { field, message } = validationRefusal(error.validation[0]!);
    const part = partLabels[error.validationContext ?? ''] ?? '请求';
    const where = field ? `${part}字段“${field}”` : part;
    return { status: 400, body: { code: 'validation_failed', message: `${where}：${message}` } };
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

/**
 * Fastify's answers to a URL it cannot route — a path segment over its limit of 100 characters
 * (FST_ERR_MAX_PARAM_LENGTH, 414) or a broken percent-encoding (FST_ERR_BAD_URL) — come before
 * any hook or handler, in Fastify's English shape; this gives them the one shape and the security
 * headers the `onRequest` hook would have set (`frameworkErrors` of the Fastify options). An id
 * is at most 100 characters everywhere (src/shared/schemas), so such a segment is bad input: 400.
 */
export function frameworkErrorHandler(headers: Readonly<Record<string, string>>) {
  return (error: FastifyError, _request: unknown, reply: FastifyReply): void => {
    reply.headers(headers).code(400);
    if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
      void reply.send({ code: 'validation_failed', message: '路径参数过长：地址中的每一段最多 100 个字符。' });
    } else {
      void reply.send({ code: 'bad_request', message: '请求地址的编码不正确。' });
    }
  };
}
