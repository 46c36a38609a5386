import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Space, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useState } from 'react';
import type { ImportIssueView } from '../../../../shared/schemas/document';
import { errorMessage } from '../../../api/client';
import { documentPaths, downloadDocument, uploadCriteria } from './api';
import { ImportIssues } from './ImportIssues';

/**
 * 考核细则 in Excel on the campaign page (office, before self-assessment opens): download the
 * criteria in force, edit them, import them back as the scheme's next version; a refused
 * workbook lists every problem and changes nothing.
 */
export function ImportCriteria({ campaignId, campaignName, onImported }: { campaignId: string; campaignName: string; onImported: () => void }) {
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [issues, setIssues] = useState<ImportIssueView[] | null>(null);
  const [done, setDone] = useState<{ schemeVersion: number; criteria: number } | null>(null);

  const reset = () => { setError(null); setIssues(null); setDone(null); };
  const close = () => { setOpen(false); setFile(null); reset(); };
  const start = async () => {
    if (!file) return;
    reset();
    setSending(true);
    try {
      const answer = await uploadCriteria(campaignId, file);
      if (answer.ok) { setDone(answer); onImported(); } else setIssues(answer.issues);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSending(false);
    }
  };
  const download = async () => {
    try {
      await downloadDocument(documentPaths.criteria(campaignId), undefined, `${campaignName}考核细则.xlsx`);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const fileList: UploadFile[] = file ? [{ uid: 'file', name: file.name, status: 'done' }] : [];
  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => setOpen(true)}>导入考核细则</Button>
      <Modal open={open} title="从 Excel 导入考核细则" width={760} onCancel={close}
        footer={[
          <Button key="close" onClick={close}>关闭</Button>,
          <Button key="start" type="primary" disabled={!file || sending} loading={sending} onClick={() => void start()}>开始导入</Button>,
        ]}>
        <Space orientation="vertical" style={{ width: '100%' }} size="middle">
          <Typography.Paragraph style={{ marginBottom: 0 }}>
            每行一项细则：编号（以点分隔层级）、考核项目、标准分、评分方法、评分标准、适用类别。导入后替换现行方案的细则，保存为新版本；扣分项在评分标准中写明“每次扣几分”，公式项沿用方案中同一编号的指标和计算规则。单位自评开始后不能再修改。
          </Typography.Paragraph>
          <Button icon={<DownloadOutlined />} onClick={() => void download()}>下载现行考核细则</Button>
          <div>
            <span id="criteria-file-label" style={{ marginRight: 8 }}>考核细则文件（Excel 工作簿）：</span>
            <Upload accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" maxCount={1} fileList={fileList}
              beforeUpload={(chosen) => { setFile(chosen); reset(); return false; }} onRemove={() => setFile(null)}>
              <Button aria-labelledby="criteria-file-label" icon={<UploadOutlined />} disabled={sending}>选择文件</Button>
            </Upload>
          </div>
          {error && <Alert type="error" showIcon title={error} />}
          {done && <Alert type="success" showIcon title={`已导入 ${done.criteria} 项细则，考核方案更新为第 ${done.schemeVersion} 版。`} />}
          {issues && <ImportIssues issues={issues} />}
        </Space>
      </Modal>
    </>
  );
}
