import type { ExpertLevel } from '../../../domain/ledgers/expert/draw-experts';
import { EXPERT_LEVEL_ZH } from '../../../domain/ledgers/expert/draw-experts';
import type { InspectionDraw, InspectionRecordInput, InspectionReportCreate, InspectionView } from '../../../shared/schemas/inspection';

/**
 * The inspection page's forms as data → request bodies, and what the page offers next. The
 * server checks again (inspection.ts schemas, docs/ledgers.md §5); here text is trimmed and
 * empty rows are left out, so what is sent is what the officer typed.
 */
const trimmed = (v: string | undefined | null) => (v ?? '').trim();

export interface DrawFormValues {
  slots?: { specialty?: string; count?: number | null; levels?: ExpertLevel[] }[];
  relatedEnterpriseIds?: string[];
}

export function drawBody(v: DrawFormValues, version: number): InspectionDraw {
  const slots = (v.slots ?? [])
    .map((s) => ({ specialty: trimmed(s?.specialty), count: s?.count ?? 0, levels: [...new Set(s?.levels ?? [])] }))
    .filter((s) => s.specialty !== '' || s.count > 0)
    .map((s) => ({ specialty: s.specialty, count: s.count, ...(s.levels.length > 0 ? { levels: s.levels } : {}) }));
  const related = [...new Set((v.relatedEnterpriseIds ?? []).filter((id) => trimmed(id) !== ''))];
  return { version, slots, ...(related.length > 0 ? { relatedEnterpriseIds: related } : {}) };
}

export interface RecordFormValues {
  inspectedOn?: string;
  inspectors?: string[];
  documentNumbers?: string[];
  findings?: { item?: string; compliant?: boolean; description?: string; place?: string }[];
}

/** Names and numbers typed as tags, trimmed and each once. */
const tags = (values: readonly string[] | undefined) => [...new Set((values ?? []).map((s) => s.trim()).filter((s) => s !== ''))];

export function recordBody(v: RecordFormValues, version: number): InspectionRecordInput {
  const documentNumbers = tags(v.documentNumbers);
  return {
    version,
    inspectedOn: trimmed(v.inspectedOn),
    inspectors: tags(v.inspectors),
    ...(documentNumbers.length > 0 ? { documentNumbers } : {}),
    findings: (v.findings ?? [])
      .filter((f) => trimmed(f?.item) !== '' || trimmed(f?.description) !== '' || trimmed(f?.place) !== '')
      .map((f) => ({
        item: trimmed(f.item), compliant: f.compliant === true, description: trimmed(f.description),
        // The place names the hazard card's 部位; a compliant item makes no card, so none is sent.
        ...(f.compliant !== true && trimmed(f.place) !== '' ? { place: trimmed(f.place) } : {}),
      })),
  };
}

export interface ReportFormValues {
  authorKind?: InspectionReportCreate['authorKind'];
  authorName?: string;
  title?: string;
  summary?: string;
  reportedOn?: string;
}

export function reportBody(v: ReportFormValues, fileId?: string): InspectionReportCreate {
  return {
    authorKind: v.authorKind ?? 'expert',
    authorName: trimmed(v.authorName),
    title: trimmed(v.title),
    summary: trimmed(v.summary),
    reportedOn: trimmed(v.reportedOn),
    ...(fileId ? { fileId } : {}),
  };
}

/** One slot in words: “危险化学品 2名（市级、省级）”, any level as 级别不限. */
export function slotText(slot: { specialty: string; count: number; levels: readonly ExpertLevel[] }): string {
  const levels = slot.levels.length === 0 ? '级别不限' : slot.levels.map((l) => EXPERT_LEVEL_ZH[l]).join('、');
  return `${slot.specialty} ${slot.count}名（${levels}）`;
}

/**
 * What the page offers on an inspection: experts may be drawn for any plan (a new drawing replaces
 * the last), the record once, and for an expert check only after its experts are drawn.
 */
export function inspectionActions(i: Pick<InspectionView, 'state' | 'kind' | 'drawing'>): { draw: boolean; record: boolean; hint: string | null } {
  if (i.state === 'recorded') return { draw: false, record: false, hint: null };
  if (i.kind === 'expertCheck' && i.drawing === null) return { draw: true, record: false, hint: '专家查隐患须先随机抽取专家，再登记检查记录。' };
  return { draw: true, record: true, hint: null };
}

/** The findings that became hazard cards, in order. */
export function hazardFindings(i: Pick<InspectionView, 'findings'>): { seq: number; item: string; place: string; hazardId: string }[] {
  return i.findings
    .filter((f) => !f.compliant && f.hazardId !== null)
    .map((f) => ({ seq: f.seq, item: f.item, place: f.place ?? f.item, hazardId: f.hazardId! }));
}

/** Today's date in China (the ledgers' calendar), whatever the browser's time zone. */
export function chinaToday(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The inspection forms' fields in words, for a server refusal that names one (field-errors.ts). */
export const inspectionFieldLabels: Readonly<Record<string, string>> = {
  enterpriseId: '生产经营单位', kind: '检查方式', plannedOn: '计划检查日期', checklistSector: '检查表所属行业领域',
  slots: '抽取条件', specialty: '专业', count: '人数', levels: '级别', relatedEnterpriseIds: '关联单位',
  inspectedOn: '检查日期', inspectors: '检查人员', documentNumbers: '执法文书编号', findings: '检查结果', item: '检查项',
  compliant: '结果', description: '检查情况', place: '隐患部位',
  authorKind: '出具方', authorName: '出具报告的专家或服务机构', title: '报告标题', summary: '主要结论', reportedOn: '报告日期', fileId: '报告文件',
  version: '版本',
};
