import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { multipart, samples } from '../support/multipart';
import { districtWithPeople, useTestApp } from '../support/test-app';

/**
 * The promises every endpoint makes (conventions.md, habits 3, 12 and 14), checked over the routes
 * the app itself lists rather than one endpoint at a time, so a route added without them fails
 * here: 401 without a session, request and response schemas, bad input refused with a Chinese
 * 4xx in the one error shape (never a 5xx), and nothing changed by a refused request.
 */

// ─── What the sweep knows on purpose ───────────────────────────────────────────────────────────

/** Routes answered without a session, and why each may be. Everything else must say 401. */
const publicRoutes: Record<string, string> = {
  // A load balancer probes it; it tells the version and the engine, nothing of the data.
  'GET /api/health': '健康检查',
  // Where a session comes from.
  'POST /api/auth/login': '登录',
};

/**
 * Routes in Fastify's table that the OpenAPI document does not list (`hide`), each public on
 * purpose. Fastify adds a HEAD route for every GET (exposeHeadRoutes), with the GET's hooks.
 */
const hiddenRoutes: { pattern: RegExp; why: string }[] = [
  // @fastify/swagger-ui: the OpenAPI document itself and the pages that show it; they describe
  // the API, never its data.
  { pattern: /^GET \/api\/docs(\/.*)?$/, why: 'OpenAPI 文档与 Swagger UI' },
  // The web app, only when dist/web is built (app.ts): @fastify/static's route for each of its
  // files (`/`, `/index.html`, `/assets/…js`), and the single-page app's catch-all giving
  // index.html for a page path — an /api/ path or one with an extension falls through to the
  // 404 handler, as checked below.
  { pattern: /^GET \/(?!api\/)(?:[\w./-]*\.\w+)?$/, why: '网页应用的静态文件' },
  { pattern: /^GET \/\*$/, why: '单页应用的页面地址' },
];

/** Routes that stream a file: the 2xx response is the file's bytes, declared without a JSON schema. */
const fileDownloads = new Set([
  'GET /api/files/{id}',
  'GET /api/hazards.xlsx',
  'GET /api/campaigns/{id}/notice.docx',
  'GET /api/campaigns/{id}/results.xlsx',
  'GET /api/campaigns/{id}/item-scores.xlsx',
  'GET /api/campaigns/{id}/indicator-reports.xlsx',
  'GET /api/campaigns/{id}/accidents.xlsx',
  'GET /api/campaigns/{id}/score-sheets.docx',
  'GET /api/campaigns/{id}/criteria.xlsx',
  'GET /api/campaigns/{id}/agreements/{unitId}/docx',
  'GET /api/import-templates/units.xlsx',
  'GET /api/import-templates/criteria.xlsx',
  'GET /api/import-templates/item-scores.xlsx',
]);

/** Writes whose body is a multipart/form-data upload (one part `file`), so no JSON body schema. */
const multipartUploads = new Set([
  'POST /api/units/{unitId}/files',
  'POST /api/enterprises/import',
  'POST /api/campaigns/{id}/imports/item-scores',
  'POST /api/campaigns/{id}/imports/criteria',
  'POST /api/organisations/{id}/imports/units',
]);

/** Writes that take no input at all: the session is all they act on. */
const noInput = new Set([
  // Ends the caller's own session.
  'POST /api/auth/logout',
]);

/** The statuses a refusal of bad input may have (app-error.ts statusByCode, error-handler.ts). */
const refusalStatuses = new Set([400, 403, 404, 409, 413, 415, 422]);

// ─── The routes, from the app ──────────────────────────────────────────────────────────────────

interface JsonSchema {
  type?: string | string[];
  nullable?: boolean;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  minItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}

interface Parameter { in: 'path' | 'query' | 'header'; name: string; required?: boolean; schema?: JsonSchema }
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>;
}
interface Route {
  /** 'POST /api/campaigns/{id}/copy', as the OpenAPI document names it. */
  key: string;
  method: string;
  path: string;
  op: Operation;
  pathParams: Parameter[];
  queryParams: Parameter[];
  body: JsonSchema | undefined;
}

