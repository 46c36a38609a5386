import { z } from 'zod';

/** The one error shape every endpoint answers with: a stable code and a Chinese message. */
export const errorSchema = z.object({
  code: z.string().describe('稳定的错误代码，供程序判断'),
  message: z.string().describe('中文说明，可直接显示给用户'),
});
export type ErrorBody = z.infer<typeof errorSchema>;

/** Error responses declared on every route, so the OpenAPI document lists them. */
export const errorResponses = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
} as const;
