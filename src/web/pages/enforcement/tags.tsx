import { Space, Tag } from 'antd';
import type { MeasureView } from './api';

/** The measure's state at a glance: ended or running, an emergency, warnings by level. */
export function MeasureTags({ measure }: { measure: MeasureView }) {
  const overdue = measure.warnings.filter((w) => w.level === 'overdue').length;
  const upcoming = measure.warnings.filter((w) => w.level === 'upcoming').length;
  return (
    <Space size={4} wrap>
      {measure.ended ? <Tag color="default">已结束</Tag> : <Tag color="processing">进行中</Tag>}
      {measure.emergency && <Tag color="volcano">紧急实施</Tag>}
      {overdue > 0 && <Tag color="red">逾期 {overdue} 项</Tag>}
      {upcoming > 0 && <Tag color="orange">即将到期 {upcoming} 项</Tag>}
    </Space>
  );
}

const deadlineColors: Record<string, string> = { met: 'green', metLate: 'orange', pending: 'blue', overdue: 'red', open: 'default', reached: 'green' };

export function DeadlineStatusTag({ status, label }: { status: string; label: string }) {
  return <Tag color={deadlineColors[status] ?? 'default'}>{label}</Tag>;
}
