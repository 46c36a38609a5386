import { Alert, Button, Card, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useMemo, useState } from 'react';
import { accidentGradeLabels, accidentGrades } from '../../../domain/accidents/grade';
import type { AccidentGrade } from '../../../domain/accidents/grade';
import { sectorLabel } from '../../../domain/sectors';
import { mayList } from '../../access';
import { useRequest } from '../../api/use-request';
import { useAccount } from '../../session/session';
import { accidentApi } from './api';
import type { AccidentView } from './api';
import { AccidentDetail, occurredText, yuan } from './AccidentDetail';
import { AccidentForm, sectorOptions } from './AccidentForm';
import { GradeTag } from './grade';
import { VetoPanel } from './VetoPanel';
import { registerPagination } from '../../components/register-pagination';

const gradeOptions = accidentGrades.map((value) => ({ value, label: accidentGradeLabels[value] }));

/** 事故登记: the register with filters, recording, each accident's versions, and the veto proposals. */
export function Component() {
  const me = useAccount();
  const mayRecord = mayList(me, 'accident.record');
  const [year, setYear] = useState<number | null>(new Date().getFullYear());
  const [unitId, setUnitId] = useState<string>();
  const [sector, setSector] = useState<string>();
  const [grade, setGrade] = useState<AccidentGrade>();
  const [order, setOrder] = useState<'asc' | 'desc'>('desc');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [recording, setRecording] = useState(false);
  const [openId, setOpenId] = useState<string>();
  const [changes, setChanges] = useState(0);

  const list = useRequest(
    () => accidentApi.list({ year: year ?? undefined, unitId, sector, grade, order, page, pageSize }),
    [year, unitId, sector, grade, order, page, pageSize, changes],
  );
  const units = useRequest(() => accidentApi.units(), []);
  // Accidents of the veto panel's year, so a proposal names its accidents instead of their numbers.
  const known = useRequest(() => accidentApi.list({ pageSize: 200 }), [changes]);
  const unitNames = useMemo(() => new Map((units.data?.items ?? []).map((u) => [u.id, u.name])), [units.data]);
  const unitName = (id: string | null) => (id == null ? '—' : unitNames.get(id) ?? '其他单位');
  const accidentsById = useMemo(() => new Map((known.data?.items ?? []).map((a) => [a.id, a])), [known.data]);
  const unitOptions = (units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }));
  const reset = <T,>(set: (v: T) => void) => (v: T) => { set(v); setPage(1); };

  const columns: TableProps<AccidentView>['columns'] = [
    { title: '发生时间', dataIndex: 'occurredAt', width: 128, render: occurredText },
    {
      title: '地点与单位', dataIndex: 'place',
      render: (_: unknown, a) => (
        <Space orientation="vertical" size={0}>
          <Typography.Link onClick={() => setOpenId(a.id)}>{a.place ?? a.enterprise ?? '未填地点'}</Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            属地：{unitName(a.territorialUnitId)}；监管：{unitName(a.regulatingUnitId)}
          </Typography.Text>
        </Space>
      ),
    },
    { title: '行业领域', dataIndex: 'sector', width: 100, render: (v: string | null) => (v ? sectorLabel(v) : '—') },
    {
      title: '伤亡', dataIndex: 'deaths', width: 90,
      render: (_: unknown, a) => <Space orientation="vertical" size={0}><span>死亡 {a.deaths} 人</span><span>重伤 {a.seriousInjuries} 人</span></Space>,
    },
    { title: '直接经济损失', dataIndex: 'directLoss', width: 120, render: yuan },
    {
      title: '等级', dataIndex: 'grade', width: 100,
      render: (_: unknown, a) => (
        <Space size={4} wrap>
          <GradeTag grade={a.grade} />
          {!a.liability && <Tag>非责任</Tag>}
        </Space>
      ),
    },
    { title: '操作', key: 'open', width: 64, render: (_: unknown, a) => <Button size="small" type="link" onClick={() => setOpenId(a.id)}>详情</Button> },
  ];

  return (
    <>
      <Typography.Title level={3} className="anke-page-title">事故登记</Typography.Title>
      <Typography.Paragraph type="secondary">
        登记辖区生产安全事故。事故等级按国务院令第493号第三条由伤亡和损失自动认定；伤亡变化以补报方式保存为新版本。达到一票否决规则的事故生成否决建议，由安委办确认或驳回。
      </Typography.Paragraph>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card>
          <Space wrap style={{ marginBottom: 16 }}>
            <label>
              年度：
              <InputNumber aria-label="按年度筛选" min={1990} max={2100} precision={0} placeholder="全部年度" style={{ width: 110 }}
                value={year} onChange={reset(setYear)} />
            </label>
            <label>
              单位：
              <Select aria-label="按单位筛选" allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="全部单位" style={{ width: 180 }}
                options={unitOptions} value={unitId} onChange={reset(setUnitId)} />
            </label>
            <label>
              行业领域：
              <Select aria-label="按行业领域筛选" allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="全部行业" style={{ width: 150 }}
                options={sectorOptions} value={sector} onChange={reset(setSector)} />
            </label>
            <label>
              等级：
              <Select aria-label="按事故等级筛选" allowClear placeholder="全部等级" style={{ width: 120 }} options={gradeOptions}
                value={grade} onChange={reset(setGrade)} />
            </label>
            <label>
              排序：
              <Select aria-label="排序方式" style={{ width: 130 }} value={order} onChange={reset(setOrder)}
                options={[{ value: 'desc', label: '最近发生在前' }, { value: 'asc', label: '最早发生在前' }]} />
            </label>
            {mayRecord && <Button type="primary" onClick={() => setRecording(true)}>登记事故</Button>}
          </Space>
          {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 16 }} />}
          <Table<AccidentView>
            rowKey="id"
            size="middle"
            loading={list.loading}
            columns={columns}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: '没有符合条件的事故' }}
            pagination={registerPagination({ page, pageSize, total: list.data?.total ?? 0, unit: '起', setPage, setPageSize })}
            scroll={{ x: 740 }}
          />
        </Card>
        <VetoPanel mayDecide={me.role === 'committeeAdmin'} accidents={accidentsById} refreshKey={changes} />
      </Space>
      {recording && (
        <AccidentForm
          organisationId={me.organisationId}
          units={units.data?.items ?? []}
          onClose={() => setRecording(false)}
          onSaved={(a) => { setRecording(false); setChanges((n) => n + 1); setOpenId(a.id); }}
        />
      )}
      {openId && (
        <AccidentDetail id={openId} unitName={unitName} mayRecord={mayRecord} onClose={() => setOpenId(undefined)} onChanged={() => setChanges((n) => n + 1)} />
      )}
    </>
  );
}