async function documentedRoutes(app: FastifyInstance): Promise<Route[]> {
  const res = await app.inject({ method: 'GET', url: '/api/docs/json' });
  expect(res.statusCode).toBe(200);
  const paths = res.json<{ paths: Record<string, Record<string, Operation>> }>().paths;
  return Object.entries(paths).flatMap(([path, ops]) => Object.entries(ops).map(([m, op]) => {
    const method = m.toUpperCase();
    const params = op.parameters ?? [];
    return {
      key: `${method} ${path}`, method, path, op,
      pathParams: params.filter((p) => p.in === 'path'),
      queryParams: params.filter((p) => p.in === 'query'),
      body: op.requestBody?.content?.['application/json']?.schema,
    };
  }));
}

/**
 * Fastify's own route table, from `printRoutes` (Fastify keeps no public list): one line per
 * node of the radix tree, `├── segment (GET, HEAD)`, a child's segment appended to its parent's.
 * Parameters come out as `:name`, or `:id|:unitId` where two routes name the same position
 * differently; both are compared as `:`.
 */
function routeTable(app: FastifyInstance): string[] {
  const stack: string[] = [];
  const out: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^((?:│ {3}| {4})*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/u.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    stack.push(m[2]!);
    for (const method of (m[3] ?? '').split(', ').filter(Boolean)) out.push(`${method} ${stack.join('')}`);
  }
  return out;
}

const normalise = (key: string) => key.replace(/\{[^}]+\}/g, ':').replace(/:[\w|:]+/g, ':');

// ─── Input ─────────────────────────────────────────────────────────────────────────────────────

const types = (s: JsonSchema): Set<string> => {
  const out = new Set<string>();
  if (s.type) for (const t of [s.type].flat()) out.add(t === 'integer' ? 'number' : t);
  for (const alt of [...(s.anyOf ?? []), ...(s.oneOf ?? [])]) for (const t of types(alt)) out.add(t);
  for (const v of s.enum ?? []) out.add(v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
  if (s.nullable) out.add('null');
  return out;
};

/** Strings a pattern of the schemas is likely to accept (dates, months, criterion codes, phones …). */
const patternCandidates = ['2026-01-15', '2026-01', '2026', '1.1', '1', 'A', 'x', '13800000000', '2026-01-15T08:00:00.000Z', '08:00', '91370300MA3C4XK21L'];

/** A value the schema accepts, as far as its JSON Schema tells (refinements it cannot say are not known). */
function sample(s: JsonSchema): unknown {
  if (s.const !== undefined) return s.const;
  if (s.default !== undefined) return s.default;
  if (s.enum?.length) return s.enum[0];
  const alt = [...(s.anyOf ?? []), ...(s.oneOf ?? [])].find((a) => !types(a).has('null') || types(a).size > 1);
  if (alt) return sample(alt);
  if (s.allOf?.length) return Object.assign({}, ...s.allOf.map((a) => sample(a) as object));
  const type = [s.type].flat().find((t) => t !== 'null');
  if (type === 'object' || s.properties) {
    return Object.fromEntries((s.required ?? []).filter((k) => s.properties?.[k]).map((k) => [k, sample(s.properties![k]!)]));
  }
  if (type === 'array') return Array.from({ length: s.minItems ?? 0 }, () => sample(s.items ?? {}));
  if (type === 'integer' || type === 'number') {
    const min = typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum + 1 : s.minimum ?? 1;
    return Math.min(Math.max(min, 1), s.maximum ?? Number.MAX_SAFE_INTEGER);
  }
  if (type === 'boolean') return false;
  if (type === 'string') {
    if (s.format === 'uuid') return randomUUID();
    if (s.format === 'date') return '2026-01-15';
    if (s.format === 'date-time') return '2026-01-15T08:00:00.000Z';
    if (s.format === 'email') return 'sweep@example.com';
    const fits = (v: string) => v.length >= (s.minLength ?? 0) && v.length <= (s.maxLength ?? Infinity) && new RegExp(s.pattern!, 'u').test(v);
    return (s.pattern && patternCandidates.find(fits)) || 'x'.repeat(Math.max(s.minLength ?? 1, 1));
  }
  return 'x';
}

/** A JSON value of a type the schema does not take, or undefined when it takes anything. */
function wrongValue(s: JsonSchema): unknown {
  const allowed = types(s);
  if (allowed.size === 0) return undefined;
  if (s.enum?.every((v) => typeof v === 'string')) return 'no-such-value';
  return [12345, 'abc', true, ['x'], { bogus: 1 }].find((v) => !allowed.has(Array.isArray(v) ? 'array' : typeof v));
}

/** Path values that are malformed, out of range or name nothing, for one parameter. */
function badPathValues(p: Parameter): string[] {
  const s = p.schema ?? {};
  const values = ['x', '../etc', 'a'.repeat(300), '\u0000', '测试', randomUUID()];
  if (types(s).has('number')) values.push('0', '-1', '1.5', '9007199254740991', '99999999999999999999');
  // The last is no valid percent-encoding at all.
  return [...values.map(encodeURIComponent), '%E0%A4%A'];
}

/** Query values of the wrong type or outside the parameter's range (the valid ones are not bad input). */
function badQueryValues(p: Parameter): string[] {
  const s = p.schema ?? {};
  const out: string[] = [];
  if (types(s).has('number') && !s.enum) {
    out.push('abc', '1.5', '99999999999999999999', '');
    if ((s.minimum ?? -Infinity) >= 0) out.push('-1');
    if (s.maximum !== undefined && s.maximum < Number.MAX_SAFE_INTEGER) out.push(String(s.maximum + 1));
  }
  if (s.enum) out.push('no-such-value');
  if (types(s).has('boolean')) out.push('maybe');
  if (s.pattern || s.format) out.push('not-valid-%00');
  if (s.maxLength !== undefined) out.push('x'.repeat(s.maxLength + 1));
  if (types(s).has('string') && !s.enum) out.push('a%00b');
  return out;
}

/** A well-formed value naming nothing: the first choice of an enumeration, 1 for a number, else a fresh UUID. */
function plausiblePathValue(p: Parameter): string {
  const s = p.schema ?? {};
  if (s.enum?.length) return String(s.enum[0]);
  return types(s).has('number') ? '1' : randomUUID();
}

function urlOf(route: Route, values: Record<string, string> = {}): string {
  return route.path.replace(/\{([^}]+)\}/g, (_all, name: string) =>
    values[name] ?? encodeURIComponent(plausiblePathValue(route.pathParams.find((p) => p.name === name) ?? { in: 'path', name })));
}

