import { Form, Input, Modal } from 'antd';
import { z } from 'zod';
import { noticeQuerySchema } from '../../../../shared/schemas/document';
import { zodRule } from '../../../components/zod-rule';

export interface RedHeader { header: string; number?: string }

/** 带红头的通报: the issuing organ's mark (发文机关标志) and, if any, the document number (发文字号). */
export function RedHeaderModal({ version, busy, onDownload, onClose }: {
  version: number | null; busy: boolean; onDownload: (values: RedHeader) => void; onClose: () => void;
}) {
  const [form] = Form.useForm<RedHeader>();
  const submit = async () => {
    let values: RedHeader;
    try {
      values = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    onDownload(values);
  };
  return (
    <Modal
      open
      title={version === null ? '带红头的通报（征求意见稿）' : `带红头的通报（第 ${version} 版）`}
      okText="下载"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="header" label="发文机关标志" rules={[zodRule(noticeQuerySchema.shape.header.unwrap(), '请填写发文机关标志')]}>
          <Input placeholder="如：周村区安全生产委员会文件" maxLength={30} />
        </Form.Item>
        <Form.Item name="number" label="发文字号（可不填）" rules={[zodRule(noticeQuerySchema.shape.number.or(z.literal('')))]}>
          <Input placeholder="如：周安委〔2015〕1号" maxLength={40} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
