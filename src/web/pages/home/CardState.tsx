import { Alert, Skeleton } from 'antd';
import type { ReactNode } from 'react';

/** A card body's loading and error states around its content. */
export function CardState<T>({ data, loading, error, children }: { data: T | undefined; loading: boolean; error: string | null; children: (data: T) => ReactNode }) {
  return (
    <>
      {error && <Alert type="error" showIcon title={error} />}
      {loading && data === undefined && <Skeleton active />}
      {data !== undefined && children(data)}
    </>
  );
}
