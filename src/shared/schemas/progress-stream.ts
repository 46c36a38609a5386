import { z } from 'zod';
import { errorSchema } from './error';

/**
 * 进度流 (progress stream): a long request asked with `Accept: application/x-ndjson` is
 * answered 200 with one JSON object a line — progress reports while the work runs, then one
 * final line with the status and body the request would have been answered with as plain
 * JSON. Refusals before any work started are answered as plain JSON with their own status.
 */
export const progressStreamType = 'application/x-ndjson';

export const progressLineSchema = z.object({
  type: z.literal('progress'),
  phase: z.string().describe('阶段代码'),
  label: z.string().describe('阶段的中文名称，可直接显示'),
  done: z.number().int().min(0).describe('本阶段已完成的数量（单位数）'),
  total: z.number().int().min(0).describe('本阶段的总数（单位数）'),
});
export const resultLineSchema = z.object({
  type: z.literal('result'),
  status: z.number().int().describe('不带进度时本应答复的状态码'),
  body: z.unknown().describe('不带进度时本应答复的内容'),
});
export const errorLineSchema = z.object({
  type: z.literal('error'),
  status: z.number().int().describe('不带进度时本应答复的错误状态码'),
  body: errorSchema,
});
export const progressStreamLineSchema = z.discriminatedUnion('type', [progressLineSchema, resultLineSchema, errorLineSchema]);
export type ProgressStreamLine = z.infer<typeof progressStreamLineSchema>;

/** One progress report of a use case: which phase it is in and how far (处理进度). */
export type ProgressReport = Omit<z.infer<typeof progressLineSchema>, 'type'>;
/** What a use case calls with each report; reports must not throw or wait. */
export type OnProgress = (report: ProgressReport) => void;

/**
 * The phases of freezing a result version (publication and each correction), in order, with
 * the words the page shows. Every count is of the campaign's assessed units.
 */
export const freezePhases = {
  load: '读取考核数据',
  validate: '校验',
  assess: '计算得分',
  trace: '生成得分反查',
  save: '保存',
  done: '完成',
} as const;
export type FreezePhase = keyof typeof freezePhases;
export const freezePhaseOrder = Object.keys(freezePhases) as FreezePhase[];

/** The OpenAPI description of a route that can answer with a progress stream through the given phases. */
export function progressStreamDescription(what: string, phases: Readonly<Record<string, string>>): string {
  return [
    `请求头 Accept 含 ${progressStreamType} 时，${what}期间以进度流答复：状态码 200，每行一个 JSON 对象。`,
    '处理中为 {"type":"progress","phase":"…","label":"中文阶段名","done":k,"total":N}（k、N 为单位数，done 在同一阶段内不减少）；',
    '最后一行为 {"type":"result","status":…,"body":…}（与不带该请求头时的状态码和答复相同）',
    '或 {"type":"error","status":4xx/5xx,"body":{"code":"…","message":"…"}}（此时未保存任何内容）。',
    `阶段依次为：${Object.entries(phases).map(([p, label]) => `${p} ${label}`).join('、')}。`,
    '开始处理之前的拒绝（未登录、防伪令牌、请求体校验、状态或角色不允许、版本已过期等）仍以普通 JSON 和原状态码答复。',
  ].join('');
}
