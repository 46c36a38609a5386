import { z } from 'zod';

export const organisationKindSchema = z.enum(['province', 'city', 'county', 'town', 'body']);

export const organisationSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  name: z.string(),
  kind: organisationKindSchema,
  divisionCode: z.string().nullable().describe('行政区划代码（GB/T 2260，6 位，乡镇 9 位），未知时为空'),
  version: z.number().int(),
});
export type OrganisationView = z.infer<typeof organisationSchema>;

export const organisationListSchema = z.object({ items: z.array(organisationSchema) });
