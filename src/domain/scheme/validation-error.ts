import type { z } from 'zod';

/** One problem in an input file, located by file and path (e.g. criteria[2].children[0].points). */
export interface ValidationIssue {
  file?: string;
  path: (string | number)[];
  message: string;
}

/** Thrown when a scheme or case is invalid; `issues` holds every problem found, in Chinese. */
export class CaseValidationError extends Error {
  constructor(readonly issues: ValidationIssue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'CaseValidationError';
  }
}

export function formatPath(path: readonly (string | number | symbol)[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else {
      const text = String(key);
      out += /^[A-Za-z_$][\w$]*$/.test(text) ? (out ? `.${text}` : text) : `[${JSON.stringify(text)}]`;
    }
  }
  return out || '（根）';
}

export function formatIssue(issue: ValidationIssue): string {
  const where = issue.file ? `${issue.file}：${formatPath(issue.path)}` : formatPath(issue.path);
  return `${where}：${issue.message}`;
}

const typeNames: Record<string, string> = {
  number: '数字',
  int: '整数',
  string: '文本',
  boolean: '是/否（true/false）',
  object: '对象（键值对）',
  array: '列表',
  undefined: '空',
  null: '空值',
  nan: '非数字',
};

function typeName(t: unknown): string {
  return typeNames[String(t)] ?? String(t);
}

function receivedType(input: unknown): string {
  if (input === undefined) return 'undefined';
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  if (typeof input === 'number' && Number.isNaN(input)) return 'nan';
  return typeof input;
}

/** Chinese message for one zod issue. Written here so every message names the field plainly. */
export function zodIssueMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return '缺少必填项';
      return `应为${typeName(issue.expected)}，实际为${typeName(receivedType(issue.input))}${
        typeof issue.input === 'string' || typeof issue.input === 'number' ? `“${String(issue.input)}”` : ''
      }`;
    case 'too_small':
      if (issue.origin === 'array') return `至少需要 ${String(issue.minimum)} 项`;
      if (issue.origin === 'string') return '不能为空';
      return `应${issue.inclusive ? '不小于' : '大于'} ${String(issue.minimum)}，实际为 ${String(issue.input)}`;
    case 'too_big':
      if (issue.origin === 'array') return `最多 ${String(issue.maximum)} 项`;
      if (issue.origin === 'string') return `长度不能超过 ${String(issue.maximum)}`;
      return `应${issue.inclusive ? '不大于' : '小于'} ${String(issue.maximum)}，实际为 ${String(issue.input)}`;
    case 'invalid_value':
      if (issue.input === undefined) return `缺少必填项，应为以下之一：${issue.values.map(String).join('、')}`;
      return `取值“${String(issue.input)}”无效，应为以下之一：${issue.values.map(String).join('、')}`;
    case 'unrecognized_keys':
      return `未知字段：${issue.keys.join('、')}`;
    case 'invalid_union':
      return '格式不符合任何一种允许的写法';
    case 'not_multiple_of':
      return `应为 ${String(issue.divisor)} 的整数倍`;
    case 'invalid_format':
      // A message written in the schema (e.g. '日期格式应为 YYYY-MM-DD') says it best.
      return /[\u4e00-\u9fa5]/.test(issue.message) && !issue.message.includes('正则') ? issue.message : `格式无效（应为 ${issue.format}）`;
    case 'custom':
      return issue.message;
    default:
      return issue.message;
  }
}

export function issuesFromZod(error: z.ZodError, file?: string, prefix: (string | number)[] = []): ValidationIssue[] {
  return error.issues.map((issue) => ({
    ...(file ? { file } : {}),
    path: [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
    message: zodIssueMessage(issue),
  }));
}
