import { PlusOutlined } from '@ant-design/icons';
import { App, Image, Space, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/client';
import { uploadUnitFile } from '../../api/upload';

const MAX_PHOTOS = 20;
const photoUrl = (id: string) => `/api/files/${encodeURIComponent(id)}`;

/**
 * 整改前/整改后照片 on a form: each chosen picture is uploaded at once as a file of `unitId`
 * (the reader's own unit, or the enterprise's town for the office) and the field's value is the
 * stored files' ids, which the card's step names. Form.Item's value and onChange pass through.
 */
export function PhotosInput({ unitId, value, onChange, label }: {
  unitId: string | undefined; value?: string[]; onChange?: (ids: string[]) => void; label: string;
}) {
  const { message } = App.useApp();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const ids = value ?? [];
  const emit = (next: UploadFile[]) => {
    setFiles(next);
    onChange?.(next.filter((f) => f.status === 'done' && typeof f.response === 'string').map((f) => f.response as string));
  };
  if (!unitId) return <Typography.Text type="secondary">请先选择生产经营单位，再上传照片。</Typography.Text>;
  return (
    <Upload
      accept="image/png,image/jpeg"
      listType="picture-card"
      multiple
      fileList={files}
      aria-label={label}
      customRequest={({ file, onSuccess, onError }) => {
        uploadUnitFile(unitId, file as File).then(
          (stored) => onSuccess?.(stored.id),
          (failure: unknown) => {
            void message.error(errorMessage(failure));
            onError?.(failure instanceof Error ? failure : new Error(errorMessage(failure)));
          },
        );
      }}
      onChange={({ fileList }) => emit(fileList.filter((f) => f.status !== 'error'))}
    >
      {ids.length + files.filter((f) => f.status === 'uploading').length >= MAX_PHOTOS ? null : (
        <button type="button" style={{ border: 0, background: 'none' }}>
          <PlusOutlined />
          <div style={{ marginTop: 8 }}>上传照片</div>
        </button>
      )}
    </Upload>
  );
}

/** The photos of a card, as thumbnails that open full size. */
export function PhotoGallery({ ids, label }: { ids: readonly string[]; label: string }) {
  if (ids.length === 0) return <>—</>;
  return (
    <Image.PreviewGroup>
      <Space wrap>
        {ids.map((id, i) => <Image key={id} src={photoUrl(id)} width={96} height={72} style={{ objectFit: 'cover' }} alt={`${label}${i + 1}`} />)}
      </Space>
    </Image.PreviewGroup>
  );
}
