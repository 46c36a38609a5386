import { Tag } from 'antd';
import type { InspectionView } from './api';

/** 计划中 or 已检查, and for a record how many items were not compliant. */
export function InspectionStateTag({ inspection }: { inspection: Pick<InspectionView, 'state' | 'stateLabel' | 'findings'> }) {
  if (inspection.state === 'planned') return <Tag color="processing">{inspection.stateLabel}</Tag>;
  const bad = inspection.findings.filter((f) => !f.compliant).length;
  return <Tag color={bad > 0 ? 'orange' : 'green'}>{inspection.stateLabel}{bad > 0 ? `，不符合 ${bad} 项` : ''}</Tag>;
}