interface Attempt {
  what: string;
  options: InjectOptions;
  /** The body field this attempt gets wrong, when the rest of the body is known to be valid. */
  field?: string;
}

const json = (payload: unknown) => ({ payload: JSON.stringify(payload), headers: { 'content-type': 'application/json' } });

/** Every bad request the sweep sends to one route. */
function attempts(route: Route, bodyIsValid: boolean): Attempt[] {
  const out: Attempt[] = [];
  const { method } = route;
  const base = route.body ? sample(route.body) : undefined;
  const withBody = route.body ? json(base) : {};

  for (const p of route.pathParams) {
    for (const v of badPathValues(p)) out.push({ what: `path ${p.name}=${v.slice(0, 20)}`, options: { method, url: urlOf(route, { [p.name]: v }), ...withBody } as InjectOptions });
  }
  for (const p of route.queryParams) {
    for (const v of badQueryValues(p)) out.push({ what: `query ${p.name}=${v.slice(0, 20)}`, options: { method, url: `${urlOf(route)}?${p.name}=${v}`, ...withBody } as InjectOptions });
    out.push({ what: `query ${p.name} twice`, options: { method, url: `${urlOf(route)}?${p.name}=${encodeURIComponent(String(sample(p.schema ?? {})))}&${p.name}=${encodeURIComponent(String(sample(p.schema ?? {})))}`, ...withBody } as InjectOptions });
  }

  const url = urlOf(route);
  if (route.body) {
    const b = route.body;
    const fields = Object.entries(b.properties ?? {});
    const bodies: [string, unknown, string?][] = [['[]', []], ['null', null], ['"text"', 'text'], ['42', 42]];
    if ((b.required ?? []).length > 0) bodies.unshift(['{}', {}]);
    for (const [name, s] of fields) {
      const wrong = wrongValue(s);
      if (wrong !== undefined) bodies.push([`${name} of the wrong type`, { ...(base as object), [name]: wrong }, name]);
      if (s.items && wrongValue(s.items) !== undefined) bodies.push([`${name} with a wrong item`, { ...(base as object), [name]: [wrongValue(s.items)] }, name]);
      if (s.maxLength !== undefined && s.maxLength < 100_000) bodies.push([`${name} too long`, { ...(base as object), [name]: 'x'.repeat(s.maxLength + 1) }, name]);
      if (types(s).has('string') && !s.enum) bodies.push([`${name} with U+0000`, { ...(base as object), [name]: 'a\u0000b' }, name]);
    }
    if (b.additionalProperties === false) bodies.push(['a field it does not take', { ...(base as object), nosuch: 1 }, 'nosuch']);
    if (fields.length > 0) bodies.push(['every field of the wrong type', Object.fromEntries(fields.map(([name, s]) => [name, wrongValue(s) ?? 12345]))]);
    for (const [what, payload, field] of bodies) {
      out.push({ what: `body ${what}`, options: { method, url, ...json(payload) } as InjectOptions, ...(field && bodyIsValid ? { field } : {}) });
    }
    const upload = multipart('a.txt', Buffer.from('x'));
    out.push({ what: 'a multipart body', options: { method, url, payload: upload.payload, headers: upload.headers } });
  }
  if (multipartUploads.has(route.key)) {
    const other = multipart('a.xlsx', samples.zip, { field: 'other' });
    const junk = multipart('评分表.xlsx', samples.exe);
    const empty = multipart('评分表.xlsx', Buffer.alloc(0));
    out.push(
      { what: 'a JSON body instead of an upload', options: { method, url, ...json({}) } as InjectOptions },
      { what: 'an upload without the file part', options: { method, url, payload: other.payload, headers: other.headers } },
      { what: 'an upload that is no workbook', options: { method, url, payload: junk.payload, headers: junk.headers } },
      { what: 'an empty upload', options: { method, url, payload: empty.payload, headers: empty.headers } },
    );
  }
  if (method !== 'GET' && method !== 'DELETE') {
    // The body parser refuses these before any handler (and before authentication).
    out.push(
      { what: 'a body that is not JSON', options: { method, url, payload: '{"version": 1,', headers: { 'content-type': 'application/json' } } },
      { what: 'an XML body', options: { method, url, payload: '<version>1</version>', headers: { 'content-type': 'application/xml' } } },
      { what: 'a body over the size limit', options: { method, url, payload: `{"x":"${'x'.repeat(1024 * 1024)}"}`, headers: { 'content-type': 'application/json' } } },
    );
  }
  return out;
}

