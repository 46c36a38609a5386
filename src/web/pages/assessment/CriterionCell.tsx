import { Typography } from 'antd';
import type { UnitCriterion } from '../../../shared/schemas/criteria';
import { showPoints } from './items';

/** A criterion's name with, for a leaf, its method and 评分标准; for a 折算 group, its scale. */
export function CriterionCell({ criterion: c }: { criterion: UnitCriterion }) {
  if (!c.leaf) {
    return (
      <Typography.Text strong>
        {c.name}
        {c.childScale !== c.points && <Typography.Text type="secondary">（按 {showPoints(c.childScale)} 分折算）</Typography.Text>}
      </Typography.Text>
    );
  }
  return (
    <div style={{ minWidth: 0 }}>
      <div>{c.name}</div>
      {c.method && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{c.method.label}</Typography.Text>}
      {c.description && <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>评分标准：{c.description}</Typography.Text></div>}
    </div>
  );
}
