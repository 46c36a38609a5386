import { formatPoints, type Centi } from '../arith/points';
import type { CompiledAdjustment } from '../scheme/compile-scheme';
import type { AdjustmentEvent } from '../scheme/facts-schema';
import type { AdjustmentLine, AdjustmentResult } from './result-types';

/**
 * Bonus (加分) or penalty (减分) items for one unit. Per item: perOccurrence counts every
 * event up to the item cap; highestLevel counts once at the highest level reached (e.g.
 * 市级 +1 / 省级 +3 / 国家级 +5 gives 5 when adopted by both city and state). The section
 * total is then capped (加分封顶).
 */
export function applyAdjustments(
  section: { cap: Centi | null; items: Map<string, CompiledAdjustment> } | null,
  events: readonly AdjustmentEvent[] | undefined,
): AdjustmentResult {
  if (!section || !events || events.length === 0) return { lines: [], raw: 0, total: 0, cap: section?.cap ?? null };
  const byItem = new Map<string, AdjustmentEvent[]>();
  for (const event of events) {
    const list = byItem.get(event.item);
    if (list) list.push(event);
    else byItem.set(event.item, [event]);
  }
  const lines: AdjustmentLine[] = [];
  for (const [itemId, itemEvents] of byItem) {
    const compiled = section.items.get(itemId);
    if (!compiled) continue;
    const notes = itemEvents.flatMap((e) => (e.note ? [e.note] : []));
    let raw: number;
    let detail: string;
    if (compiled.item.mode === 'highestLevel') {
      let best: { name: string; points: Centi } | null = null;
      for (const event of itemEvents) {
        const level = event.level ? compiled.levels.get(event.level) : undefined;
        if (level && (!best || level.points > best.points)) best = level;
      }
      raw = best?.points ?? 0;
      detail = itemEvents.length > 1 ? `取最高级别：${best?.name ?? ''}（共 ${itemEvents.length} 项，只计一次）` : `${best?.name ?? ''}`;
    } else {
      const times = itemEvents.reduce((sum, e) => sum + e.times, 0);
      raw = times * (compiled.points ?? 0);
      detail = `${times}次 × ${formatPoints(compiled.points ?? 0)}分`;
    }
    const points = compiled.cap !== null ? Math.min(raw, compiled.cap) : raw;
    lines.push({ itemId, name: compiled.item.name, detail, raw, points, capped: points < raw, notes });
  }
  const raw = lines.reduce((sum, l) => sum + l.points, 0);
  const total = section.cap !== null ? Math.min(raw, section.cap) : raw;
  return { lines, raw, total, cap: section.cap };
}
