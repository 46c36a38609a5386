import { Tag } from 'antd';
import type { TaskStanding } from './campaign-form';
import { taskStandingLabels } from './campaign-form';

const colors: Readonly<Record<TaskStanding, string>> = { onTime: 'green', late: 'orange', overdue: 'red', open: 'processing' };

/** 按期完成, 逾期完成, 逾期未完成 or 未完成. */
export function TaskStandingTag({ standing }: { standing: TaskStanding }) {
  return <Tag color={colors[standing]}>{taskStandingLabels[standing]}</Tag>;
}
