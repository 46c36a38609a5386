import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { withStatementCache } from '../../src/server/db/statement-cache';

describe('SQLite statement cache', () => {
  const opened: BetterSqlite3.Database[] = [];
  function open() {
    const sqlite = new BetterSqlite3(':memory:');
    opened.push(sqlite);
    sqlite.exec('create table t (id integer primary key, v text)');
    sqlite.exec("insert into t (v) values ('一'), ('二'), ('三')");
    return sqlite;
  }
  afterEach(() => { for (const s of opened.splice(0)) if (s.open) s.close(); });

  it('hands back the same statement for the same text and a new one for another', () => {
    const cached = withStatementCache(open());
    const a = cached.prepare('select v from t where id = ?');
    expect(cached.prepare('select v from t where id = ?')).toBe(a);
    expect(cached.prepare('select v from t where id > ?')).not.toBe(a);
    expect(a.all([2])).toEqual([{ v: '二' }]);
  });

  it('prepares afresh while the kept statement is being iterated, so a streamed query and a read of the same text both finish', () => {
    const cached = withStatementCache(open());
    const text = 'select v from t order by id';
    const streaming = cached.prepare(text).iterate([]);
    expect(streaming.next().value).toEqual({ v: '一' });
    const second = cached.prepare(text);
    expect(second.all([])).toHaveLength(3);
    expect([...streaming]).toEqual([{ v: '二' }, { v: '三' }]);
  });

  it('keeps at most its capacity, dropping the least recently used', () => {
    const cached = withStatementCache(open(), 2);
    const one = cached.prepare('select 1');
    const two = cached.prepare('select 2');
    expect(cached.prepare('select 1')).toBe(one); // now "select 2" is the least recently used
    cached.prepare('select 3');
    expect(cached.prepare('select 1')).toBe(one);
    expect(cached.prepare('select 2')).not.toBe(two);
  });

  it('keeps working through Kysely after the schema changes under a kept statement', async () => {
    const db = new Kysely<{ t: { id: number; v: string } }>({ dialect: new SqliteDialect({ database: withStatementCache(open()) }) });
    const read = () => db.selectFrom('t').selectAll().where('id', '=', 1).execute();
    expect(await read()).toEqual([{ id: 1, v: '一' }]);
    await sql`alter table t add column w text`.execute(db);
    expect(await read()).toEqual([{ id: 1, v: '一', w: null }]);
    await db.destroy();
  });
});
