import type { FormRule } from 'antd';
import type { z } from 'zod';

/**
 * An antd form rule that validates with the same zod schema the server uses, so a field
 * is refused in the form for the same reason the server would refuse it.
 * `emptyMessage` replaces zod's generic text for an empty required field.
 */
export function zodRule(schema: z.ZodType, emptyMessage?: string): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      if (emptyMessage && (value === undefined || value === null || value === '')) throw new Error(emptyMessage);
      const result = schema.safeParse(value);
      if (!result.success) throw new Error(result.error.issues[0]?.message ?? '输入不正确');
    },
  };
}
