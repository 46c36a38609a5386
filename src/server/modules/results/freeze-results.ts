import type { Kysely } from 'kysely';
import { assess } from '../../../domain/assessment/assess';
import { explainUnit } from '../../../domain/assessment/explain';
import { toPublishedTable, type PublishedTable } from '../../../domain/assessment/published-table';
import { freezePhases, type FreezePhase, type OnProgress } from '../../../shared/schemas/progress-stream';
import type { DB } from '../../db/schema';
import { countCampaignUnits, type CampaignRow } from '../campaigns/repository';
import { loadCaseParts, validateCase } from './load-case';
import { insertResultTraces, insertResultVersion } from './repository';

/** Units explained between two yields: about 0.05–0.4 s of work each, depending on the machine's load. */
const traceChunk = 100;

/** Lets the event loop run: the report just made goes out, and the process answers other requests. */
const yieldToEventLoop = () => new Promise<void>((resolve) => { setImmediate(resolve); });

/**
 * Freezes the results of the stored facts as a published version: the table, the facts it
 * was computed from, and every unit's trace. Runs in the caller's transaction (publication
 * or correction), so the version appears whole or not at all.
 *
 * `onProgress` hears each phase (freezePhases) with the number of units done. For 5,000 units
 * (docs/benchmarks.md, Workflow, 2026-12-07) reading the facts and validating them take about
 * a third of the time, assessing a thirtieth, the traces with their JSON and saving the rest
 * (half on SQLite, two thirds on PostgreSQL), so those two phases report chunk by chunk, and
 * the work yields to the event loop between chunks: the reports reach the client while the
 * transaction runs, and the process stays responsive.
 */
export async function freezeResults(
  trx: Kysely<DB>,
  row: { campaignId: string; version: number; reason: string | null; createdBy: string; at: string },
  campaign: CampaignRow,
  now: Date,
  onProgress?: OnProgress,
): Promise<PublishedTable> {
  let total = await countCampaignUnits(trx, campaign.id);
  const report = (phase: FreezePhase, done: number) => onProgress?.({ phase, label: freezePhases[phase], done, total });

  report('load', 0);
  // On SQLite the reads run synchronously, one after another without a turn of the event loop:
  // without this the stream's first line would wait for them all.
  await yieldToEventLoop();
  const parts = await loadCaseParts(trx, campaign, now);
  report('load', total);

  // validateCase and assess run without a break (pure domain functions): each report goes out first.
  report('validate', 0);
  await yieldToEventLoop();
  const input = validateCase(parts);
  report('validate', total);

  report('assess', 0);
  await yieldToEventLoop();
  const result = assess(input);
  const table = toPublishedTable(result);
  // The same units as counted, read in the same transaction; the engine's count is the one the later phases walk.
  total = result.units.length;
  report('assess', total);

  report('trace', 0);
  const traces: { unitId: string; traceJson: string }[] = [];
  for (let i = 0; i < result.units.length; i += traceChunk) {
    await yieldToEventLoop();
    for (const unit of result.units.slice(i, i + traceChunk)) {
      traces.push({ unitId: unit.unitId, traceJson: JSON.stringify(explainUnit(input, unit)) });
    }
    report('trace', traces.length);
  }

  report('save', 0);
  await yieldToEventLoop();
  await insertResultVersion(trx, { ...row, caseJson: JSON.stringify(parts), tableJson: JSON.stringify(table) });
  await insertResultTraces(trx, row.campaignId, row.version, traces, async (saved) => {
    report('save', saved);
    await yieldToEventLoop();
  });
  report('done', total);
  return table;
}