// ─── What a refusal must look like ─────────────────────────────────────────────────────────────

/**
 * Where a refusal points at a field it names it by its path in the request:
 * `请求体字段“tasks.0.unitId”：…` (error-handler.ts; use cases write the same), which the web app
 * replaces by the form's Chinese labels (src/web/field-errors.ts). That pointer is the one place a
 * request code may appear. Outside it a message is words: no camelCase or snake_case identifier
 * (`unitId`, `organisation_id`, an option such as `especiallyMajor`), no list of option codes
 * (`"asc"|"desc"`), and none of the type names zod's own messages use (`期望 string`).
 */
const fieldPointer = /(?:请求体|查询参数|路径参数|请求头)字段(?:“[\w.]*”)+/gu;
const codeInWords = [
  /\b[a-z]+(?:[A-Z][a-z0-9]*)+\b/u,
  /\b[a-z]+(?:_[a-z0-9]+)+\b/u,
  /"[^"]*"\|"/u,
  /\b(?:string|number|int|boolean|object|array|record|undefined|null|NaN|bigint|instanceof|key|value)\b/u,
];

function refusalProblem(res: LightMyRequestResponse, field?: string): string | undefined {
  if (!refusalStatuses.has(res.statusCode)) return `status ${res.statusCode}: ${res.body.slice(0, 300)}`;
  let body: unknown;
  try { body = res.json(); } catch { return `not JSON: ${res.body.slice(0, 100)}`; }
  const { code, message, ...rest } = body as { code?: unknown; message?: unknown };
  // A refused import lists every problem with its cell besides (importRefusedSchema).
  const extra = Object.keys(rest).filter((k) => !(res.statusCode === 422 && code === 'import_refused' && k === 'issues'));
  if (typeof code !== 'string' || typeof message !== 'string' || extra.length > 0) return `not { code, message }: ${res.body.slice(0, 200)}`;
  if (!/\p{Script=Han}/u.test(message)) return `message without Chinese: ${message}`;
  const words = message.replace(fieldPointer, '');
  for (const pattern of codeInWords) {
    const found = pattern.exec(words);
    if (found) return `message with the code “${found[0]}”: ${message}`;
  }
  if (field && (res.statusCode !== 400 || !new RegExp(`字段“${field.replaceAll('.', '\\.')}[.”]`, 'u').test(message))) return `does not name the field ${field}: ${res.statusCode} ${message}`;
  return undefined;
}

