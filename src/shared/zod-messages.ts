import type { $ZodErrorMap, $ZodRawIssue } from 'zod/v4/core';
import zhCN from 'zod/v4/locales/zh-CN.js';

const typeNames: Record<string, string> = {
  string: '文字', number: '数字', int: '整数', bigint: '整数', boolean: '是或否', object: '对象', record: '对象',
  array: '列表', date: '日期', null: '空值',
};

/**
 * zod's messages in words, for the server's refusals and the web's forms alike. zod's own Chinese
 * messages speak in code — 无效输入：期望 string，实际接收 undefined; 期望以下之一
 * "general"|"especiallyMajor"; 数值过小：期望 number >=1 — and refusals are shown to people as
 * they are (the web app only replaces a field's request path by its label, field-errors.ts). A
 * message a schema gives itself (`.min(1, '请填写退回原因')`) is kept; what is not said here
 * (a union, a multiple, a format such as UUID) keeps zod's Chinese.
 */
export function zodMessages(): { localeError: $ZodErrorMap } {
  const fallback = zhCN().localeError;
  return { localeError: (issue) => inWords(issue) ?? fallback(issue) };
}

function inWords(issue: $ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? '必须填写。' : `应为${typeNames[issue.expected] ?? '其他类型的值'}。`;
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? '不能为空。' : `至少 ${min} 个字符。`;
      if (issue.origin === 'array' || issue.origin === 'set') return `至少 ${min} 项。`;
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') return issue.inclusive ? `不能小于 ${min}。` : `应大于 ${min}。`;
      return undefined;
    }
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'string') return `最多 ${max} 个字符。`;
      if (issue.origin === 'array' || issue.origin === 'set') return `最多 ${max} 项。`;
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') return issue.inclusive ? `不能大于 ${max}。` : `应小于 ${max}。`;
      return undefined;
    }
    case 'invalid_value': {
      // Options that are words can be listed; codes (`especiallyMajor`) cannot.
      const values = issue.values.map(String);
      return values.length > 0 && values.every((v) => !/[A-Za-z]/.test(v)) ? `应为${values.join('、')}之一。` : '不是可选的值。';
    }
    case 'invalid_format':
      return issue.format === 'regex' ? '格式不正确。' : undefined;
    case 'unrecognized_keys':
      // The error handler names the first key as the field (src/server/validation.ts).
      return issue.keys.length > 1 ? `不是可接受的字段（另有 ${issue.keys.length - 1} 个）。` : '不是可接受的字段。';
    case 'invalid_key':
      return '含有无效的字段名。';
    case 'invalid_element':
      return '含有无效的值。';
    default:
      return undefined;
  }
}
