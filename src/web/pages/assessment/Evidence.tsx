import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { UnitCriterion } from '../../../shared/schemas/criteria';
import { errorMessage } from '../../api/client';
import type { EvidenceFile } from './api';
import { evidenceApi, fileUrl } from './api';

interface Props {
  campaignId: string;
  unitId: string;
  kind: 'self' | 'team';
  criterion: UnitCriterion;
  files: readonly EvidenceFile[];
  editable: boolean;
  onChange: (files: EvidenceFile[]) => void;
  /** Given a refusal to show on the page and reload what may have changed; without it the refusal is a toast. */
  onRefused?: (error: unknown) => void;
}

/** 佐证材料 of one criterion's score: the files (download), and, while editable, add and remove. */
export function Evidence({ campaignId, unitId, kind, criterion: c, files, editable, onChange, onRefused }: Props) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const what = kind === 'self' ? '自评佐证材料' : '考核佐证材料';
  if (!editable && files.length === 0) return null;
  const refused = (error: unknown) => {
    if (onRefused) onRefused(error);
    else message.error(errorMessage(error));
  };
  const add = async (file: File) => {
    setBusy(true);
    try {
      onChange((await evidenceApi.add(campaignId, unitId, kind, c.id, file)).files);
      message.success(`已上传“${file.name}”`);
    } catch (error) {
      refused(error);
    } finally {
      setBusy(false);
    }
  };
  const remove = async (f: EvidenceFile) => {
    setBusy(true);
    try {
      onChange((await evidenceApi.remove(campaignId, unitId, kind, c.id, f.fileId)).files);
    } catch (error) {
      refused(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div aria-label={`${c.id} ${c.name} ${what}`} style={{ marginTop: 4 }}>
      {files.map((f) => (
        <Space key={f.fileId} size={4} style={{ display: 'flex' }}>
          <PaperClipOutlined />
          <Typography.Link href={fileUrl(f.fileId)} download={f.name} ellipsis style={{ maxWidth: 180, fontSize: 12 }}>{f.name}</Typography.Link>
          {editable && (
            <Button
              type="text" size="small" icon={<DeleteOutlined />} disabled={busy} aria-label={`移除${f.name}`}
              onClick={() => void remove(f)}
            />
          )}
        </Space>
      ))}
      {editable && (
        <Upload showUploadList={false} beforeUpload={(file) => { void add(file); return false; }} disabled={busy}>
          <Button size="small" icon={<UploadOutlined />} loading={busy} aria-label={`${c.id} ${c.name} 上传${what}`}>上传佐证材料</Button>
        </Upload>
      )}
    </div>
  );
}
