import { Alert, Table } from 'antd';
import type { ImportIssueView } from '../../../../shared/schemas/document';

/** A refused workbook: how many problems, and each with its sheet, row and column. */
export function ImportIssues({ issues }: { issues: readonly ImportIssueView[] }) {
  return (
    <>
      <Alert type="error" showIcon title={`工作簿有 ${issues.length} 处问题，没有导入任何数据。请修改后重新导入。`} />
      <Table<ImportIssueView & { key: number }>
        size="small"
        aria-label="有问题的单元格"
        dataSource={issues.map((issue, key) => ({ ...issue, key }))}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 处` }}
        columns={[
          { title: '工作表', dataIndex: 'sheet', width: 110, render: (v: string | null) => v ?? '（整个文件）' },
          { title: '行', dataIndex: 'row', width: 60, render: (v: number | null) => v ?? '—' },
          { title: '列', dataIndex: 'column', width: 60, render: (v: string | null) => v ?? '—' },
          { title: '问题', dataIndex: 'message' },
        ]}
      />
    </>
  );
}
