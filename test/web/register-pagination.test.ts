import { describe, expect, it } from 'vitest';
import { registerPagination } from '../../src/web/components/register-pagination';

describe('the registers\' pager', () => {
  it('moves to the chosen page, and back to page 1 when the page size changes', () => {
    const calls: string[] = [];
    const p = registerPagination({ page: 3, pageSize: 20, total: 95, unit: '起', setPage: (n) => calls.push(`page ${n}`), setPageSize: (n) => calls.push(`size ${n}`) });
    expect(p).toMatchObject({ current: 3, pageSize: 20, total: 95, pageSizeOptions: [20, 50, 100, 200] });
    expect(p.showTotal!(95, [41, 60])).toBe('共 95 起');
    p.onChange!(4, 20);
    p.onChange!(4, 50);
    expect(calls).toEqual(['page 4', 'size 20', 'page 1', 'size 50']);
  });
});
