import { loadConfig } from './config';
import type { Config } from './config';
import { createDatabase } from './db/create-database';
import type { Database } from './db/create-database';
import { migrateToLatest } from './db/migrate';

/** For command-line tools: the configured database, migrated. The caller closes it. */
export async function openConfiguredDatabase(env: Record<string, string | undefined> = process.env): Promise<{ config: Config; database: Database }> {
  const config = loadConfig(env);
  const database = createDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(database.db);
  } catch (error) {
    await database.close();
    throw error;
  }
  return { config, database };
}
