import { Select } from 'antd';
import type { SelectProps } from 'antd';
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { enterpriseListSchema, EnterpriseView } from '../../shared/schemas/enterprise';
import { api } from '../api/client';
import { useRequest } from '../api/use-request';

// Names of ledger enterprises already looked up, so an id kept on a record (an expert's employer,
// a filter) is shown by its name and never as the bare id.
const names = new Map<string, string>();

async function enterpriseName(id: string): Promise<string> {
  const known = names.get(id);
  if (known) return known;
  const e = await api.get<EnterpriseView>(`/api/enterprises/${encodeURIComponent(id)}`);
  names.set(id, e.name);
  return e.name;
}

/** The names of the given enterprise ids, fetched once each; unknown or unreadable ones read 已不在台账中. */
export function useEnterpriseNames(ids: readonly string[]): Record<string, string> {
  const key = [...new Set(ids)].sort().join('|');
  const [found, setFound] = useState<Record<string, string>>({});
  useEffect(() => {
    let live = true;
    const wanted = key === '' ? [] : key.split('|');
    void Promise.all(wanted.map(async (id) => [id, await enterpriseName(id).catch(() => '（已不在台账中的单位）')] as const)).then((pairs) => {
      if (live) setFound(Object.fromEntries(pairs));
    });
    return () => { live = false; };
  }, [key]);
  return found;
}

type Props = Omit<SelectProps<string>, 'options' | 'showSearch' | 'mode'> & { value?: string; onChange?: (value: string | undefined) => void };

/**
 * A ledger enterprise found by name or credit code. Form.Item's value and onChange pass straight
 * through; the chosen enterprise keeps its name when the search moves on.
 */
export function EnterpriseSelect({ value, onChange, placeholder = '输入名称或统一社会信用代码查找', ...rest }: Props) {
  const [search, setSearch] = useState<string>();
  const list = useRequest(() => api.get<z.infer<typeof enterpriseListSchema>>('/api/enterprises', { q: search, pageSize: 50 }), [search]);
  const chosen = useEnterpriseNames(value ? [value] : []);
  const options = (list.data?.items ?? []).map((e) => {
    names.set(e.id, e.name);
    return { value: e.id, label: e.name };
  });
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: names.get(value) ?? chosen[value] ?? '正在读取……' });
  return (
    <Select<string> {...rest} value={value} onChange={(v) => onChange?.(v)} placeholder={placeholder} loading={list.loading}
      showSearch={{ filterOption: false, onSearch: (v) => setSearch(v.trim() === '' ? undefined : v.trim()) }}
      options={options} />
  );
}
