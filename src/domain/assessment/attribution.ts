import type { Accident } from '../accidents/accident';
import type { UnitInput } from '../scheme/facts-schema';

export interface Attribution {
  /** unit id → accidents in its area (属地) */
  area: Map<string, Accident[]>;
  /** unit id → accidents in sectors it regulates (行业监管) */
  sector: Map<string, Accident[]>;
}

/**
 * Accidents by the unit in whose area they happened, and by the department regulating their
 * sector — named on the record, or else every department whose `regulates` lists the sector.
 */
export function attributeAccidents(units: readonly UnitInput[], accidents: readonly Accident[]): Attribution {
  const area = new Map<string, Accident[]>();
  const sector = new Map<string, Accident[]>();
  const regulatorsBySector = new Map<string, string[]>();
  for (const unit of units) {
    for (const s of unit.regulates ?? []) {
      const list = regulatorsBySector.get(s);
      if (list) list.push(unit.id);
      else regulatorsBySector.set(s, [unit.id]);
    }
  }
  const push = (map: Map<string, Accident[]>, key: string, a: Accident) => {
    const list = map.get(key);
    if (list) list.push(a);
    else map.set(key, [a]);
  };
  for (const accident of accidents) {
    if (accident.territorialUnit) push(area, accident.territorialUnit, accident);
    if (accident.regulatingUnit) push(sector, accident.regulatingUnit, accident);
    else if (accident.sector) for (const unitId of regulatorsBySector.get(accident.sector) ?? []) push(sector, unitId, accident);
  }
  return { area, sector };
}

