import { AppError } from '../server/app-error';
import { ConfigError } from '../server/config';
import type { Database } from '../server/db/create-database';
import { openConfiguredDatabase } from '../server/open-database';
import { CliError } from './cli-error';

/**
 * Opens the database the environment configures (migrated), runs `work`, and always closes
 * it. A bad configuration or a refused use case becomes one Chinese line (CliError).
 */
export async function withConfiguredDatabase<T>(
  env: Record<string, string | undefined>,
  work: (database: Database) => Promise<T>,
): Promise<T> {
  let opened;
  try {
    opened = await openConfiguredDatabase(env);
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message);
    throw error;
  }
  try {
    return await work(opened.database);
  } catch (error) {
    if (error instanceof AppError) throw new CliError(error.messageZh);
    throw error;
  } finally {
    await opened.database.close();
  }
}
