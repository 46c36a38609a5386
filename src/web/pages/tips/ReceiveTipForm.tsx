import { App, Button, DatePicker, Drawer, Form, Input, Radio, Select, Space, Switch, Typography } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { tipChannelLabels, tipSubjectLabels } from '../../../shared/schemas/tip';
import type { TipCreate } from '../../../shared/schemas/tip';
import { errorMessage } from '../../api/client';
import { useRequest } from '../../api/use-request';
import { tipApi } from './api';
import type { TipView } from './api';

interface ReceiveForm {
  channel?: TipCreate['channel'];
  anonymous: boolean;
  reporterName?: string;
  reporterContact?: string;
  receivedAt?: Dayjs;
  subject?: TipCreate['subject'];
  enterpriseId?: string;
  place?: string;
  description?: string;
}

const text = (v: string | undefined) => (v && v.trim() !== '' ? v.trim() : undefined);

/** 受理举报: channel, named or anonymous, what is reported and about whom; received now unless told. */
export function ReceiveTipForm({ onClose, onSaved }: { onClose: () => void; onSaved: (t: TipView) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ReceiveForm>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [search, setSearch] = useState<string>();
  const anonymous = Form.useWatch('anonymous', form);
  const enterprises = useRequest(() => tipApi.enterprises(search), [search]);

  const submit = async (v: ReceiveForm) => {
    setSaving(true);
    setError(null);
    try {
      const saved = await tipApi.receive({
        channel: v.channel!, anonymous: v.anonymous === true, subject: v.subject!, description: v.description!.trim(),
        ...(v.anonymous ? {} : { reporterName: text(v.reporterName), reporterContact: text(v.reporterContact) }),
        ...(v.receivedAt ? { receivedAt: v.receivedAt.format('YYYY-MM-DDTHH:mm:ssZ') } : {}),
        ...(v.enterpriseId ? { enterpriseId: v.enterpriseId } : {}), ...(text(v.place) ? { place: text(v.place) } : {}),
      });
      void message.success('已受理举报，请交办负责核查的单位。');
      onSaved(saved);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer open title="受理举报" size={560} onClose={onClose} destroyOnHidden
      extra={<Space><Button onClick={onClose}>取消</Button><Button type="primary" loading={saving} onClick={() => form.submit()}>受理</Button></Space>}>
      <Form<ReceiveForm> form={form} layout="vertical" initialValues={{ anonymous: false, channel: 'phoneLine' }} onFinish={(v) => void submit(v)}>
        {error && <Typography.Paragraph type="danger" role="alert">{error}</Typography.Paragraph>}
        <Form.Item name="channel" label="举报渠道" rules={[{ required: true, message: '请选择举报渠道' }]}>
          <Radio.Group options={Object.entries(tipChannelLabels).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="anonymous" label="匿名举报" valuePropName="checked" extra="匿名举报不登记举报人身份；未留联系方式的无需答复">
          <Switch aria-label="匿名举报" />
        </Form.Item>
        {!anonymous && (
          <>
            <Form.Item name="reporterName" label="举报人姓名" rules={[{ required: true, whitespace: true, message: '实名举报须填写举报人姓名' }]}>
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item name="reporterContact" label="联系方式"><Input maxLength={100} /></Form.Item>
          </>
        )}
        <Form.Item name="receivedAt" label="受理时间" extra="不填为现在">
          <DatePicker aria-label="受理时间" showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="subject" label="举报事项" rules={[{ required: true, message: '请选择举报事项' }]}>
          <Select aria-label="举报事项" options={Object.entries(tipSubjectLabels).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="enterpriseId" label="被举报的生产经营单位（已建档的）">
          <Select aria-label="被举报的生产经营单位" allowClear showSearch={{ filterOption: false, onSearch: (v) => setSearch(v.trim() === '' ? undefined : v.trim()) }}
            placeholder="输入名称查找" options={(enterprises.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))} />
        </Form.Item>
        <Form.Item name="place" label="涉及的部位或地点"><Input maxLength={200} /></Form.Item>
        <Form.Item name="description" label="举报内容" rules={[{ required: true, whitespace: true, message: '请填写举报内容' }]}>
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
