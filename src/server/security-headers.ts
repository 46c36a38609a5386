import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/**
 * The security headers: helmet's defaults with this app's content security policy. Offices
 * often serve the app over plain HTTP on an intranet address, so HSTS and
 * upgrade-insecure-requests only when deployed behind TLS (ANKE_SECURE_COOKIES=1).
 */
export function securityHeaders(tls: boolean): Record<string, string> {
  const headers: Record<string, string> = {};
  const capture = {
    setHeader(name: string, value: string | number | readonly string[]) { headers[name.toLowerCase()] = String(value); },
    removeHeader(name: string) { delete headers[name.toLowerCase()]; },
  };
  const middleware = helmet({
    strictTransportSecurity: tls,
    contentSecurityPolicy: {
      directives: {
        // blob: the browser's own preview of a photo being uploaded (一隐患一卡 整改前/后照片).
        'img-src': ["'self'", 'data:', 'blob:'],
        'style-src': ["'self'", "'unsafe-inline'"],
        'upgrade-insecure-requests': tls ? [] : null,
      },
    },
  });
  let failure: unknown = null;
  middleware({} as never, capture as never, (error?: unknown) => { if (error) failure = error; });
  if (failure) throw failure;
  return headers;
}

/**
 * Sets the headers on every reply. They are worked out once at start: they never change
 * while the server runs (no per-request nonces), whereas @fastify/helmet rebuilt helmet's
 * middleware — parsing the policy again — on every request (docs/benchmarks.md, API).
 */
export function registerSecurityHeaders(app: FastifyInstance, tls: boolean): void {
  const headers = securityHeaders(tls);
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}
