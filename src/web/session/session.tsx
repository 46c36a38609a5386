import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { AccountView } from '../../shared/schemas/account';
import { api, prefetch, setCsrfToken, setUnauthenticatedHandler } from '../api/client';
import type { ApiError } from '../api/client';

interface SessionBody {
  account: AccountView;
  csrfToken: string;
}

export interface SessionState {
  /** undefined while the first check runs; null when nobody is signed in. */
  account: AccountView | null | undefined;
  /** Why the user was sent back to the login page (expired or ended session). */
  notice: string | null;
  logIn: (username: string, password: string) => Promise<void>;
  logOut: () => Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

// Every page waits for the session check: it is asked for as soon as the code runs, before the
// router asks for the first page's code (routes.tsx), and taken by the provider when it mounts.
prefetch('/api/auth/session');

export function SessionProvider({ children }: { children: ReactNode }) {
  const [account, setAccount] = useState<AccountView | null | undefined>(undefined);
  const [notice, setNotice] = useState<string | null>(null);

  const accept = useCallback((body: SessionBody) => {
    setCsrfToken(body.csrfToken);
    setNotice(null);
    setAccount(body.account);
  }, []);

  useEffect(() => {
    setUnauthenticatedHandler((error: ApiError) => {
      setCsrfToken(null);
      setAccount((current) => {
        // Only a session that existed can expire; the first check just finds nobody signed in.
        if (current) setNotice(error.message);
        return null;
      });
    });
    api.get<SessionBody>('/api/auth/session').then(accept, () => setAccount(null));
    return () => setUnauthenticatedHandler(null);
  }, [accept]);

  const logIn = useCallback(async (username: string, password: string) => {
    accept(await api.post<SessionBody>('/api/auth/login', { username, password }));
  }, [accept]);

  const logOut = useCallback(async () => {
    try {
      await api.post('/api/auth/logout');
    } finally {
      setCsrfToken(null);
      setNotice(null);
      setAccount(null);
    }
  }, []);

  const value = useMemo(() => ({ account, notice, logIn, logOut }), [account, notice, logIn, logOut]);
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in account (inside the authenticated layout). */
export function useAccount(): AccountView {
  const { account } = useSession();
  if (!account) throw new Error('useAccount without a session');
  return account;
}
