import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Form, Input, Radio, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { reportAuthorKindLabels, reportAuthorKindSchema } from '../../../shared/schemas/inspection';
import { errorMessage } from '../../api/client';
import { withFieldNames } from '../../field-errors';
import { inspectionApi } from './api';
import type { InspectionReportView, InspectionView } from './api';
import { chinaToday, inspectionFieldLabels, reportBody } from './inspection-form';
import type { ReportFormValues } from './inspection-form';
import { DayInput } from '../../components/DayInput';

const authorOptions = reportAuthorKindSchema.options.map((value) => ({ value, label: reportAuthorKindLabels[value] }));

/**
 * 附加检查报告 of an expert or a 安全生产服务机构: who wrote it, its title, conclusions and day, and
 * optionally its file, uploaded first as a file of the reader's own unit (or of the enterprise's town).
 */
export function ReportForm({ inspection, uploadUnitId, onClose, onDone }: {
  inspection: InspectionView; uploadUnitId: string; onClose: () => void; onDone: (r: InspectionReportView) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ReportFormValues>();
  const [file, setFile] = useState<File>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (v: ReportFormValues) => {
    setSaving(true);
    setError(null);
    try {
      const stored = file ? await inspectionApi.uploadFile(uploadUnitId, file) : undefined;
      const saved = await inspectionApi.attachReport(inspection.id, reportBody(v, stored?.id));
      void message.success(`已附加报告“${saved.title}”。`);
      onDone(saved);
    } catch (failure) {
      setError(withFieldNames(errorMessage(failure), inspectionFieldLabels));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer open title="附加检查报告" size={560} onClose={onClose} destroyOnHidden
      extra={<Space><Button onClick={onClose}>取消</Button><Button type="primary" loading={saving} onClick={() => form.submit()}>附加</Button></Space>}>
      <Form<ReportFormValues> form={form} layout="vertical" initialValues={{ authorKind: 'expert', reportedOn: chinaToday(new Date()) }} onFinish={(v) => void submit(v)}>
        {error && <Typography.Paragraph type="danger" role="alert">{error}</Typography.Paragraph>}
        <Form.Item name="authorKind" label="出具方">
          <Radio.Group aria-label="出具方" options={authorOptions} />
        </Form.Item>
        <Form.Item name="authorName" label="出具报告的专家或服务机构" rules={[{ required: true, whitespace: true, message: '请填写出具报告的专家或服务机构' }]}>
          <Input aria-label="出具报告的专家或服务机构" maxLength={200} />
        </Form.Item>
        <Form.Item name="title" label="报告标题" rules={[{ required: true, whitespace: true, message: '请填写报告标题' }]}>
          <Input aria-label="报告标题" maxLength={200} />
        </Form.Item>
        <Form.Item name="reportedOn" label="报告日期" rules={[{ required: true, message: '请填写报告日期' }]}>
          <DayInput aria-label="报告日期" style={{ width: 170 }} />
        </Form.Item>
        <Form.Item name="summary" label="主要结论" rules={[{ required: true, whitespace: true, message: '请填写主要结论' }]}>
          <Input.TextArea aria-label="主要结论" rows={4} maxLength={4000} />
        </Form.Item>
        <Form.Item label="报告文件" extra="可不附文件；可选扫描件、图片或文档">
          <Space>
            <Upload accept=".pdf,.jpg,.jpeg,.png,.webp,.docx,.xlsx" showUploadList={false} beforeUpload={(f) => { setFile(f); return false; }}>
              <Button icon={<UploadOutlined />}>选择文件</Button>
            </Upload>
            {file && <Typography.Text>{file.name}</Typography.Text>}
            {file && <Button type="link" onClick={() => setFile(undefined)}>不附文件</Button>}
          </Space>
        </Form.Item>
      </Form>
    </Drawer>
  );
}
