import { Progress, Typography } from 'antd';
import type { ProgressReport } from '../../../../shared/schemas/progress-stream';
import { freezeProgressView } from './freeze-progress';

/**
 * The progress of computing and storing every unit's result and trace (publication or a
 * correction), as the server reports it: the bar fills within each phase, the words say which
 * phase and how many units.
 */
export function FreezeProgress({ report, label }: { report: ProgressReport | null; label: string }) {
  if (!report) return null;
  const view = freezeProgressView(report);
  return (
    <div role="status" aria-label={label} style={{ marginBottom: 12 }}>
      <Progress percent={view.percent} status={report.phase === 'done' ? 'success' : 'active'} aria-label={`${label}：${view.text}`} />
      <Typography.Text>{view.text}</Typography.Text>
      {view.step && <Typography.Text type="secondary" style={{ marginLeft: 12 }}>{view.step}</Typography.Text>}
    </div>
  );
}
