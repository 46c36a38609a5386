import { gunzipSync } from 'node:zlib';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { acceptsGzip, minimumBytes } from '../../src/server/compression';
import { writeWorkbook } from '../../src/server/documents/xlsx-adapter';
import { importTree } from '../../src/server/modules/organisations/import-tree';
import { advance, createTestCampaign } from '../support/campaign-factories';
import type { District } from '../support/factories';
import { multipart } from '../support/multipart';
import { districtWithPeople, useTestApp } from '../support/test-app';
import type { Client } from '../support/test-app';

const browser = 'gzip, deflate, br';

/** The body as the client reads it: gunzipped when the answer says it is gzip. */
const decoded = (res: LightMyRequestResponse): Buffer =>
  res.headers['content-encoding'] === 'gzip' ? gunzipSync(res.rawPayload) : res.rawPayload;

const varies = (res: LightMyRequestResponse) =>
  String(res.headers.vary ?? '').split(',').map((v) => v.trim().toLowerCase()).includes('accept-encoding');

describe('Accept-Encoding', () => {
  it.each([
    ['gzip', true],
    ['gzip, deflate, br', true],
    ['br;q=1.0, gzip;q=0.8, *;q=0.1', true],
    ['GZIP', true],
    ['x-gzip', true],
    ['*', true],
    ['deflate, *;q=0.5', true],
    ['gzip;q=0', false],
    ['gzip; q=0.000, deflate', false],
    ['*;q=0.5, gzip;q=0', false],
    ['gzip;q=0, *', false],
    ['deflate, br', false],
    ['identity', false],
    ['*;q=0', false],
    ['', false],
    [undefined, false],
  ] as const)('%j accepts gzip: %s', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});

describe('compressed answers', { timeout: 60_000 }, () => {
  const t = useTestApp();
  let d: District;
  let admin: Client;
  let liaison: Client;
  let campaignId: string;

  beforeAll(async () => {
    ({ d, clients: { admin, liaison } } = await districtWithPeople(t, ['admin', 'liaison']));
    // Eighty more departments, so the results table is tens of kilobytes like a real one.
    const more = Array.from({ length: 80 }, (_, i) => ({
      id: `${d.units.dept}-${i + 1}`, name: `区第${i + 1}局`, category: 'department' as const, sectors: ['建筑施工'], areaOrganisationId: null,
    }));
    await t.database.db.transaction().execute((trx) => importTree(trx, { organisations: [], ownerId: d.districtId, units: more }, null, t.now()));
    campaignId = (await createTestCampaign(admin, d, {
      units: [{ unitId: d.units.town }, { unitId: d.units.dept }, ...more.map((u) => ({ unitId: u.id }))],
    })).id;
    await advance(admin, campaignId, ['openSigning', 'startYear', 'openSelfAssessment', 'startAssessment']);
  });

  const scheme = (headers: Record<string, string> = {}, method: 'GET' | 'HEAD' = 'GET') =>
    admin.inject({ method, url: `/api/campaigns/${campaignId}/scheme`, headers });

  it('gzips a large JSON answer for a client that accepts it, and it gunzips to exactly the plain answer', async () => {
    const plain = await scheme();
    const gz = await scheme({ 'accept-encoding': browser });
    expect(plain.statusCode).toBe(200);
    expect(plain.rawPayload.length).toBeGreaterThan(2 * minimumBytes);
    expect(plain.headers['content-encoding']).toBeUndefined();

    expect(gz.statusCode).toBe(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(Number(gz.headers['content-length'])).toBe(gz.rawPayload.length);
    expect(gz.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    expect(gunzipSync(gz.rawPayload).equals(plain.rawPayload)).toBe(true);
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString('utf8'))).toEqual(plain.json());
    // Both vary on Accept-Encoding, so a cache never hands one to the other client; the
    // security headers set before are still there.
    expect(varies(gz)).toBe(true);
    expect(varies(plain)).toBe(true);
    expect(gz.headers['x-content-type-options']).toBe('nosniff');
  });

  it('gzips the results table, which gunzips to the same table', async () => {
    const url = `/api/campaigns/${campaignId}/results`;
    const plain = await admin.inject({ method: 'GET', url });
    const gz = await admin.inject({ method: 'GET', url, headers: { 'accept-encoding': browser } });
    expect(plain.statusCode, plain.body).toBe(200);
    expect(plain.json<{ rows: unknown[] }>().rows).toHaveLength(82);
    expect(plain.rawPayload.length).toBeGreaterThan(10 * minimumBytes);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4);
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString('utf8'))).toEqual(plain.json());
  });

  it('answers plain without Accept-Encoding, with gzip;q=0, or with only other codings', async () => {
    const plain = await scheme();
    for (const accept of [undefined, 'gzip;q=0', 'gzip;q=0, deflate, br', 'identity', 'br']) {
      const res = await scheme(accept === undefined ? {} : { 'accept-encoding': accept });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding'], accept).toBeUndefined();
      expect(res.rawPayload.equals(plain.rawPayload), accept).toBe(true);
      expect(Number(res.headers['content-length'])).toBe(plain.rawPayload.length);
    }
  });

  it('a HEAD answer has the headers of the GET and no body', async () => {
    const get = await scheme({ 'accept-encoding': 'gzip' });
    const head = await scheme({ 'accept-encoding': 'gzip' }, 'HEAD');
    expect(head.statusCode).toBe(200);
    expect(head.rawPayload.length).toBe(0);
    expect(head.headers['content-encoding']).toBe('gzip');
    expect(head.headers['content-length']).toBe(get.headers['content-length']);
    expect(varies(head)).toBe(true);
  });

  it('leaves a small answer alone', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health', headers: { 'accept-encoding': browser } });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.length).toBeLessThan(minimumBytes);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(varies(res)).toBe(false);
    expect(res.json()).toMatchObject({ status: 'ok' });
  });

  it('an error answer keeps its { code, message } shape, compressed or not', async () => {
    const missing = await admin.inject({ method: 'GET', url: '/api/campaigns/no-such-campaign/scheme', headers: { 'accept-encoding': browser } });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-encoding']).toBeUndefined();
    expect(missing.json()).toEqual({ code: 'not_found', message: expect.any(String) });

    // A refused import names every bad row: a large error answer, and it is compressed.
    const rows = Array.from({ length: 40 }, (_, i) => ({ unit: `不在本次考核中的单位${i + 1}`, path: '1.2', earned: 5, note: null }));
    const workbook = await writeWorkbook([{
      name: '评分表',
      columns: [{ header: '单位名称', key: 'unit' }, { header: '细则编号', key: 'path' }, { header: '得分', key: 'earned' }, { header: '扣分说明', key: 'note' }],
      rows,
    }]);
    const body = multipart('评分表.xlsx', workbook);
    const refused = await admin.inject({
      method: 'POST', url: `/api/campaigns/${campaignId}/imports/item-scores?wait=1`, payload: body.payload,
      headers: { ...body.headers, 'accept-encoding': browser },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.headers['content-encoding']).toBe('gzip');
    const answer = JSON.parse(decoded(refused).toString('utf8')) as { code: string; message: string; issues: unknown[] };
    expect(answer).toMatchObject({ code: 'import_refused', message: expect.stringContaining('没有导入任何数据') });
    expect(answer.issues).toHaveLength(40);
  });

  it('sends a file download as stored: not re-encoded, the same bytes', async () => {
    // A PNG whose body gzip would shrink to almost nothing, well over the size limit.
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(20 * 1024, 0x41)]);
    const body = multipart('现场照片.png', png, { contentType: 'image/png' });
    const up = await liaison.inject({ method: 'POST', url: `/api/units/${d.units.town}/files`, payload: body.payload, headers: body.headers });
    expect(up.statusCode, up.body).toBe(201);
    const down = await liaison.inject({ method: 'GET', url: `/api/files/${up.json<{ id: string }>().id}`, headers: { 'accept-encoding': browser } });
    expect(down.statusCode).toBe(200);
    expect(down.headers['content-type']).toBe('image/png');
    expect(down.headers['content-encoding']).toBeUndefined();
    expect(Number(down.headers['content-length'])).toBe(png.length);
    expect(down.rawPayload.equals(png)).toBe(true);
  });

  it('sends a generated workbook (a ZIP container, compressed already) as built', async () => {
    const plain = await admin.inject({ method: 'GET', url: '/api/import-templates/item-scores.xlsx' });
    const res = await admin.inject({ method: 'GET', url: '/api/import-templates/item-scores.xlsx', headers: { 'accept-encoding': browser } });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.length).toBeGreaterThan(minimumBytes);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.rawPayload.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))).toBe(true);
    expect(res.rawPayload.length).toBe(plain.rawPayload.length);
  });
});
