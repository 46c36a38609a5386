import { Empty, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import type { TableDiff } from './api';

type DiffRow = TableDiff['rows'][number];
type Value = DiffRow['changes'][number]['before'];

const kindLabels: Record<DiffRow['kind'], { text: string; color: string }> = {
  changed: { text: '有变化', color: 'orange' },
  added: { text: '新增', color: 'green' },
  removed: { text: '删除', color: 'red' },
};

/** A recorded value in words: blanks as “空”, yes/no in Chinese, amounts with separators. */
export function showValue(field: string, value: Value): string {
  if (value === null || value === '') return '空';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number' && field === 'reward') return `${value.toLocaleString('zh-CN')} 元`;
  return String(value);
}

/**
 * The differences between two result tables, unit by unit, each changed field as
 * “before → after”; a renamed unit shows its old and new names.
 */
export function DiffTable({ diff, beforeLabel, afterLabel }: { diff: TableDiff; beforeLabel: string; afterLabel: string }) {
  const columns: TableProps<DiffRow>['columns'] = [
    { title: '单位', dataIndex: 'unit', width: 170 },
    { title: '变化', dataIndex: 'kind', width: 80, render: (kind: DiffRow['kind']) => <Tag color={kindLabels[kind].color}>{kindLabels[kind].text}</Tag> },
    {
      title: `${beforeLabel} → ${afterLabel}`,
      key: 'changes',
      render: (_: unknown, row) => (
        <Space orientation="vertical" size={0}>
          {row.changes.filter((c) => row.kind === 'changed' || c.field !== 'seq').map((c) => (
            <span key={c.field} className={c.field === 'unit' ? 'anke-diff-rename' : undefined}>
              <Typography.Text strong={c.field === 'unit'}>{c.field === 'unit' ? '单位更名' : c.label}：</Typography.Text>
              {row.kind === 'added' ? showValue(c.field, c.after) : row.kind === 'removed' ? showValue(c.field, c.before) : (
                <>
                  <Typography.Text delete type="secondary">{showValue(c.field, c.before)}</Typography.Text>
                  {' → '}
                  <Typography.Text mark>{showValue(c.field, c.after)}</Typography.Text>
                </>
              )}
            </span>
          ))}
        </Space>
      ),
    },
  ];
  return (
    <>
      <Table<DiffRow>
        size="small"
        rowKey={(r) => `${r.kind}-${r.unit}`}
        columns={columns}
        dataSource={diff.rows}
        pagination={false}
        aria-label="差异"
        onRow={(r) => ({ style: { background: r.kind === 'changed' ? '#fffbe6' : r.kind === 'added' ? '#f6ffed' : '#fff1f0' } })}
        locale={{ emptyText: <Empty description="两者没有差异" image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        scroll={{ x: 560 }}
      />
      <div style={{ marginTop: 8 }}>
        <Typography.Text>
          奖励金额合计：{diff.rewardTotal.before.toLocaleString('zh-CN')} 元 → {diff.rewardTotal.after.toLocaleString('zh-CN')} 元
          {diff.rewardTotal.after !== diff.rewardTotal.before && (
            <Tag color={diff.rewardTotal.after > diff.rewardTotal.before ? 'red' : 'green'} style={{ marginLeft: 8 }}>
              {diff.rewardTotal.after > diff.rewardTotal.before ? '增加' : '减少'} {Math.abs(diff.rewardTotal.after - diff.rewardTotal.before).toLocaleString('zh-CN')} 元
            </Tag>
          )}
        </Typography.Text>
        {diff.stats.map((s) => (
          <div key={s.field}><Typography.Text>{s.field}：{s.before} → {s.after}</Typography.Text></div>
        ))}
      </div>
    </>
  );
}
