import { parse as parseYaml, YAMLParseError } from 'yaml';
import { AppError } from '../../app-error';

/**
 * The scheme as sent: a JSON object, or the text of a scheme file (YAML, of which JSON is
 * a subset). Its content is validated afterwards by the rules engine (parseCase).
 */
export function readScheme(input: Record<string, unknown> | string): unknown {
  if (typeof input !== 'string') return input;
  try {
    const value: unknown = parseYaml(input, { maxAliasCount: 100 });
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new AppError('validation_failed', '考核方案：文件内容应为键值对（YAML 或 JSON 对象）。');
    }
    return value;
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const at = error.linePos?.[0];
      throw new AppError('validation_failed', `考核方案：YAML 格式错误${at ? `（第 ${at.line} 行第 ${at.col} 列）` : ''}。`);
    }
    throw error;
  }
}
