import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { parseCase, type AssessmentCase, type CaseFileNames, type CaseParts } from '../domain/assessment/case';
import { CaseValidationError, formatIssue } from '../domain/scheme/validation-error';
import { CliError } from './cli-error';

/**
 * Reads a case from a directory (scheme.yaml, units.yaml, and optionally scores.yaml,
 * adjustments.yaml, accidents.yaml, metrics.yaml — .yml or .json also accepted) or from one
 * YAML/JSON file holding all parts under the same keys.
 */
const partNames = ['scheme', 'units', 'scores', 'adjustments', 'accidents', 'metrics'] as const;
const required = new Set(['scheme', 'units']);

export function readStructuredFile(path: string): unknown {
  const text = readFileSync(path, 'utf8');
  const label = basename(path);
  if (extname(path).toLowerCase() === '.json') {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new CliError(`${label}：JSON 格式错误（${(error as Error).message}）`);
    }
  }
  try {
    return parseYaml(text, { uniqueKeys: true });
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const line = error.linePos?.[0];
      throw new CliError(`${label}${line ? ` 第 ${line.line} 行` : ''}：YAML 格式错误（${error.code}）`);
    }
    throw error;
  }
}

export function readCaseParts(path: string): { parts: CaseParts; files: CaseFileNames } {
  if (!existsSync(path)) throw new CliError(`找不到考核数据：${path}`);
  const parts: Partial<Record<keyof CaseParts, unknown>> = {};
  const files: CaseFileNames = {};
  if (statSync(path).isDirectory()) {
    for (const name of partNames) {
      const file = ['.yaml', '.yml', '.json'].map((ext) => join(path, `${name}${ext}`)).find((f) => existsSync(f));
      if (!file) {
        if (required.has(name)) throw new CliError(`目录 ${path} 中缺少 ${name}.yaml`);
        continue;
      }
      parts[name] = readStructuredFile(file);
      files[name] = basename(file);
    }
    return { parts: parts as CaseParts, files };
  }
  const whole = readStructuredFile(path);
  if (typeof whole !== 'object' || whole === null || Array.isArray(whole)) {
    throw new CliError(`${basename(path)}：应为包含 scheme、units 等字段的对象`);
  }
  const record = whole as Record<string, unknown>;
  const label = basename(path);
  for (const name of ['scheme', 'units'] as const) {
    if (record[name] === undefined) throw new CliError(`${label}：缺少 ${name}`);
  }
  const unknown = Object.keys(record).filter((k) => !['scheme', 'units', 'scores', 'accidents', 'metrics', 'bonuses', 'penalties', 'vetoes', 'vetoRejections'].includes(k));
  if (unknown.length > 0) throw new CliError(`${label}：未知字段 ${unknown.join('、')}`);
  const single: CaseParts = {
    scheme: record.scheme,
    units: { units: record.units },
    scores: record.scores === undefined ? undefined : { scores: record.scores },
    accidents: record.accidents === undefined ? undefined : { accidents: record.accidents },
    metrics: record.metrics === undefined ? undefined : { metrics: record.metrics },
    adjustments: {
      ...(record.bonuses !== undefined ? { bonuses: record.bonuses } : {}),
      ...(record.penalties !== undefined ? { penalties: record.penalties } : {}),
      ...(record.vetoes !== undefined ? { vetoes: record.vetoes } : {}),
      ...(record.vetoRejections !== undefined ? { vetoRejections: record.vetoRejections } : {}),
    },
  };
  for (const name of partNames) files[name] = label;
  return { parts: single, files };
}

/** Loads and validates; a validation failure becomes one Chinese line naming the place. */
export function loadCase(path: string): AssessmentCase {
  const { parts, files } = readCaseParts(path);
  try {
    return parseCase(parts, files);
  } catch (error) {
    if (error instanceof CaseValidationError) {
      const [first] = error.issues;
      const more = error.issues.length > 1 ? `（另有 ${error.issues.length - 1} 处问题）` : '';
      throw new CliError(`${first ? formatIssue(first) : '数据无效'}${more}`);
    }
    throw error;
  }
}
