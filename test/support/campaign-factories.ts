import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { District } from './factories';
import type { Client } from './test-app';

/** The 周村 2014 scheme as a file's text (YAML), as an office would upload it. */
export const zhoucunSchemeText = readFileSync(
  fileURLToPath(new URL('../../examples/zhoucun-2014/scheme.yaml', import.meta.url)), 'utf8',
);

/**
 * Item inputs for every criterion of the 周村 scheme that applies to the category, full
 * marks (100) less `less` points taken from criterion 1.2 (a manual item of 5 points).
 */
export function fullScores(category: 'territorial' | 'department', less = 0): Record<string, unknown> {
  return {
    '1.1': { deductions: [] }, '1.2': 5 - less, '1.3': 5, '2.1': { deductions: [] }, '2.2': { passed: true }, '2.3': 10,
    '3.1': 10, '3.2': 5, '4.1': { passed: true }, '4.2': 10, [category === 'territorial' ? '5.1' : '5.2']: 10, '6.1': 10,
    '6.2': { deductions: [] },
  };
}

/** Creates a campaign of the district's two units (town: 属地, department: 部门) through the API. */
export async function createTestCampaign(
  admin: Client, d: District, extra: { units?: Record<string, unknown>[]; dates?: Record<string, string> } = {},
): Promise<{ id: string; version: number }> {
  const res = await admin.inject({
    method: 'POST', url: '/api/campaigns',
    payload: {
      organisationId: d.districtId, scheme: zhoucunSchemeText,
      units: extra.units ?? [{ unitId: d.units.town }, { unitId: d.units.dept }], ...(extra.dates ? { dates: extra.dates } : {}),
    },
  });
  if (res.statusCode !== 201) throw new Error(`create campaign failed: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string; version: number }>();
}

/** Applies transitions in order as the given client, carrying the version along. */
export async function advance(
  client: Client, id: string, steps: readonly (string | Record<string, unknown>)[],
): Promise<{ version: number; state: string }> {
  let current = (await client.inject({ method: 'GET', url: `/api/campaigns/${id}` })).json<{ version: number; state: string }>();
  for (const step of steps) {
    const body = typeof step === 'string' ? { action: step } : step;
    const res = await client.inject({ method: 'POST', url: `/api/campaigns/${id}/transitions`, payload: { ...body, version: current.version } });
    if (res.statusCode !== 200) throw new Error(`${JSON.stringify(body)} failed: ${res.statusCode} ${res.body}`);
    current = res.json();
  }
  return current;
}
