import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from './client';

export interface RequestState<T> {
  data: T | undefined;
  loading: boolean;
  /** The server's Chinese message when the request failed. */
  error: string | null;
  reload: () => void;
}

/**
 * Runs `load` on mount and whenever `deps` change; a late answer to an older request
 * never overwrites a newer one.
 */
export function useRequest<T>(load: () => Promise<T>, deps: readonly unknown[]): RequestState<T> {
  const [data, setData] = useState<T>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const latest = useRef(0);
  const run = useCallback(load, deps);

  useEffect(() => {
    const id = ++latest.current;
    setLoading(true);
    run().then(
      (value) => {
        if (id !== latest.current) return;
        setData(value);
        setError(null);
        setLoading(false);
      },
      (failure: unknown) => {
        if (id !== latest.current) return;
        setError(errorMessage(failure));
        setLoading(false);
      },
    );
  }, [run, tick]);

  return { data, loading, error, reload: () => setTick((t) => t + 1) };
}