// ─── The sweep ─────────────────────────────────────────────────────────────────────────────────

describe('every route', () => {
  const t = useTestApp();
  let routes: Route[];

  beforeAll(async () => {
    routes = await documentedRoutes(t.app);
  });

  it('the OpenAPI document lists every route of the app but the hidden ones, each of which is known', () => {
    const documented = new Set(routes.map((r) => normalise(r.key)));
    const table = routeTable(t.app);
    expect(table.length).toBeGreaterThan(routes.length);
    const gets = new Set(table.filter((k) => k.startsWith('GET ')).map((k) => k.slice(4)));
    const unknown = table.filter((key) => {
      if (key.startsWith('HEAD ')) return !gets.has(key.slice(5));
      return !documented.has(normalise(key)) && !hiddenRoutes.some((h) => h.pattern.test(key));
    });
    expect(unknown).toEqual([]);
    // And nothing documented is missing from the table (the sweep would not reach it otherwise).
    const inTable = new Set(table.map(normalise));
    expect(routes.map((r) => r.key).filter((k) => !inTable.has(normalise(k)))).toEqual([]);
    for (const key of [...Object.keys(publicRoutes), ...fileDownloads, ...multipartUploads, ...noInput]) expect(documented, key).toContain(normalise(key));
  });

  it('an unknown /api/ address is a 404 in the one shape, with or without the web app built', async () => {
    for (const url of ['/api/no-such-route', '/api/campaigns/x/no-such', '/api/units.xlsx']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json()).toEqual({ code: 'not_found', message: '请求的地址不存在。' });
    }
    // With dist/web built, a page address is the app's index.html, public like the login page.
    if (routeTable(t.app).includes('GET /*')) {
      const page = await t.app.inject({ method: 'GET', url: '/campaigns' });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toContain('text/html');
    }
  });

  it('answers 401 without a session, and with a session that does not exist, except the public routes', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      const options = { method: route.method, url: urlOf(route), ...(route.method === 'GET' || route.method === 'DELETE' ? {} : json({ nonsense: true })) } as InjectOptions;
      const anonymous = await t.app.inject(options);
      if (Object.hasOwn(publicRoutes, route.key)) {
        if (anonymous.statusCode === 401) failures.push(`${route.key} is listed as public but answers 401`);
        continue;
      }
      if (anonymous.statusCode !== 401 || anonymous.body !== JSON.stringify({ code: 'unauthenticated', message: '请先登录。' })) {
        failures.push(`${route.key} without a session: ${anonymous.statusCode} ${anonymous.body.slice(0, 200)}`);
      }
      if (route.method === 'GET') {
        const head = await t.app.inject({ ...options, method: 'HEAD' });
        if (head.statusCode !== 401) failures.push(`HEAD ${route.path} without a session: ${head.statusCode}`);
      }
      const forged = await t.app.inject({ ...options, headers: { ...options.headers, cookie: 'anke_session=forged-session-token', 'x-csrf-token': 'forged' } });
      if (forged.statusCode !== 401 || forged.body !== JSON.stringify({ code: 'unauthenticated', message: '登录已失效，请重新登录。' })) {
        failures.push(`${route.key} with a forged session: ${forged.statusCode} ${forged.body.slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('declares a response schema for its success and a request schema for what it takes', () => {
    const failures: string[] = [];
    for (const route of routes) {
      const success = Object.entries(route.op.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
      if (success.length === 0) failures.push(`${route.key}: no 2xx response declared`);
      for (const [status, response] of success) {
        const schema = response.content?.['application/json']?.schema;
        if (fileDownloads.has(route.key)) {
          if (!response.content || Object.keys(response.content).length === 0 || schema) failures.push(`${route.key} ${status}: a file download declares its media types, not JSON`);
        } else if (!schema || Object.keys(schema).filter((k) => k !== 'description').length === 0) {
          failures.push(`${route.key} ${status}: no JSON response schema`);
        }
      }
      const named = [...route.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
      for (const name of named) {
        const p = route.pathParams.find((x) => x.name === name);
        const s = p?.schema ?? {};
        if (!p) failures.push(`${route.key}: path parameter ${name} has no schema`);
        else if (s.maxLength === undefined && !s.enum && !s.format && !types(s).has('number')) failures.push(`${route.key}: path parameter ${name} is not bounded`);
      }
      if (route.method === 'POST' || route.method === 'PUT' || route.method === 'PATCH') {
        const excused = multipartUploads.has(route.key) || noInput.has(route.key);
        if (!route.body && !excused) failures.push(`${route.key}: no JSON body schema`);
        if (route.body && excused) failures.push(`${route.key}: has a body schema but is excused from one`);
      }
      // A paged list validates its paging.
      const ok = route.op.responses?.['200']?.content?.['application/json']?.schema;
      if (ok?.properties?.items && ok.properties.total && ok.properties.page) {
        for (const name of ['page', 'pageSize']) {
          const p = route.queryParams.find((x) => x.name === name);
          if (!p || p.schema?.minimum === undefined) failures.push(`${route.key}: paged list without a bounded ${name}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('refuses bad input to every route with a Chinese 4xx in the one shape, and changes nothing', async () => {
    const { clients } = await districtWithPeople(t, ['admin', 'systemAdmin']);
    const before = await snapshot();
    const failures: string[] = [];
    let sent = 0;
    let namedFields = 0;
    for (const [who, client] of Object.entries(clients)) {
      for (const route of routes) {
        // Is the sample body valid as far as validation goes? Sent with ids that name nothing, it
        // must then be refused by the handler, not by validation; a field made wrong in it is
        // then the one the refusal names.
        let bodyIsValid = false;
        if (route.body && route.pathParams.length > 0) {
          const probe = await client.inject({ method: route.method as 'POST', url: urlOf(route), ...json(sample(route.body)) });
          sent++;
          const problem = refusalProblem(probe);
          if (problem) failures.push(`${who} ${route.key} with a valid body and ids naming nothing: ${problem}`);
          bodyIsValid = probe.statusCode !== 400;
        }
        for (const attempt of attempts(route, bodyIsValid)) {
          const res = await client.inject(attempt.options);
          sent++;
          const problem = refusalProblem(res, attempt.field);
          if (attempt.field) namedFields++;
          if (problem) failures.push(`${who} ${route.key} ${attempt.what}: ${problem}`);
        }
        if (route.method !== 'GET' && !Object.hasOwn(publicRoutes, route.key)) {
          // A write without the anti-forgery token is refused before anything else.
          const body = route.body ? json(sample(route.body)) : { headers: {} };
          const res = await t.app.inject({ method: route.method as 'POST', url: urlOf(route), ...body, headers: { ...body.headers, cookie: client.cookie } });
          sent++;
          if (res.statusCode !== 403 || res.json<{ code: string }>().code !== 'csrf_rejected') failures.push(`${who} ${route.key} without the CSRF token: ${res.statusCode} ${res.body.slice(0, 200)}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(routes.length * 10);
    // The field check ran: on every route whose sample body passes validation, field by field.
    expect(namedFields).toBeGreaterThan(routes.length);
    const after = await snapshot();
    // Not even an audit record: the logins were before the first count.
    expect(after.audit).toEqual(before.audit);
    expect(after.rows).toEqual(before.rows);
    expect(after.files).toEqual(before.files);
  }, 180_000);

  /** Row counts of every table, the audit chain's head, and the stored files. */
  async function snapshot() {
    const db = t.database.db;
    const tables = (await db.introspection.getTables()).map((x) => x.name).sort();
    const rows: Record<string, number> = {};
    for (const name of tables) {
      const { rows: [row] } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(name)}`.execute(db);
      rows[name] = Number(row!.n);
    }
    const audit = await db.selectFrom('audit_head').select(['seq', 'hash']).executeTakeFirstOrThrow();
    return { rows, audit, files: countFiles(join(t.config.dataDir, 'files')) };
  }
});

function countFiles(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? countFiles(join(dir, e.name)) : 1), 0);
}
