import { Checkbox, Input, InputNumber, Select, Space, Typography } from 'antd';
import type { UnitCriterion } from '../../../shared/schemas/criteria';
import type { Entry } from './items';
import { inputOf, leafEarned, showPoints } from './items';

interface Props {
  criterion: UnitCriterion;
  entry: Entry;
  /** what the score is called in control labels: 自评得分 or 考核得分 */
  label: string;
  onChange: (entry: Entry) => void;
}

const passOptions = [{ value: 'yes', label: '达标' }, { value: 'no', label: '未达标' }];

/** The score control of one leaf criterion, by its method. */
export function ScoreInput({ criterion: c, entry: e, label, onChange }: Props) {
  const name = `${c.id} ${c.name} ${label}`;
  if (e.notApplicable) return <Typography.Text type="secondary">缺项</Typography.Text>;
  switch (c.method?.type) {
    case 'manual':
      return (
        <InputNumber
          aria-label={name} min={0} max={c.points} step={1} placeholder={`0–${showPoints(c.points)}`}
          value={e.score} onChange={(v) => onChange({ ...e, score: v ?? null })} style={{ width: 110 }}
        />
      );
    case 'deduction': {
      const earned = leafEarned(e, c);
      return (
        <Space orientation="vertical" size={2}>
          {c.method.variable ? (
            <InputNumber
              aria-label={`${name}（扣分）`} min={0} max={c.points} step={1} prefix="扣" suffix="分"
              value={e.deducted} onChange={(v) => onChange({ ...e, deducted: v ?? null })} style={{ width: 140 }}
            />
          ) : (
            <InputNumber
              aria-label={`${name}（扣分次数）`} min={0} max={1000} precision={0} prefix="扣" suffix="次"
              value={e.times} onChange={(v) => onChange({ ...e, times: v ?? null })} style={{ width: 140 }}
            />
          )}
          {earned !== null && <Typography.Text type="secondary">得 {showPoints(earned)} 分</Typography.Text>}
        </Space>
      );
    }
    case 'passFail':
      return (
        <Select
          aria-label={name} placeholder="请选择" options={passOptions} style={{ width: 110 }}
          value={e.passed === null ? undefined : e.passed ? 'yes' : 'no'}
          onChange={(v: string) => onChange({ ...e, passed: v === 'yes' })}
        />
      );
    default:
      return <Typography.Text type="secondary">按指标计算</Typography.Text>;
  }
}

/** The description (自评说明), the deduction reason (扣分理由) or, for 缺项, its reason. */
export function NoteInput({ criterion: c, entry: e, label, onChange }: Props) {
  if (c.method?.type === 'formula' && !e.notApplicable) return null;
  const what = e.notApplicable ? '缺项理由' : label;
  return (
    <Input.TextArea
      aria-label={`${c.id} ${c.name} ${what}`} placeholder={what} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500}
      value={e.note} onChange={(ev) => onChange({ ...e, note: ev.target.value })}
    />
  );
}

export function NotApplicableInput({ criterion: c, entry: e, onChange }: Omit<Props, 'label'>) {
  if (!c.notApplicableAllowed) return null;
  return (
    <Checkbox aria-label={`${c.id} ${c.name} 申报缺项`} checked={e.notApplicable} onChange={(ev) => onChange({ ...e, notApplicable: ev.target.checked })}>
      缺项
    </Checkbox>
  );
}

/** A stored entry in words, for read-only views. */
export function EntryText({ criterion: c, entry: e }: { criterion: UnitCriterion; entry: Entry }) {
  if (e.notApplicable) return <Typography.Text>缺项</Typography.Text>;
  if (inputOf(e, c) === undefined) {
    return <Typography.Text type="secondary">{c.method?.type === 'formula' ? '按指标计算' : '未填'}</Typography.Text>;
  }
  const earned = leafEarned(e, c);
  const detail = c.method?.type === 'deduction' && !c.method.variable && e.times ? `（扣 ${e.times} 次）`
    : c.method?.type === 'passFail' ? `（${e.passed ? '达标' : '未达标'}）` : '';
  return <Typography.Text strong>{earned === null ? '—' : showPoints(earned)}{detail}</Typography.Text>;
}
