import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Progress, Space, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { ImportJobView } from '../../../../shared/schemas/document';
import { errorMessage } from '../../../api/client';
import { useSession } from '../../../session/session';
import { documentPaths, downloadDocument, importJob, uploadItemScores } from './api';
import { ImportIssues } from './ImportIssues';

const pollMs = 500;

/**
 * 导入评分 on the campaign page: the template, the upload, the progress of the import job and,
 * when the workbook is refused, every bad cell with its sheet, row and column.
 */
export function ImportItemScores({ campaignId, onImported }: { campaignId: string; onImported?: () => void }) {
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [job, setJob] = useState<ImportJobView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const role = useSession().account?.role;

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  const follow = (current: ImportJobView) => {
    setJob(current);
    if (current.state === 'running') {
      timer.current = setTimeout(() => {
        importJob(current.id).then(follow, (e: unknown) => setError(errorMessage(e)));
      }, pollMs);
    } else if (current.state === 'succeeded') {
      onImported?.();
    }
  };

  const start = async () => {
    if (!file) return;
    setError(null);
    setJob(null);
    setSending(true);
    try {
      follow(await uploadItemScores(campaignId, file));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSending(false);
    }
  };

  const template = async () => {
    try {
      await downloadDocument(documentPaths.itemScoreTemplate, undefined, '评分表导入模板.xlsx');
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const close = () => {
    if (timer.current) clearTimeout(timer.current);
    setOpen(false);
    setFile(null);
    setJob(null);
    setError(null);
  };

  // The office (安委办) imports the team's scores; the server checks the same.
  if (role !== 'committeeAdmin' && role !== 'systemAdmin') return null;
  const running = sending || job?.state === 'running';
  const fileList: UploadFile[] = file ? [{ uid: 'file', name: file.name, status: 'done' }] : [];
  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => setOpen(true)}>导入评分</Button>
      <Modal
        open={open}
        title="从 Excel 导入考核组评分"
        width={760}
        onCancel={close}
        footer={[
          <Button key="close" onClick={close}>关闭</Button>,
          <Button key="start" type="primary" disabled={!file || running} loading={running} onClick={() => void start()}>开始导入</Button>,
        ]}
      >
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Typography.Paragraph style={{ marginBottom: 0 }}>
            每行一个单位的一项细则：单位名称、细则编号、得分（不适用的填“缺项”）、扣分说明。整个工作簿校验通过后一次导入；有任何问题则一行也不导入，并列出每个有问题的单元格。
          </Typography.Paragraph>
          <Button icon={<DownloadOutlined />} onClick={() => void template()}>下载评分表模板</Button>
          <div>
            <span id="import-file-label" style={{ marginRight: 8 }}>评分表文件（Excel 工作簿）：</span>
            <Upload
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              maxCount={1}
              fileList={fileList}
              beforeUpload={(chosen) => {
                setFile(chosen);
                setJob(null);
                setError(null);
                return false;
              }}
              onRemove={() => setFile(null)}
            >
              <Button aria-labelledby="import-file-label" icon={<UploadOutlined />} disabled={running}>选择文件</Button>
            </Upload>
          </div>
          {error && <Alert type="error" showIcon title={error} />}
          {job && (
            <div>
              <Progress
                percent={job.percent}
                status={job.state === 'failed' ? 'exception' : job.state === 'succeeded' ? 'success' : 'active'}
                aria-label="导入进度"
              />
              <Typography.Text type="secondary">{job.stateLabel}：已读取 {job.processedRows} 行{job.totalRows === null ? '' : `，共 ${job.totalRows} 行`}</Typography.Text>
            </div>
          )}
          {job?.state === 'succeeded' && job.summary && (
            <Alert
              type="success"
              showIcon
              title={`已导入 ${job.summary.units} 个单位的 ${job.summary.items} 项得分${job.summary.skipped ? `（按指标计算的 ${job.summary.skipped} 项未导入）` : ''}。${
                job.summary.teamUnits ? `其中 ${job.summary.teamUnits} 个单位由多名组员评分，导入的分数即为考核组评分，代替组长确认。` : ''}`}
            />
          )}
          {job?.state === 'failed' && <ImportIssues issues={job.issues} />}
        </Space>
      </Modal>
    </>
  );
}
