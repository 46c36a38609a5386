import { Alert, Button, Card, Descriptions, Result, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { accidentGradeLabels } from '../../../domain/accidents/grade';
import { tipSubjectLabels } from '../../../shared/schemas/tip';
import { useRequest } from '../../api/use-request';
import { useAccount } from '../../session/session';
import { chinaTimeText, chinaToday } from '../../china-time';
import { tipApi } from './api';
import type { TipView } from './api';
import { ReplyStatusTag } from './tags';
import type { TipAction } from './tip-actions';
import { TIP_ACTION_ZH, tipActions } from './tip-actions';
import { TipActionForm } from './TipActionForm';

const yuan = (v: number | null | undefined) => (v == null ? '—' : `${v.toLocaleString('zh-CN')} 元`);

function Facts({ t, unitName }: { t: TipView; unitName: string }) {
  const v = t.verification;
  return (
    <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
      <Descriptions.Item label="受理时间">{chinaTimeText(t.receivedAt)}</Descriptions.Item>
      <Descriptions.Item label="渠道">{t.channelLabel}</Descriptions.Item>
      <Descriptions.Item label="举报人">{t.anonymous ? '匿名' : t.reporter ? `${t.reporter.name ?? ''}${t.reporter.contact ? `（${t.reporter.contact}）` : ''}` : '实名（仅安委办可见）'}</Descriptions.Item>
      <Descriptions.Item label="举报事项">{tipSubjectLabels[t.subject]}</Descriptions.Item>
      <Descriptions.Item label="涉及部位或地点">{t.place ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="负责核查单位">{unitName}</Descriptions.Item>
      <Descriptions.Item label="举报内容" span={2}>{t.description}</Descriptions.Item>
      <Descriptions.Item label="办理期限">{t.handlingDueOn}</Descriptions.Item>
      <Descriptions.Item label="答复期限">{t.replyDueOn}</Descriptions.Item>
      {t.extension && <Descriptions.Item label="延期" span={2}>{t.extension.approvedOn}批准：{t.extension.reason}</Descriptions.Item>}
      {v && (
        <>
          <Descriptions.Item label="核查结论">{v.verified ? '属实' : '不属实'}（{v.verifiedOn}）</Descriptions.Item>
          <Descriptions.Item label="罚款金额">{yuan(v.fineYuan)}</Descriptions.Item>
          <Descriptions.Item label="核查情况" span={2}>{v.findings}</Descriptions.Item>
          {v.accidentGrade && <Descriptions.Item label="事故最终等级">{accidentGradeLabels[v.accidentGrade]}</Descriptions.Item>}
          {v.concealedDeaths != null && <Descriptions.Item label="瞒报死亡人数">{v.concealedDeaths} 人</Descriptions.Item>}
        </>
      )}
      {t.hazardId && <Descriptions.Item label="隐患卡" span={2}><Link to={`/hazards/${encodeURIComponent(t.hazardId)}`}>查看据此建立的隐患卡</Link></Descriptions.Item>}
      {t.reply && <Descriptions.Item label="答复举报人" span={2}>{t.reply.repliedOn}：{t.reply.text}</Descriptions.Item>}
      {t.reward && (
        <Descriptions.Item label={t.reward.decided ? '核定奖励' : '奖励测算'} span={2}>
          <Space orientation="vertical" size={0}>
            <span>{t.reward.eligible ? (t.reward.amountYuan != null ? yuan(t.reward.amountYuan) : `${yuan(t.reward.minYuan)}至${yuan(t.reward.maxYuan)}`) : '不予奖励'}{t.reward.decidedOn ? `（${t.reward.decidedOn}核定）` : ''}</span>
            <Typography.Text type="secondary">{t.reward.detail}{t.reward.basis ? `（${t.reward.basis}）` : ''}</Typography.Text>
          </Space>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

/** /tips/:id — one tip: its facts, deadlines and reply status, and the handling step the account may take. */
export function Component() {
  const { id = '' } = useParams();
  const me = useAccount();
  const detail = useRequest(() => tipApi.get(id), [id]);
  const units = useRequest(() => tipApi.units(), []);
  const [current, setCurrent] = useState<TipView>();
  const [action, setAction] = useState<TipAction>();
  const t = current?.id === id ? current : detail.data;
  const office = me.role === 'committeeAdmin' || me.role === 'systemAdmin';
  const mayManage = office || (me.role === 'unitLiaison' && t?.assignedUnitId === me.unitId);
  const actions = t ? tipActions(t, { office, mayManage }, chinaToday()) : [];
  const unitName = t?.assignedUnitId ? units.data?.items.find((u) => u.id === t.assignedUnitId)?.name ?? '—' : '未交办';

  if (detail.error && !t) return <Result status="404" title="未找到该举报" subTitle={detail.error} extra={<Link to="/tips">返回举报台账</Link>} />;
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} className="anke-page-title">举报：{t ? tipSubjectLabels[t.subject] : ''}</Typography.Title>
        <Link to="/tips">返回举报台账</Link>
      </Space>
      {detail.loading && !t && <Skeleton active />}
      {t && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Space size={4} wrap><Tag>{t.stageLabel}</Tag><ReplyStatusTag status={t.replyStatus} /></Space>
          {t.replyStatus === 'overdue' && <Alert type="error" showIcon title={`已超过答复期限（${t.replyDueOn}），请尽快答复举报人。`} />}
          <Card size="small" title="办理">
            {actions.length === 0 && <Typography.Text type="secondary">当前没有需要您办理的步骤。</Typography.Text>}
            {!action && <Space wrap>{actions.map((a) => <Button key={a} onClick={() => setAction(a)}>{TIP_ACTION_ZH[a]}</Button>)}</Space>}
            {action && <TipActionForm key={`${action}-${t.version}`} tip={t} action={action} onCancel={() => setAction(undefined)} onDone={(next) => { setCurrent(next); setAction(undefined); }} />}
          </Card>
          <Card size="small" title="举报情况"><Facts t={t} unitName={unitName} /></Card>
        </Space>
      )}
    </>
  );
}
