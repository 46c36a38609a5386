import type { ResultProps } from 'antd';
import { lazy, Suspense } from 'react';

// antd's Result carries its large 403/404/500 illustrations; the frame shows it only on a
// refused or unknown page, so it loads then, not with every first visit (bench:web).
const AntResult = lazy(() => import('antd/es/result'));

/** antd's Result, loaded when first shown. */
export function LazyResult(props: ResultProps) {
  return <Suspense><AntResult {...props} /></Suspense>;
}
