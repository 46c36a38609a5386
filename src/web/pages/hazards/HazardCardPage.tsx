import { Alert, Button, Card, Descriptions, Result, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import type { HazardCard } from '../../../domain/ledgers/hazard/hazard-card';
import { escalationLevelLabels, hazardFoundWayLabels } from '../../../shared/schemas/hazard';
import { useRequest } from '../../api/use-request';
import { chinaTimeText } from '../../china-time';
import { useAccount } from '../../session/session';
import { hazardApi } from './api';
import type { HazardCardView, HazardEventView } from './api';
import { hazardRoleOf, openSteps } from './steps';
import { PhotoGallery } from './Photos';
import { fiveInPlaceOptions, StepForms } from './StepForms';
import { DeadlineTags, GradeTag, hazardNumber, StateTag } from './tags';

const yuan = (value: number) => `${value.toLocaleString('zh-CN')} 元`;
const dash = (value: string | undefined | null) => (value && value !== '' ? value : '—');

/** 一隐患一卡: the facts as found and graded, the rectification (with a 重大隐患's plan) and acceptance. */
function CardFacts({ hazard, card }: { hazard: HazardCardView; card: HazardCard }) {
  const r = card.rectification;
  return (
    <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
      <Descriptions.Item label="隐患编号">{hazardNumber(hazard)}</Descriptions.Item>
      <Descriptions.Item label="生产经营单位"><Link to={`/enterprises/${encodeURIComponent(hazard.enterpriseId)}`}>{hazard.enterpriseName}</Link></Descriptions.Item>
      <Descriptions.Item label="属地镇街">{hazard.territorialUnitName}</Descriptions.Item>
      <Descriptions.Item label="行业监管部门">{hazard.regulatingUnitName}</Descriptions.Item>
      <Descriptions.Item label="行业领域">{hazard.sectorLabel}</Descriptions.Item>
      <Descriptions.Item label="发现日期">{hazard.foundOn}</Descriptions.Item>
      <Descriptions.Item label="发现方式">{hazardFoundWayLabels[hazard.foundWay]}</Descriptions.Item>
      <Descriptions.Item label="发现人">{card.foundBy}</Descriptions.Item>
      <Descriptions.Item label="隐患部位" span={2}>{card.place}</Descriptions.Item>
      <Descriptions.Item label="隐患描述" span={2}>{hazard.description}</Descriptions.Item>
      <Descriptions.Item label="整改前照片" span={2}><PhotoGallery ids={hazard.photosBefore} label="整改前照片" /></Descriptions.Item>
      <Descriptions.Item label="执法文书编号" span={2}>{card.enforcementDocumentNumbers.length > 0 ? card.enforcementDocumentNumbers.join('、') : '—'}</Descriptions.Item>
      <Descriptions.Item label="隐患等级"><GradeTag grade={hazard.grade} /></Descriptions.Item>
      <Descriptions.Item label="定级日期">{dash(card.gradedOn)}</Descriptions.Item>
      <Descriptions.Item label="判定依据" span={2}>{dash(card.legalBasis)}</Descriptions.Item>
      <Descriptions.Item label="整改措施" span={2}>{dash(r?.measures)}</Descriptions.Item>
      <Descriptions.Item label="整改责任人">{dash(r?.responsiblePerson)}</Descriptions.Item>
      <Descriptions.Item label="整改期限">{dash(r?.deadline)}</Descriptions.Item>
      <Descriptions.Item label="整改资金">{r?.fundsYuan === undefined ? '—' : yuan(r.fundsYuan)}</Descriptions.Item>
      <Descriptions.Item label="临时管控措施">{dash(r?.temporaryMeasures)}</Descriptions.Item>
      {r?.plan && (
        <>
          <Descriptions.Item label="治理的目标和任务" span={2}>{r.plan.goal}</Descriptions.Item>
          <Descriptions.Item label="采取的方法和措施" span={2}>{r.plan.measures}</Descriptions.Item>
          <Descriptions.Item label="经费和物资">{yuan(r.plan.funds.amountYuan)}（{r.plan.funds.source}）</Descriptions.Item>
          <Descriptions.Item label="负责治理的机构和人员">{r.plan.responsibleBody}，{r.plan.responsiblePerson}</Descriptions.Item>
          <Descriptions.Item label="治理的时限">{r.plan.deadline}</Descriptions.Item>
          <Descriptions.Item label="安全措施和应急预案">{r.plan.safetyAndEmergencyMeasures}</Descriptions.Item>
        </>
      )}
      {r?.fiveInPlace && (
        <Descriptions.Item label="五到位" span={2}>
          <Space size={4} wrap>
            {fiveInPlaceOptions.map((o) => <Tag key={o.value} color={r.fiveInPlace?.[o.value] ? 'green' : 'default'}>{o.label}</Tag>)}
          </Space>
        </Descriptions.Item>
      )}
      <Descriptions.Item label="整改情况说明" span={2}>{dash(card.rectificationSummary)}</Descriptions.Item>
      <Descriptions.Item label="整改后照片" span={2}><PhotoGallery ids={hazard.photosAfter} label="整改后照片" /></Descriptions.Item>
      <Descriptions.Item label="申请验收日期">{dash(card.acceptanceAppliedOn)}</Descriptions.Item>
      <Descriptions.Item label="应验收日期">{dash(card.acceptanceDueOn)}</Descriptions.Item>
      <Descriptions.Item label="验收日期">{dash(card.acceptedOn)}</Descriptions.Item>
      <Descriptions.Item label="验收人">{dash(card.reviewer)}</Descriptions.Item>
      <Descriptions.Item label="验收结论" span={2}>{dash(card.acceptanceConclusion)}</Descriptions.Item>
      <Descriptions.Item label="销号日期">{dash(hazard.closedOn)}</Descriptions.Item>
      <Descriptions.Item label="退回次数">{hazard.returnCount} 次</Descriptions.Item>
      <Descriptions.Item label="督办" span={2}>
        {hazard.escalation.level === 'none' ? '无' : `${escalationLevelLabels[hazard.escalation.level]}${hazard.escalation.by ? `（${hazard.escalation.by}）` : ''}：${hazard.escalation.reason}`}
      </Descriptions.Item>
    </Descriptions>
  );
}

function History({ events }: { events: readonly HazardEventView[] }) {
  return (
    <Table<HazardEventView>
      rowKey="seq"
      size="small"
      pagination={false}
      dataSource={[...events]}
      scroll={{ x: 700 }}
      columns={[
        { title: '时间', dataIndex: 'at', width: 140, render: (v: string) => chinaTimeText(v) },
        { title: '步骤', dataIndex: 'actionLabel', width: 90 },
        { title: '办理身份', dataIndex: 'actorRoleLabel', width: 190 },
        {
          title: '办理情况', dataIndex: 'summary',
          render: (_: unknown, e) => (
            <Space orientation="vertical" size={0}>
              <Space size={4} wrap>
                <span>{e.summary}</span>
                {e.flags.includes('lateAcceptance') && <Tag color="orange">超期验收</Tag>}
              </Space>
              {e.reason && <Typography.Text type="secondary">理由：{e.reason}</Typography.Text>}
            </Space>
          ),
        },
      ]}
    />
  );
}

/** /hazards/:id — one card (一隐患一卡), its history, and the steps the signed-in account may take. */
export function Component() {
  const { id = '' } = useParams();
  const me = useAccount();
  const detail = useRequest(() => hazardApi.get(id), [id]);
  // A liaison acts as its town's officer or its department's inspector, by its unit's category.
  const units = useRequest(() => (me.unitId ? hazardApi.units() : Promise.resolve(null)), [me.unitId]);
  const category = units.data?.items.find((u) => u.id === me.unitId)?.category;
  const h = detail.data;
  const card = h?.card as HazardCard | undefined;
  const role = hazardRoleOf(me.role, category);
  const open = h && card ? openSteps({ ...card, state: h.state }, role, me.unitId, me.id) : { actions: [], grades: [] };

  if (detail.error && !h) {
    return <Result status="404" title="未找到该隐患" subTitle={detail.error} extra={<Link to="/hazards">返回隐患台账</Link>} />;
  }
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} className="anke-page-title">隐患卡片{h ? ` ${hazardNumber(h)}` : ''}</Typography.Title>
        <Link to="/hazards">返回隐患台账</Link>
      </Space>
      {detail.loading && !h && <Skeleton active />}
      {h && card && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {detail.error && <Alert type="error" showIcon title={detail.error} />}
          <Space size={8} wrap>
            <StateTag state={h.state} />
            <GradeTag grade={h.grade} />
            <DeadlineTags hazard={h} />
            <Typography.Text type="secondary">{h.enterpriseName}，{h.territorialUnitName}</Typography.Text>
          </Space>
          <Card size="small" title="办理">
            {open.actions.length > 0
              ? <StepForms hazard={h} open={open} onDone={detail.reload} />
              : <Typography.Text type="secondary">{h.state === 'closed' ? '该隐患已销号，办结。' : '当前没有需要您办理的步骤。'}</Typography.Text>}
            {open.actions.length === 0 && h.state !== 'closed' && (
              <div style={{ marginTop: 8 }}><Button size="small" onClick={detail.reload}>刷新</Button></div>
            )}
          </Card>
          <Card size="small" title="隐患卡片（一隐患一卡）"><CardFacts hazard={h} card={card} /></Card>
          <Card size="small" title={`办理记录（共 ${h.events.length} 步）`}><History events={h.events} /></Card>
        </Space>
      )}
    </>
  );
}
