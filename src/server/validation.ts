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

/** What the error handler knows of a refused value: the zod issue as fastify-type-provider-zod passes it on. */
export interface ValidationIssue {
  keyword: string;
  instancePath: string;
  message?: string | undefined;
  params: Record<string, unknown>;
}

/**
 * The field a refusal names, as a path in the request (`tasks.0.unitId`), and what is wrong with
 * it (in words: src/shared/zod-messages.ts). A key the request should not have sent is the field
 * itself, named like any other, rather than a code inside the message.
 */
export function validationRefusal(issue: ValidationIssue): { field: string; message: string } {
  const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
  const keys = issue.keyword === 'unrecognized_keys' && Array.isArray(issue.params.keys) ? issue.params.keys.map(String) : [];
  return { field: [path, keys[0]].filter(Boolean).join('.'), message: issue.message ?? '' };
}
