import { beforeAll, describe, expect, it } from 'vitest';
import { importTree } from '../../src/server/modules/organisations/import-tree';
import { listUnits } from '../../src/server/modules/units/repository';
import type { UnitListQuery } from '../../src/server/modules/units/repository';
import { uniq } from '../support/factories';
import { useTestApp } from '../support/test-app';

// The units list finds each page among the ids before reading rows (repository.ts listUnits):
// every page of every sort, put together, must be the whole list in order, ties broken by id.
describe('units list paging', () => {
  const t = useTestApp();
  const s = uniq();
  const district = `pd-${s}`;
  const town = `pt-${s}`;
  interface Expected { id: string; name: string; category: string; sortOrder: number }
  const units: Expected[] = [];

  beforeAll(async () => {
    const db = t.database.db;
    const made = (prefix: string, n: number, first: number) => Array.from({ length: n }, (_, i) => ({
      id: `${prefix}-${String(i).padStart(2, '0')}-${s}`,
      name: `单位${String(40 - first - i).padStart(2, '0')}`,
      category: (i % 3 === 0 ? 'department' : 'territorial') as 'department' | 'territorial',
      sectors: [], areaOrganisationId: null,
    }));
    const own = made('pu', 14, 0);
    const towns = made('pw', 9, 14);
    await db.transaction().execute(async (trx) => {
      await importTree(trx, {
        organisations: [
          { id: `pp-${s}`, parentId: null, name: `分页省${s}`, kind: 'province', divisionCode: null },
          { id: district, parentId: `pp-${s}`, name: `分页区${s}`, kind: 'county', divisionCode: null },
          { id: town, parentId: district, name: `分页镇${s}`, kind: 'town', divisionCode: null },
        ],
        ownerId: district, units: own,
      }, null, t.now());
      await importTree(trx, { organisations: [], ownerId: town, units: towns }, null, t.now());
    });
    // Ties in the table order: the town's units are numbered from 1 again, like the district's.
    for (const [list] of [[own], [towns]] as const) {
      list.forEach((u, i) => units.push({ id: u.id, name: u.name, category: u.category, sortOrder: i + 1 }));
    }
  });

  const byId = (a: Expected, b: Expected) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const keys = { sortOrder: (u: Expected) => u.sortOrder, name: (u: Expected) => u.name, category: (u: Expected) => u.category } as const;

  async function allPages(q: Omit<UnitListQuery, 'page' | 'pageSize'>, scope: Parameters<typeof listUnits>[1]) {
    const seen: string[] = [];
    let total = -1;
    for (let page = 1; page <= 10; page += 1) {
      const result = await listUnits(t.database.db, scope, { ...q, page, pageSize: 5 });
      total = result.total;
      if (result.rows.length === 0) break;
      expect(result.rows.length).toBeLessThanOrEqual(5);
      seen.push(...result.rows.map((r) => r.id));
    }
    return { seen, total };
  }

  for (const sort of ['sortOrder', 'name', 'category'] as const) {
    for (const order of ['asc', 'desc'] as const) {
      it(`pages through the subtree by ${sort} ${order}, every unit once, in order`, async () => {
        const key = keys[sort];
        const expected = [...units].sort((a, b) => {
          const ka = key(a);
          const kb = key(b);
          const c = ka < kb ? -1 : ka > kb ? 1 : 0;
          return (order === 'asc' ? c : -c) || byId(a, b);
        }).map((u) => u.id);
        const { seen, total } = await allPages({ sort, order }, { kind: 'subtree', path: `/pp-${s}/${district}/` });
        expect(total).toBe(units.length);
        expect(seen).toEqual(expected);
      });
    }
  }

  it('pages a filtered list and a list of named units the same way', async () => {
    const departments = units.filter((u) => u.category === 'department').sort((a, b) => a.sortOrder - b.sortOrder || byId(a, b)).map((u) => u.id);
    const filtered = await allPages({ sort: 'sortOrder', order: 'asc', category: 'department' }, { kind: 'subtree', path: `/pp-${s}/` });
    expect(filtered).toEqual({ seen: departments, total: departments.length });
    const named = units.slice(3, 11);
    const chosen = await allPages({ sort: 'name', order: 'asc' }, { kind: 'units', unitIds: named.map((u) => u.id) });
    expect(chosen.seen).toEqual([...named].sort((a, b) => (a.name < b.name ? -1 : 1)).map((u) => u.id));
    expect(chosen.total).toBe(8);
    const townOnly = await allPages({ sort: 'sortOrder', order: 'asc' }, { kind: 'subtree', path: `/pp-${s}/${district}/${town}/` });
    expect(townOnly.total).toBe(9);
    expect(await listUnits(t.database.db, { kind: 'subtree', path: `/pp-${s}/${district}/` }, { sort: 'sortOrder', order: 'asc', page: 99, pageSize: 5 }))
      .toEqual({ rows: [], total: units.length });
  });
});
