import { PassThrough } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { progressStreamType, type OnProgress, type ProgressStreamLine } from '../shared/schemas/progress-stream';
import { errorAnswer } from './error-handler';

/** Whether the client asked for a progress stream (进度流): `Accept` names application/x-ndjson. */
export function wantsProgressStream(request: FastifyRequest): boolean {
  const accept = request.headers.accept;
  return typeof accept === 'string'
    && accept.split(',').some((part) => part.split(';')[0]!.trim().toLowerCase() === progressStreamType);
}

/**
 * Answers a long request, with its progress when the client asks for it
 * (src/shared/schemas/progress-stream.ts). `run` is the use case, given the report callback
 * only when a stream was asked for; without one the answer is exactly the plain one.
 *
 * The stream starts with the first report, that is once the use case has passed every check
 * and begun the work: a refusal before then (not found, forbidden, a state or version
 * conflict) is thrown before any report and answered by the central error handler as plain
 * JSON with its own status, as without the header. From the first report on the status is
 * 200 and the outcome comes as the last line, with the status and body (serialised through
 * the route's response schema, like the plain answer) or the error the plain request would
 * have been answered with. The progress travels only on this response, so nothing is stored
 * for it and any app instance can serve it; a client that goes away does not stop the work,
 * which commits or rolls back whole as it would have.
 */
export async function answerWithProgress<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  answer: { status: number; schema: z.ZodType },
  run: (onProgress: OnProgress | undefined) => Promise<T>,
): Promise<FastifyReply> {
  if (!wantsProgressStream(request)) return reply.code(answer.status).send(await run(undefined));
  let stream = null as PassThrough | null;
  const write = (line: ProgressStreamLine) => {
    if (stream && !stream.destroyed && !stream.writableEnded) stream.write(`${JSON.stringify(line)}\n`);
  };
  const onProgress: OnProgress = (report) => {
    if (!stream) {
      stream = new PassThrough();
      // No buffering by a reverse proxy (nginx honours X-Accel-Buffering), no caching.
      void reply.code(200).type(`${progressStreamType}; charset=utf-8`)
        .header('cache-control', 'no-store').header('x-accel-buffering', 'no').send(stream);
    }
    write({ type: 'progress', ...report });
  };
  let last: ProgressStreamLine;
  try {
    const body = await run(onProgress);
    if (!stream) return reply.code(answer.status).send(body);
    last = { type: 'result', status: answer.status, body: z.encode(answer.schema, body) };
  } catch (error) {
    if (!stream) throw error;
    const { status, body } = errorAnswer(error, request);
    last = { type: 'error', status, body };
  }
  write(last);
  if (!stream.destroyed) stream.end();
  return reply;
}
