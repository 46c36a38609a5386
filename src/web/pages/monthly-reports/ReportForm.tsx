import { App, Col, Descriptions, Form, InputNumber, Modal, Row, Typography } from 'antd';
import { useState } from 'react';
import { monthlyReportBodySchema } from '../../../shared/schemas/monthly-report';
import { errorMessage } from '../../api/client';
import { reportApi, typedFigures } from './figures';
import type { MonthReport } from './figures';

const figureSchema = monthlyReportBodySchema.shape.figures.valueType;

/** The month's figures as the liaison types them; the register's figures shown read-only beside them. */
export function ReportForm({ campaignId, unitId, unitName, year, month, onClose, onSaved }: {
  campaignId: string;
  unitId: string;
  unitName: string;
  year: number;
  month: MonthReport;
  onClose: () => void;
  onSaved: (saved: MonthReport) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<string, number | null | undefined>>();
  const [saving, setSaving] = useState(false);
  const save = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return; // the form shows what is wrong
    const figures: Record<string, number> = { ...(month.figures ?? {}) };
    for (const f of typedFigures) {
      const v = values[f.name];
      if (typeof v === 'number') figures[f.name] = v;
      else delete figures[f.name];
    }
    const body = monthlyReportBodySchema.safeParse({ figures });
    if (!body.success) {
      message.error(body.error.issues[0]?.message ?? '填报内容不正确');
      return;
    }
    setSaving(true);
    try {
      const saved = await reportApi.submit(campaignId, unitId, month.month, body.data.figures);
      if (saved.status === 'late') message.warning(`已报送；${year}年${month.month}月月报超过报送期限（${saved.deadline}），记为迟报`);
      else message.success('已报送');
      onSaved(saved);
    } catch (failure) {
      message.error(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={`${unitName} ${year}年${month.month}月月报`}
      okText={month.submittedOn ? '更新报送' : '报送'}
      cancelText="取消"
      onOk={save}
      onCancel={onClose}
      confirmLoading={saving}
      width={640}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        报送期限：{month.deadline}（{month.rule}）。{month.submittedOn ? `首次报送于 ${month.submittedOn}，再次报送只更新数字，不改变是否按时。` : ''}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" aria-label="月报填报" initialValues={month.figures ?? {}}>
        <Row gutter={12}>
          {typedFigures.map((f) => (
            <Col xs={24} md={12} key={f.name}>
              <Form.Item label={f.label} name={f.name} rules={[{ validator: async (_r, v: unknown) => {
                if (v === undefined || v === null) return;
                const r = figureSchema.safeParse(v);
                if (!r.success) throw new Error(`${f.label}：${r.error.issues[0]?.message ?? '数字不正确'}`);
              } }]}>
                <InputNumber min={0} precision={0} style={{ width: '100%' }} suffix={f.unit} placeholder="不填表示本月无此项" />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Form>
      <Descriptions
        title={<span>事故数据 <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>来自事故登记，不需填报</Typography.Text></span>}
        size="small"
        bordered
        column={3}
        items={[
          { key: 'accidents', label: '事故起数', children: `${month.derived.accidents} 起` },
          { key: 'deaths', label: '死亡', children: `${month.derived.deaths} 人` },
          { key: 'injuries', label: '重伤', children: `${month.derived.seriousInjuries} 人` },
        ]}
      />
    </Modal>
  );
}
