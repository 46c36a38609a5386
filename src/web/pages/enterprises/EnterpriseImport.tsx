import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/client';
import { enterpriseApi, importErrorLines } from './api';

/** 从 Excel 导入: the whole sheet or nothing (docs/ledgers.md §9); a refusal lists every wrong cell. */
export function EnterpriseImport({ onClose, onImported }: { onClose: () => void; onImported: () => void }) {
  const { message } = App.useApp();
  const [file, setFile] = useState<File>();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<{ heading: string; lines: string[] }>();

  const run = async () => {
    if (!file) return;
    setSaving(true);
    setRefusal(undefined);
    try {
      const result = await enterpriseApi.importXlsx(file);
      message.success(`已导入 ${result.imported} 家生产经营单位`);
      onImported();
    } catch (failure) {
      setRefusal(importErrorLines(errorMessage(failure)));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open title="从表格导入企业" width={720} onCancel={onClose} okText="导入" cancelText="取消"
      okButtonProps={{ disabled: !file, loading: saving }} onOk={() => void run()}
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          表头应包括：单位名称、统一社会信用代码、地址、法定代表人、行业领域、企业规模、所属镇（街道）、行业监管部门，可另加标准化等级。
          全部行都正确才导入；有任何错误时不导入任何数据，并逐行列出错误。
        </Typography.Paragraph>
        <Upload
          accept=".xlsx" maxCount={1} showUploadList={false}
          beforeUpload={(f) => { setFile(f); setRefusal(undefined); return false; }}
        >
          <Button icon={<UploadOutlined />}>选择表格文件</Button>
        </Upload>
        {file && <Typography.Text>已选择：{file.name}</Typography.Text>}
        {refusal && (
          <Alert
            type="error" showIcon title={refusal.heading}
            description={refusal.lines.length > 0 && (
              <ol style={{ margin: 0, paddingLeft: 20, maxHeight: 280, overflowY: 'auto' }} aria-label="导入错误">
                {refusal.lines.map((line) => <li key={line}>{line}</li>)}
              </ol>
            )}
          />
        )}
      </Space>
    </Modal>
  );
}
