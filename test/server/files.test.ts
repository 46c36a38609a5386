import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { FileStore } from '../../src/server/modules/files/file-store';
import { contentDisposition } from '../../src/server/modules/files/presenter';
import { createDistrict, createUser } from '../support/factories';
import type { District } from '../support/factories';
import { multipart, samples } from '../support/multipart';
import { loginAll, useTestApp } from '../support/test-app';
import type { Client } from '../support/test-app';

describe('files', () => {
  const t = useTestApp({ uploadMaxBytes: 64 * 1024 });
  let d: District;
  let liaison: Client;
  let assessor: Client;
  let leader: Client;
  let otherAdmin: Client;

  beforeAll(async () => {
    const db = t.database.db;
    d = await createDistrict(db, t.now());
    const users = [
      await createUser(db, 'unitLiaison', { organisationId: d.districtId, unitId: d.units.town }),
      await createUser(db, 'assessor', { organisationId: d.districtId, assignedUnitIds: [d.units.dept] }),
      await createUser(db, 'leader', { organisationId: d.districtId }),
      await createUser(db, 'committeeAdmin', { organisationId: d.otherDistrictId }),
    ] as const;
    [liaison, assessor, leader, otherAdmin] = await loginAll(t.app, users);
  });

  const upload = (client: Client, unitId: string, name: string, content: Buffer) => {
    const body = multipart(name, content, { contentType: 'image/png' });
    return client.inject({ method: 'POST', url: `/api/units/${unitId}/files`, payload: body.payload, headers: body.headers });
  };

  it('stores an upload by content, sniffs its type, and streams it back with the Chinese name', async () => {
    const res = await upload(liaison, d.units.town, '安全检查现场照片（一）.png', samples.png);
    expect(res.statusCode).toBe(201);
    const file = res.json();
    const sha256 = createHash('sha256').update(samples.png).digest('hex');
    expect(file).toMatchObject({ originalName: '安全检查现场照片（一）.png', mediaType: 'image/png', size: samples.png.length, sha256 });
    expect(existsSync(join(t.config.dataDir, 'files', sha256.slice(0, 2), sha256.slice(2, 4), sha256))).toBe(true);

    const down = await liaison.inject({ method: 'GET', url: `/api/files/${file.id}` });
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(samples.png)).toBe(true);
    expect(down.headers['content-type']).toBe('image/png');
    expect(down.headers['x-content-type-options']).toBe('nosniff');
    const disposition = String(down.headers['content-disposition']);
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent('安全检查现场照片').replace(/[()]/g, '')}`);
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(disposition)![1]!)).toBe('安全检查现场照片（一）.png');

    const audit = await t.database.db.selectFrom('audit_record').select('action').where('entity_id', '=', file.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['file.upload']);
  });

  it('judges the type by content, not by the declared type or name', async () => {
    const pdfNamedJpg = await upload(liaison, d.units.town, '责任书扫描件.jpg', samples.pdf);
    expect(pdfNamedJpg.statusCode).toBe(201);
    expect(pdfNamedJpg.json().mediaType).toBe('application/pdf');
    for (const [name, content] of [['照片.png', samples.exe], ['页面.pdf', samples.html], ['压缩包.zip', samples.zip]] as const) {
      const res = await upload(liaison, d.units.town, name, content);
      expect(res.statusCode, name).toBe(415);
      expect(res.json().code).toBe('unsupported_media_type');
    }
    const docx = await upload(liaison, d.units.town, '自评报告.docx', samples.zip);
    expect(docx.json().mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    // Refused uploads leave nothing behind in the store.
    expect(readdirSync(join(t.config.dataDir, 'files', 'tmp'))).toEqual([]);
  });

  it('413 over the size limit, nothing stored', async () => {
    const before = (await liaison.inject({ method: 'GET', url: `/api/units/${d.units.town}/files?pageSize=200` })).json().total;
    const big = Buffer.concat([samples.png, Buffer.alloc(70 * 1024)]);
    const res = await upload(liaison, d.units.town, '大图.png', big);
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('payload_too_large');
    expect((await liaison.inject({ method: 'GET', url: `/api/units/${d.units.town}/files?pageSize=200` })).json().total).toBe(before);
    expect(readdirSync(join(t.config.dataDir, 'files', 'tmp'))).toEqual([]);
  });

  it('400 without a file part; 401 without a session; 403 for a read-only leader', async () => {
    const noFile = multipart('x.png', samples.png, { field: 'other' });
    const res = await liaison.inject({ method: 'POST', url: `/api/units/${d.units.town}/files`, payload: noFile.payload, headers: noFile.headers });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('“file”');
    const anon = multipart('x.png', samples.png);
    expect((await t.app.inject({ method: 'POST', url: `/api/units/${d.units.town}/files`, payload: anon.payload, headers: anon.headers })).statusCode).toBe(401);
    expect((await upload(leader, d.units.town, 'x.png', samples.png)).statusCode).toBe(403);
  });

  it('another unit’s files are invisible', async () => {
    const mine = (await upload(liaison, d.units.town, '本单位.png', samples.jpeg)).json();
    expect((await upload(liaison, d.units.dept, '别人的.png', samples.png)).statusCode).toBe(404);
    expect((await assessor.inject({ method: 'GET', url: `/api/files/${mine.id}` })).statusCode).toBe(404);
    expect((await otherAdmin.inject({ method: 'GET', url: `/api/files/${mine.id}` })).statusCode).toBe(404);
    expect((await assessor.inject({ method: 'GET', url: `/api/units/${d.units.town}/files` })).statusCode).toBe(404);
    expect((await leader.inject({ method: 'GET', url: `/api/files/${mine.id}` })).statusCode).toBe(200);
    const list = (await leader.inject({ method: 'GET', url: `/api/units/${d.units.town}/files?pageSize=1` })).json();
    expect(list.items).toHaveLength(1);
    expect(list.total).toBeGreaterThan(1);
  });

  it('no request can reach a path outside the store', async () => {
    for (const url of ['/api/files/..%2F..%2Fetc%2Fpasswd', '/api/files/../../package.json', '/api/files/%2e%2e%2f%2e%2e%2fanke.db']) {
      const res = await liaison.inject({ method: 'GET', url });
      expect([400, 404], url).toContain(res.statusCode);
      expect(res.body).not.toContain('root:');
    }
    const named = await upload(liaison, d.units.town, '../../../etc/逃逸.png', samples.png);
    expect(named.statusCode).toBe(201);
    expect(named.json().originalName).toBe('逃逸.png');
    const store = new FileStore(t.config.dataDir);
    for (const bad of ['../../etc/passwd', `${'a'.repeat(63)}/`, 'A'.repeat(64), '']) {
      expect(() => store.pathFor(bad)).toThrow();
    }
  });

  it('encodes names per RFC 5987 with an ASCII fallback', () => {
    expect(contentDisposition('检查记录 (2014).pdf')).toBe(
      `attachment; filename="____ (2014).pdf"; filename*=UTF-8''%E6%A3%80%E6%9F%A5%E8%AE%B0%E5%BD%95%20%282014%29.pdf`,
    );
    expect(contentDisposition('a"b\\c.png')).toBe(`attachment; filename="a_b_c.png"; filename*=UTF-8''a%22b%5Cc.png`);
  });
});
