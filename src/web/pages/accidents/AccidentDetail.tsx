import { Alert, App, Button, Card, Descriptions, Drawer, Form, Input, Skeleton, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { updateWindowDays } from '../../../domain/workflow/accident-update';
import { sectorLabel } from '../../../domain/sectors';
import { accidentFiguresSchema } from '../../../shared/schemas/accident';
import { errorMessage } from '../../api/client';
import { useRequest } from '../../api/use-request';
import { zodRule } from '../../components/zod-rule';
import { accidentApi } from './api';
import type { AccidentVersion, AccidentView } from './api';
import { AccidentFiguresFields } from './AccidentFiguresFields';
import { GradeTag } from './grade';
import { ReportTimesCard } from './ReportTimes';

const shape = accidentFiguresSchema.shape;

/** A number the system made up (when none was typed) means nothing to a reader. */
const generated = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const accidentNumber = (id: string) => (generated.test(id) ? '未编号' : id);

export const yuan = (value: number) => `${value.toLocaleString('zh-CN')} 元`;
export const occurredText = (value: string) => (value.length > 10 ? dayjs(value).format('YYYY-MM-DD HH:mm') : value);

interface FiguresForm { deaths?: number; seriousInjuries?: number; directLoss?: number; note?: string }

/** 补报: a change of the figures, kept as a new version with its reason. */
function FiguresUpdate({ accident, onSaved }: { accident: AccidentView; onSaved: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FiguresForm>();
  const [saving, setSaving] = useState(false);
  const save = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return; // the form shows what is wrong
    setSaving(true);
    try {
      const saved = await accidentApi.updateFigures(accident.id, {
        version: accident.version, deaths: values.deaths ?? 0, seriousInjuries: values.seriousInjuries ?? 0,
        directLoss: values.directLoss ?? 0, note: values.note ?? '',
      });
      if (saved.updateWarning) message.warning(saved.updateWarning);
      else message.success(`已补报，现为${saved.gradeLabel}事故`);
      form.resetFields(['note']);
      onSaved();
    } catch (failure) {
      message.error(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Form<FiguresForm>
      form={form}
      layout="vertical"
      aria-label="补报伤亡和损失"
      initialValues={{ deaths: accident.deaths, seriousInjuries: accident.seriousInjuries, directLoss: accident.directLoss }}
    >
      <AccidentFiguresFields />
      <Form.Item label="变化说明" name="note" rules={[zodRule(shape.note, '请写明变化说明，如“伤者经抢救无效死亡”')]}>
        <Input placeholder="如：伤者经抢救无效死亡" maxLength={500} />
      </Form.Item>
      <Button type="primary" loading={saving} onClick={save}>保存补报</Button>
    </Form>
  );
}

/** One accident: its record, its report times per level, every version of its figures (who, when, late or not) and 补报. */
export function AccidentDetail({ id, unitName, mayRecord, onClose, onChanged }: {
  id: string;
  unitName: (id: string | null) => string;
  mayRecord: boolean;
  onClose: () => void;
  onChanged: () => void;
}) {
  const detail = useRequest(() => accidentApi.get(id), [id]);
  const a = detail.data;
  const windowDays = updateWindowDays(a?.sector ?? undefined);
  return (
    <Drawer open title="事故详情" size={760} onClose={onClose} closable={{ 'aria-label': '关闭' }}>
      {detail.error && <Alert type="error" showIcon title={detail.error} />}
      {detail.loading && !a && <Skeleton active />}
      {a && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
            <Descriptions.Item label="事故编号" span={2}>{accidentNumber(a.id)}</Descriptions.Item>
            <Descriptions.Item label="发生时间">{occurredText(a.occurredAt)}</Descriptions.Item>
            <Descriptions.Item label="发生地点">{a.place ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="属地单位">{unitName(a.territorialUnitId)}</Descriptions.Item>
            <Descriptions.Item label="行业领域">{a.sector ? sectorLabel(a.sector) : '—'}</Descriptions.Item>
            <Descriptions.Item label="行业监管部门">{unitName(a.regulatingUnitId)}</Descriptions.Item>
            <Descriptions.Item label="事故单位">{a.enterprise ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="死亡">{a.deaths} 人</Descriptions.Item>
            <Descriptions.Item label="重伤">{a.seriousInjuries} 人</Descriptions.Item>
            <Descriptions.Item label="直接经济损失">{yuan(a.directLoss)}</Descriptions.Item>
            <Descriptions.Item label="责任事故">{a.liability ? '是' : '否'}</Descriptions.Item>
            <Descriptions.Item label="事故等级" span={2}>
              <Space wrap><GradeTag grade={a.grade} />{a.gradeReasons.length > 0 && <span>依据：{a.gradeReasons.join('；')}</span>}</Space>
            </Descriptions.Item>
            <Descriptions.Item label="简要经过" span={2}>{a.summary ?? '—'}</Descriptions.Item>
          </Descriptions>
          <Card size="small" title="报告时限">
            <ReportTimesCard accident={a} mayRecord={mayRecord} onSaved={() => { detail.reload(); onChanged(); }} />
          </Card>
          <Card size="small" title={`数据版本（共 ${a.versions?.length ?? 0} 版）`}>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              伤亡人数变化应自事故发生之日起 {windowDays} 日内补报（国务院令第493号第十三条）；超期的补报照常保存并标记为逾期补报。
            </Typography.Paragraph>
            <Table<AccidentVersion>
              rowKey="version"
              size="small"
              pagination={false}
              dataSource={a.versions ?? []}
              scroll={{ x: 640 }}
              columns={[
                { title: '版本', dataIndex: 'version', width: 60, render: (v: number) => `第 ${v} 版` },
                { title: '死亡', dataIndex: 'deaths', width: 60 },
                { title: '重伤', dataIndex: 'seriousInjuries', width: 60 },
                { title: '直接经济损失', dataIndex: 'directLoss', width: 120, render: yuan },
                { title: '等级', dataIndex: 'grade', width: 100, render: (_: unknown, v) => <GradeTag grade={v.grade} /> },
                {
                  title: '说明', dataIndex: 'note',
                  render: (_: unknown, v) => (
                    <Space wrap size={4}>
                      <span>{v.note ?? (v.version === 1 ? '首次登记' : '—')}</span>
                      {v.late && <Tag color="red">逾期补报</Tag>}
                    </Space>
                  ),
                },
                { title: '修改人', dataIndex: 'changedBy', width: 110, render: (v: string | null | undefined) => v ?? '—' },
                { title: '时间', dataIndex: 'changedAt', width: 140, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
              ]}
            />
          </Card>
          {mayRecord && (
            <Card size="small" title="补报伤亡和损失">
              <FiguresUpdate key={a.version} accident={a} onSaved={() => { detail.reload(); onChanged(); }} />
            </Card>
          )}
        </Space>
      )}
    </Drawer>
  );
}
