import { beforeAll, describe, expect, it } from 'vitest';
import { SessionCache } from '../../src/server/modules/auth/session-cache';
import type { CachedSession } from '../../src/server/modules/auth/session-cache';
import { createUser } from '../support/factories';
import type { District } from '../support/factories';
import { districtWithPeople, login, useTestApp } from '../support/test-app';
import type { Client } from '../support/test-app';

const session = (accountId: string): CachedSession => ({
  actor: { accountId, role: 'leader', organisationPath: '/p/', unitId: null, assignedUnitIds: [] },
  csrfToken: 't', lastSeenAt: new Date(0).toISOString(), mustChangePassword: false,
});

describe('SessionCache', () => {
  it('keeps a session for its time and not after', async () => {
    const cache = new SessionCache(30);
    cache.set('a', session('x'), cache.generation);
    expect(cache.get('a')?.actor.accountId).toBe('x');
    await new Promise((r) => setTimeout(r, 40));
    expect(cache.get('a')).toBeUndefined();
  });

  it('does not keep a lookup that a write overlapped, nor anything once told to forget', () => {
    const cache = new SessionCache(60_000);
    const before = cache.generation;
    cache.forgetAll(); // a write started while the lookup ran
    cache.set('a', session('x'), before);
    expect(cache.get('a')).toBeUndefined();
    cache.set('b', session('y'), cache.generation);
    cache.forgetAll();
    expect(cache.get('b')).toBeUndefined();
  });

  it('keeps nothing when its time is 0', () => {
    const cache = new SessionCache(0);
    cache.set('a', session('x'), cache.generation);
    expect(cache.get('a')).toBeUndefined();
  });
});

describe('sessions kept for reads', () => {
  const t = useTestApp({ sessionCacheMs: 60_000 });
  let d: District;
  let admin: Client;

  beforeAll(async () => {
    ({ d, clients: { admin } } = await districtWithPeople(t, ['admin']));
  });

  const read = (c: Client) => c.inject({ method: 'GET', url: '/api/units' }).then((r) => r.statusCode);
  async function signedInLeader() {
    const user = await createUser(t.database.db, 'leader', { organisationId: d.districtId });
    return { user, client: await login(t.app, user.username) };
  }

  it('a read is answered from the kept session; the next write on this instance makes reads look again', async () => {
    const { user, client } = await signedInLeader();
    expect(await read(client)).toBe(200);
    // Disabled behind the instance's back, as another instance would: reads still use the kept session …
    await t.database.db.updateTable('account').set({ disabled: 1 }).where('id', '=', user.id).execute();
    expect(await read(client)).toBe(200);
    // … until a write is answered here (any write, even a refused one).
    expect((await admin.inject({ method: 'PATCH', url: '/api/units/no-such-unit', payload: {} })).statusCode).toBeGreaterThanOrEqual(400);
    expect(await read(client)).toBe(401);
  });

  it('a logout ends the session at once for reads with the same cookie', async () => {
    const { client } = await signedInLeader();
    expect(await read(client)).toBe(200);
    expect((await client.inject({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(200);
    expect(await read(client)).toBe(401);
  });

  it('disabling an account through the API ends its session at once', async () => {
    const { user, client } = await signedInLeader();
    expect(await read(client)).toBe(200);
    expect((await admin.inject({ method: 'POST', url: `/api/accounts/${user.id}/disable`, payload: { version: 1 } })).statusCode).toBe(200);
    expect(await read(client)).toBe(401);
  });

  it('a write never uses a kept session', async () => {
    const { user, client } = await signedInLeader();
    expect(await read(client)).toBe(200);
    await t.database.db.updateTable('account').set({ disabled: 1 }).where('id', '=', user.id).execute();
    expect((await client.inject({ method: 'POST', url: '/api/auth/password', payload: {} })).statusCode).toBe(401);
  });
});
