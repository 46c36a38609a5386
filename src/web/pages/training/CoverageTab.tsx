import { Alert, Card, Col, Empty, Radio, Row, Select, Skeleton, Space, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { useRequest } from '../../api/use-request';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { trainingApi } from './api';
import type { CoverageView } from './api';
import { rateText } from './training-form';

type Uncovered = CoverageView['uncovered'][number];
type Expiring = CoverageView['expiringSoon'][number];

function Figures({ c }: { c: CoverageView }) {
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Text type="secondary">{c.scope.name}，统计日期 {c.asOf}</Typography.Text>
      <Row gutter={16}>
        <Col span={6}><Card size="small"><Statistic title="须持证人数" value={c.required} suffix="人" /></Card></Col>
        <Col span={6}><Card size="small"><Statistic title="持有效证书" value={c.covered} suffix="人" /></Card></Col>
        <Col span={6}><Card size="small"><Statistic title="覆盖率" value={rateText(c.rate)} /></Card></Col>
        <Col span={6}><Card size="small"><Statistic title="30日内到期" value={c.expiringSoon.length} suffix="本" /></Card></Col>
      </Row>
      <Table rowKey="role" size="small" pagination={false} dataSource={[...c.byRole]}
        columns={[
          { title: '人员类别', dataIndex: 'label' },
          { title: '须持证', dataIndex: 'required', width: 120 },
          { title: '持有效证书', dataIndex: 'covered', width: 120 },
        ]} />
      <Typography.Text strong>未覆盖人员（{c.uncovered.length} 人）</Typography.Text>
      <Table<Uncovered> rowKey="personId" size="small" pagination={false} dataSource={[...c.uncovered]} locale={{ emptyText: '须持证人员均持有效证书' }}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 110 },
          { title: '人员类别', dataIndex: 'roleLabel', width: 150 },
          { title: '生产经营单位', dataIndex: 'enterpriseName' },
          { title: '原因', dataIndex: 'reason' },
        ]} />
      <Typography.Text strong>30日内到期的证书（{c.expiringSoon.length} 本）</Typography.Text>
      <Table<Expiring> rowKey="certificateId" size="small" pagination={false} dataSource={[...c.expiringSoon]} locale={{ emptyText: '没有即将到期的证书' }}
        columns={[
          { title: '证书编号', dataIndex: 'number', width: 170 },
          { title: '持证人', dataIndex: 'personName', width: 110 },
          { title: '生产经营单位', dataIndex: 'enterpriseName' },
          { title: '有效期至', dataIndex: 'expiresOn', width: 120 },
        ]} />
    </Space>
  );
}

/** 覆盖率: one town, department or enterprise → who must hold a certificate, who does, who not and why. */
export function CoverageTab({ unitOptions, version }: { unitOptions: { value: string; label: string }[]; version: number }) {
  const [by, setBy] = useState<'unit' | 'enterprise'>('unit');
  const [unitId, setUnitId] = useState<string>();
  const [enterpriseId, setEnterpriseId] = useState<string>();
  const query = by === 'unit' ? (unitId ? { unitId } : undefined) : (enterpriseId ? { enterpriseId } : undefined);
  const coverage = useRequest(() => (query ? trainingApi.coverage(query) : Promise.resolve(undefined)), [by, unitId, enterpriseId, version]);
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Radio.Group aria-label="统计范围" value={by} onChange={(e) => setBy(e.target.value as 'unit' | 'enterprise')}
          options={[{ value: 'unit', label: '按镇街或部门' }, { value: 'enterprise', label: '按企业' }]} optionType="button" />
        {by === 'unit'
          ? <Select aria-label="统计的镇街或部门" showSearch={{ optionFilterProp: 'label' }} placeholder="选择镇街或部门" style={{ width: 200 }} options={unitOptions} value={unitId} onChange={setUnitId} />
          : <EnterpriseSelect aria-label="统计的企业" placeholder="选择企业" style={{ width: 260 }} value={enterpriseId} onChange={setEnterpriseId} />}
      </Space>
      {coverage.error && <Alert type="error" showIcon title={coverage.error} style={{ marginBottom: 16 }} />}
      {!query && <Empty description="选择镇街、部门或企业后查看覆盖率" />}
      {query && coverage.loading && !coverage.data && <Skeleton active />}
      {query && coverage.data && <Figures c={coverage.data} />}
    </>
  );
}
