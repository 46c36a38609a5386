import type { TablePaginationConfig } from 'antd';

/**
 * The pager every register (台账) shows: the page and its size as the page's state, the total
 * with its measure word (共 N 项/起/件), page sizes up to the API's 200, and back to page 1 when
 * the size changes.
 */
export function registerPagination(p: {
  page: number; pageSize: number; total: number; unit: string;
  /** The server stopped counting at `total` (the audit trail): there are more rows than that. */
  totalCapped?: boolean | undefined;
  setPage: (page: number) => void; setPageSize: (size: number) => void;
}): TablePaginationConfig {
  return {
    current: p.page,
    pageSize: p.pageSize,
    total: p.total,
    showSizeChanger: true,
    pageSizeOptions: [20, 50, 100, 200],
    showTotal: (total) => (p.totalCapped ? `超过 ${total} ${p.unit}` : `共 ${total} ${p.unit}`),
    onChange: (page, size) => { p.setPage(size === p.pageSize ? page : 1); p.setPageSize(size); },
  };
}
