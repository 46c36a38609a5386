import type { PublishedTable } from '../../../domain/assessment/published-table';

/**
 * Published result versions never change (a correction is a new version), so a parsed
 * table can be kept and reused without invalidation. One cache per app (per database);
 * the least recently used table goes first.
 */
export class PublishedTables {
  private readonly tables = new Map<string, PublishedTable>();

  constructor(private readonly capacity = 16) {}

  async get(campaignId: string, version: number, load: () => Promise<PublishedTable>): Promise<PublishedTable> {
    const key = `${campaignId}\u0000${version}`;
    const found = this.tables.get(key);
    if (found) {
      this.tables.delete(key);
      this.tables.set(key, found);
      return found;
    }
    const table = await load();
    this.tables.set(key, table);
    if (this.tables.size > this.capacity) this.tables.delete(this.tables.keys().next().value!);
    return table;
  }
}
