import { Space, Tag } from 'antd';
import type { HazardGrade, HazardState } from '../../../domain/ledgers/hazard/hazard-card';
import { escalationLevelLabels, hazardGradeLabels, hazardStateLabels } from '../../../shared/schemas/hazard';
import type { HazardView } from './api';

export const hazardNumber = (h: Pick<HazardView, 'number'>) => h.number ?? '未登记';

const stateColors: Record<HazardState, string> = {
  found: 'default', registered: 'blue', graded: 'geekblue', rectifying: 'orange', acceptanceApplied: 'purple', accepted: 'cyan', closed: 'green',
};

export function StateTag({ state }: { state: HazardState }) {
  return <Tag color={stateColors[state]}>{hazardStateLabels[state]}</Tag>;
}

export function GradeTag({ grade }: { grade: HazardGrade | null }) {
  if (grade === null) return <span>未定级</span>;
  return <Tag color={grade === 'major' ? 'red' : 'gold'}>{hazardGradeLabels[grade]}</Tag>;
}

/** 逾期: rectification past its deadline, or acceptance past its 10 days (第16号令 第二十三条). */
export function OverdueTag({ hazard }: { hazard: HazardView }) {
  const s = hazard.deadlineStatus;
  if (s.rectificationOverdue) return <Tag color="red">整改逾期 {s.daysOverdue} 天</Tag>;
  if (s.acceptanceOverdue) return <Tag color="volcano">验收逾期 {s.acceptanceDaysOverdue} 天</Tag>;
  return null;
}

export function EscalationTag({ hazard }: { hazard: HazardView }) {
  const level = hazard.escalation.level;
  if (level === 'none') return null;
  return <Tag color={level === 'listedSupervision' ? 'magenta' : 'red'} title={hazard.escalation.reason}>{escalationLevelLabels[level]}</Tag>;
}

export function DeadlineTags({ hazard }: { hazard: HazardView }) {
  return (
    <Space size={4} wrap>
      <OverdueTag hazard={hazard} />
      <EscalationTag hazard={hazard} />
      {hazard.lateAcceptance && <Tag color="orange">超期验收</Tag>}
    </Space>
  );
}
