import { freezePhaseOrder, type FreezePhase, type ProgressReport } from '../../../../shared/schemas/progress-stream';

const count = (n: number) => n.toLocaleString('zh-CN');

/** How the page shows one progress report of a publication or correction (发布通报, 更正结果). */
export interface FreezeProgressView {
  /** within the current phase, 0–100 */
  percent: number;
  /** the phase's Chinese name with the units done, e.g. “生成得分反查 2,400 / 5,000” */
  text: string;
  /** e.g. “第 4 步，共 6 步”; empty for a phase this page does not know */
  step: string;
}

export function freezeProgressView(report: ProgressReport): FreezeProgressView {
  const percent = report.total > 0 ? Math.min(100, Math.floor((report.done * 100) / report.total)) : report.phase === 'done' ? 100 : 0;
  const index = freezePhaseOrder.indexOf(report.phase as FreezePhase);
  return {
    percent,
    text: `${report.label} ${count(report.done)} / ${count(report.total)}`,
    step: index < 0 ? '' : `第 ${index + 1} 步，共 ${freezePhaseOrder.length} 步`,
  };
}
