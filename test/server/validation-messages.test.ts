import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { zodMessages } from '../../src/shared/zod-messages';
import { validationRefusal, validatorCompiler } from '../../src/server/validation';
import type { ValidationIssue } from '../../src/server/validation';

z.config(zodMessages());

/** The first refusal of `value` by `schema` through the app's validator, as the error handler words it. */
function refusal(schema: z.ZodType, value: unknown) {
  const validate = validatorCompiler({ schema, method: 'POST', url: '/', httpPart: 'body' }) as (data: unknown) => { error?: ValidationIssue[] };
  const issue = validate(value).error?.[0];
  if (!issue) throw new Error('accepted');
  return validationRefusal(issue);
}

describe('validation refusals in words', () => {
  const body = z.object({
    name: z.string().min(1).max(50),
    code: z.string().min(3).optional(),
    grade: z.enum(['general', 'especiallyMajor']).optional(),
    sector: z.enum(['建筑施工', '危险化学品']).optional(),
    count: z.number().int().min(1).max(200).optional(),
    share: z.number().gt(0).lt(1).optional(),
    tags: z.array(z.string()).min(1).max(2).optional(),
    active: z.boolean().optional(),
    day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    reason: z.string().min(1, '请填写退回原因').optional(),
  }).strict();
  const ok = { name: '张三' };

  it.each<[string, unknown, string, string]>([
    ['a missing field', {}, 'name', '必须填写。'],
    ['a value of another type', { name: 12 }, 'name', '应为文字。'],
    ['a whole body of another type', [], '', '应为对象。'],
    ['an empty string', { name: '' }, 'name', '不能为空。'],
    ['a string too short', { ...ok, code: 'ab' }, 'code', '至少 3 个字符。'],
    ['a string too long', { name: 'x'.repeat(51) }, 'name', '最多 50 个字符。'],
    ['an option given as a code', { ...ok, grade: 'x' }, 'grade', '不是可选的值。'],
    ['an option given in words', { ...ok, sector: 'x' }, 'sector', '应为建筑施工、危险化学品之一。'],
    ['a fraction for an integer', { ...ok, count: 1.5 }, 'count', '应为整数。'],
    ['a number too small', { ...ok, count: 0 }, 'count', '不能小于 1。'],
    ['a number too large', { ...ok, count: 201 }, 'count', '不能大于 200。'],
    ['a number at an exclusive bound', { ...ok, share: 1 }, 'share', '应小于 1。'],
    ['an empty list', { ...ok, tags: [] }, 'tags', '至少 1 项。'],
    ['a list too long', { ...ok, tags: ['a', 'b', 'c'] }, 'tags', '最多 2 项。'],
    ['a wrong item', { ...ok, tags: [1] }, 'tags.0', '应为文字。'],
    ['a boolean of another type', { ...ok, active: 'yes' }, 'active', '应为是或否。'],
    ['a pattern not matched', { ...ok, day: '15.1.2026' }, 'day', '格式不正确。'],
    ['a field the schema does not take', { ...ok, nosuch: 1 }, 'nosuch', '不是可接受的字段。'],
    ['two such fields', { ...ok, a: 1, b: 2 }, 'a', '不是可接受的字段（另有 1 个）。'],
    ['a message of the schema kept as it is', { ...ok, reason: '' }, 'reason', '请填写退回原因'],
    ['U+0000 in a string', { name: 'a\u0000b' }, 'name', '不能含空字符（U+0000）。'],
    ['U+0000 in an item', { ...ok, tags: ['a\u0000'] }, 'tags.0', '不能含空字符（U+0000）。'],
  ])('%s', (_what, value, field, message) => {
    expect(refusal(body, value)).toEqual({ field, message });
  });

  it('accepts what the schema accepts, with its defaults and transforms', () => {
    const schema = z.object({ page: z.coerce.number().int().min(1).default(1), q: z.string().trim().optional() });
    const validate = validatorCompiler({ schema, method: 'GET', url: '/', httpPart: 'querystring' }) as (data: unknown) => { value?: unknown };
    expect(validate({ q: ' 镇 ' }).value).toEqual({ page: 1, q: '镇' });
  });
});
