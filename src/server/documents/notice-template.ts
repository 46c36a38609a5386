/**
 * The editable wording of a 通报. Offices keep the text; the system fills in the facts.
 *
 * Format (a small, Markdown-like text so it can be edited in any editor):
 *   - an optional YAML front matter between `---` lines with `title` (one string or a list of
 *     lines: GB/T 9704-2012 7.3.1 wants long titles broken into a trapezoid or diamond),
 *     `addressees` (主送), `attachmentTitle` (附件), `copyTo` (抄送), `printingOffice` (印发机关);
 *   - paragraphs separated by blank lines; lines of one paragraph are joined without spaces;
 *   - `# 一、…` a first-level heading (黑体), `## （一）…` a second-level heading (楷体). A
 *     second-level heading directly followed by text (no blank line) runs into that paragraph,
 *     as 7.3.3 practice writes "（一）小标题。正文……";
 *   - `{{name}}` a fact (see NOTICE_FACTS); `{{#name}}…{{/name}}` keeps its text only when the
 *     fact is non-zero / non-empty, `{{^name}}…{{/name}}` only when it is zero / empty.
 */
import { parse as parseYaml } from 'yaml';
import type { NoticeBlock } from './notice-docx';

export const NOTICE_FACTS = {
  year: '考核年度，如 2014',
  nextYear: '考核年度的下一年',
  campaign: '考核活动名称',
  threshold: '统计分数线，如 80',
  assessed: '被考核单位数（含一票否决单位）',
  atOrAboveThreshold: '考核分数在分数线以上（含本数）且未被否决的单位数',
  passRatePercent: '上述单位所占百分比，保留两位小数，如 89.47',
  vetoedCount: '被一票否决的单位数',
  vetoedUnits: '被一票否决的单位，以顿号分隔',
  vetoDetails: '按否决事由归并的说明，如“南郊镇政府、大街街道办事处（辖区发生较大生产安全事故，实施一票否决）”',
} as const;

export type NoticeFactName = keyof typeof NOTICE_FACTS;
export type NoticeFacts = Record<NoticeFactName, string | number>;

export interface NoticeTemplateText {
  title: string[];
  addressees: string;
  attachmentTitle: string;
  copyTo: string | null;
  printingOffice: string | null;
  body: NoticeBlock[];
}

export class NoticeTemplateError extends Error {
  constructor(messageZh: string) {
    super(messageZh);
    this.name = 'NoticeTemplateError';
  }
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

function isFactName(name: string): name is NoticeFactName {
  return Object.hasOwn(NOTICE_FACTS, name);
}

function truthy(value: string | number): boolean {
  return typeof value === 'number' ? value !== 0 : value.trim() !== '';
}

/** Replaces placeholders and sections; every unknown name is an error, none is left as text. */
export function fillPlaceholders(text: string, facts: NoticeFacts): string {
  const sections = /\{\{([#^])(\w+)\}\}([\s\S]*?)\{\{\/\2\}\}/g;
  let out = text.replace(sections, (_all, kind: string, name: string, inner: string) => {
    if (!isFactName(name)) throw new NoticeTemplateError(`模板中的条件段“${name}”不是可用的数据项`);
    const keep = kind === '#' ? truthy(facts[name]) : !truthy(facts[name]);
    return keep ? inner : '';
  });
  out = out.replace(/\{\{\s*(\w+)\s*\}\}/g, (_all, name: string) => {
    if (!isFactName(name)) throw new NoticeTemplateError(`模板中的占位符“{{${name}}}”不是可用的数据项`);
    return String(facts[name]);
  });
  const leftover = /\{\{[^}]*\}\}?/.exec(out);
  if (leftover) throw new NoticeTemplateError(`模板中的“${leftover[0]}”无法识别（条件段是否未闭合？）`);
  return out;
}

function stringField(front: Record<string, unknown>, key: string): string | null {
  const value = front[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new NoticeTemplateError(`模板头部的“${key}”应为文字`);
  return value;
}

/** Parses and fills a template; the result is the wording part of NoticeData. */
export function renderNoticeTemplate(template: string, facts: NoticeFacts): NoticeTemplateText {
  const match = FRONT_MATTER.exec(template);
  let front: Record<string, unknown> = {};
  if (match) {
    const parsed: unknown = parseYaml(fillPlaceholders(match[1] ?? '', facts));
    if (parsed !== null && (typeof parsed !== 'object' || Array.isArray(parsed))) {
      throw new NoticeTemplateError('模板头部应为“键: 值”形式');
    }
    front = (parsed ?? {}) as Record<string, unknown>;
  }
  const rawTitle = front.title;
  let title: string[];
  if (typeof rawTitle === 'string') title = rawTitle.split('\n').filter((line) => line.trim() !== '');
  else if (Array.isArray(rawTitle) && rawTitle.every((line) => typeof line === 'string')) title = rawTitle as string[];
  else throw new NoticeTemplateError('模板头部缺少标题（title）');
  const addressees = stringField(front, 'addressees');
  if (!addressees) throw new NoticeTemplateError('模板头部缺少主送机关（addressees）');
  const attachmentTitle = stringField(front, 'attachmentTitle');
  if (!attachmentTitle) throw new NoticeTemplateError('模板头部缺少附件标题（attachmentTitle）');

  const bodyText = fillPlaceholders(match ? template.slice(match[0].length) : template, facts);
  const body: NoticeBlock[] = [];
  for (const chunk of bodyText.split(/\r?\n\s*\r?\n/)) {
    const lines = chunk.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
    if (lines.length === 0) continue;
    const [first = '', ...rest] = lines;
    if (first.startsWith('# ')) {
      body.push({ kind: 'heading1', text: first.slice(2).trim() });
      if (rest.length > 0) body.push({ kind: 'paragraph', text: rest.join('') });
    } else if (first.startsWith('## ')) {
      body.push({ kind: 'heading2', text: first.slice(3).trim(), runIn: rest.length > 0 ? rest.join('') : undefined });
    } else {
      body.push({ kind: 'paragraph', text: lines.join('') });
    }
  }
  return {
    title: title.map((line) => line.trim()),
    addressees: addressees.trim(),
    attachmentTitle: attachmentTitle.trim(),
    copyTo: stringField(front, 'copyTo')?.trim() ?? null,
    printingOffice: stringField(front, 'printingOffice')?.trim() ?? null,
    body,
  };
}

/**
 * The wording used when an office has not written its own: the 2014 周村 structure with the
 * locality-specific passages left out and the vetoed units named.
 */
export const DEFAULT_NOTICE_TEMPLATE = `---
title:
  - 关于{{year}}年度安全生产目标
  - 管理考核情况的通报
addressees: 各被考核单位
attachmentTitle: "{{year}}年度安全生产目标管理考核成绩表"
---
根据年初签订的《安全生产目标管理责任书》，安委会对各被考核单位{{year}}年度安全生产目标完成情况进行了考核。现将考核情况通报如下：

# 一、考核结果

在被考核的{{assessed}}个单位中，考核分数在{{threshold}}分以上的有{{atOrAboveThreshold}}个，占{{passRatePercent}}%。{{#vetoedCount}}{{vetoDetails}}。{{/vetoedCount}}各单位考核分数及奖励金额见附件。

# 二、下一步工作要求

各单位要认真总结经验，针对考核中发现的问题抓好整改，确保{{nextYear}}年度安全生产目标任务全面完成。
`;
