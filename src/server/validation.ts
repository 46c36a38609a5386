import { validatorCompiler as zodValidatorCompiler } from 'fastify-type-provider-zod';
import type { z } from 'zod';

/**
 * The validator of every route: its zod schema, then one rule of the database's. PostgreSQL's
 * text cannot hold the character U+0000 — a statement given one fails as a whole, which was a 500
 * for an id such as `/api/units/%00` — while SQLite stores it. So that both engines answer alike,
 * no string a route takes (path, query or body, keys included) may contain it: a 400 naming the
 * field, before any handler runs.
 */
export const validatorCompiler: typeof zodValidatorCompiler = ({ schema, ...rest }) =>
  zodValidatorCompiler({ ...rest, schema: (schema as z.ZodType).superRefine(refuseNul) });

function refuseNul(value: unknown, ctx: z.RefinementCtx): void {
  const walk = (v: unknown, path: (string | number)[]): void => {
    if (typeof v === 'string') {
      if (v.includes('\u0000')) ctx.addIssue({ code: 'custom', path, message: '不能含空字符（U+0000）。', input: v });
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => walk(item, [...path, i]));
    } else if (v !== null && typeof v === 'object') {
      for (const [key, item] of Object.entries(v)) {
        if (key.includes('\u0000')) ctx.addIssue({ code: 'custom', path, message: '字段名不能含空字符（U+0000）。', input: key });
        else walk(item, [...path, key]);
      }
    }
  };
  walk(value, []);
}
