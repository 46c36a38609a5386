import { Alert, Button, Card, Col, Descriptions, Empty, Result, Row, Skeleton, Space, Statistic, Table, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { enterpriseSizeLabels, standardisationLevelLabels, timelineKindLabels } from '../../../shared/schemas/enterprise';
import { mayList } from '../../access';
import { useRequest } from '../../api/use-request';
import { useAccount } from '../../session/session';
import { enterpriseApi } from './api';
import type { EnterpriseFile, EnterpriseView, TimelineEntry } from './api';
import { EnterpriseForm } from './EnterpriseForm';
import { LicenceTag } from './licence';

type Licence = EnterpriseView['licences'][number];

const kindColors: Record<TimelineEntry['kind'], string> = {
  hazard: 'orange', inspection: 'blue', enforcement: 'volcano', accident: 'red', tip: 'purple', expertReport: 'cyan', training: 'green', licence: 'gray',
};

/** A timeline entry's card: a hazard step's id is the card's id and the step's number (“id#3”). */
export function hazardIdOf(entry: Pick<TimelineEntry, 'kind' | 'id'>): string | null {
  if (entry.kind !== 'hazard') return null;
  const hash = entry.id.lastIndexOf('#');
  return hash > 0 ? entry.id.slice(0, hash) : entry.id;
}

const when = (at: string) => (at.length > 10 ? dayjs(at).format('YYYY-MM-DD HH:mm') : at);

function EntryText({ entry }: { entry: TimelineEntry }) {
  const hazardId = hazardIdOf(entry);
  return (
    <Space orientation="vertical" size={0}>
      <Space size={6} wrap>
        <Tag color={kindColors[entry.kind]}>{timelineKindLabels[entry.kind]}</Tag>
        <Typography.Text type="secondary">{when(entry.at)}</Typography.Text>
      </Space>
      {hazardId ? <Link to={`/hazards/${encodeURIComponent(hazardId)}`}>{entry.title}</Link> : <span>{entry.title}</span>}
    </Space>
  );
}

function Facts({ file }: { file: EnterpriseFile }) {
  const e = file.enterprise;
  return (
    <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
      <Descriptions.Item label="单位名称">{e.name}</Descriptions.Item>
      <Descriptions.Item label="统一社会信用代码">{e.creditCode}</Descriptions.Item>
      <Descriptions.Item label="地址">{e.address}</Descriptions.Item>
      <Descriptions.Item label="法定代表人">{e.legalRepresentative}</Descriptions.Item>
      <Descriptions.Item label="行业领域">{e.sectorLabel}</Descriptions.Item>
      <Descriptions.Item label="企业规模">{enterpriseSizeLabels[e.size]}</Descriptions.Item>
      <Descriptions.Item label="所属镇（街道）">{e.territorialUnitName}</Descriptions.Item>
      <Descriptions.Item label="行业监管部门">{e.regulatingUnitName}</Descriptions.Item>
      <Descriptions.Item label="安全生产标准化等级">{e.standardisationLevel ? standardisationLevelLabels[e.standardisationLevel] : '未填写'}</Descriptions.Item>
      <Descriptions.Item label="安全管理人员">{e.safetyStaff.length > 0 ? e.safetyStaff.map((s) => `${s.name}（${s.role}）`).join('、') : '—'}</Descriptions.Item>
      <Descriptions.Item label="重大危险源">{e.majorHazardSources.length > 0 ? e.majorHazardSources.map((s) => (s.level ? `${s.name}（${s.level}）` : s.name)).join('、') : '无'}</Descriptions.Item>
      <Descriptions.Item label="应急预案">
        {e.emergencyPlans.length > 0
          ? e.emergencyPlans.map((p) => `${p.title}${p.drills.length > 0 ? `，最近演练 ${p.drills.map((d) => d.on).sort().at(-1)}` : ''}`).join('；')
          : '—'}
      </Descriptions.Item>
    </Descriptions>
  );
}

/** /enterprises/:id — 一企一档: the facts, licences with their validity, and every record on one timeline. */
export function Component() {
  const { id = '' } = useParams();
  const me = useAccount();
  const [editing, setEditing] = useState(false);
  const file = useRequest(() => enterpriseApi.file(id), [id]);
  const units = useRequest(() => (editing ? enterpriseApi.units() : Promise.resolve(null)), [editing]);
  const f = file.data;

  if (file.error && !f) {
    return <Result status="404" title="未找到该企业" subTitle={file.error} extra={<Link to="/enterprises">返回企业档案</Link>} />;
  }
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} className="anke-page-title">{f ? f.enterprise.name : '企业档案'}</Typography.Title>
        <Space>
          {f && mayList(me, 'enterprise.manage') && <Button onClick={() => setEditing(true)}>修改档案</Button>}
          <Link to="/enterprises">返回企业档案</Link>
        </Space>
      </Space>
      {file.loading && !f && <Skeleton active />}
      {f && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {file.error && <Alert type="error" showIcon title={file.error} />}
          <Row gutter={16}>
            <Col xs={12} md={6}><Card size="small"><Statistic title="隐患" value={f.counts.hazards} suffix="项" /></Card></Col>
            <Col xs={12} md={6}><Card size="small"><Statistic title="未销号隐患" value={f.counts.openHazards} suffix="项" /></Card></Col>
            <Col xs={12} md={6}><Card size="small"><Statistic title="重大隐患" value={f.counts.majorHazards} suffix="项" /></Card></Col>
            <Col xs={12} md={6}><Card size="small"><Statistic title="事故" value={f.counts.accidents} suffix="起" /></Card></Col>
          </Row>
          <Card size="small" title="基本情况"><Facts file={f} /></Card>
          <Card size="small" title="许可证">
            <Table<Licence>
              rowKey={(l) => `${l.kind}-${l.number}`}
              size="small"
              pagination={false}
              dataSource={f.enterprise.licences}
              locale={{ emptyText: '没有登记许可证' }}
              columns={[
                { title: '名称', dataIndex: 'kind' },
                { title: '证书编号', dataIndex: 'number' },
                { title: '有效期', key: 'validity', width: 220, render: (_: unknown, l) => `${l.validFrom} 至 ${l.validTo}` },
                { title: '状态', dataIndex: 'status', width: 110, render: (_: unknown, l) => <LicenceTag status={l.status} /> },
              ]}
            />
          </Card>
          <Card size="small" title={`档案记录（共 ${f.timeline.length} 条，新的在前）`}>
            {f.timeline.length === 0
              ? <Empty description="还没有记录" />
              : <Timeline items={f.timeline.map((entry) => ({ key: `${entry.kind}-${entry.id}`, color: kindColors[entry.kind], content: <EntryText entry={entry} /> }))} />}
          </Card>
        </Space>
      )}
      {editing && f && units.data && (
        <EnterpriseForm enterprise={f.enterprise} units={units.data.items} onClose={() => setEditing(false)}
          onSaved={() => { setEditing(false); file.reload(); }} />
      )}
    </>
  );
}
