import { Tag } from 'antd';
import type { TipView } from './api';

const replyStatus: Record<TipView['replyStatus'], { label: string; color: string }> = {
  answeredOnTime: { label: '按期答复', color: 'green' },
  answeredLate: { label: '逾期答复', color: 'orange' },
  pending: { label: '待答复', color: 'blue' },
  overdue: { label: '逾期未答复', color: 'red' },
  noReplyNeeded: { label: '无需答复', color: 'default' },
};

export function ReplyStatusTag({ status }: { status: TipView['replyStatus'] }) {
  const s = replyStatus[status];
  return <Tag color={s.color}>{s.label}</Tag>;
}
