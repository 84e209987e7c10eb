import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, setUnauthorizedHandler, tokenStore } from './api/http';
import type { LoginResponseDto, Me } from './api/types';

interface Session {
  me: Me | null;
  /** True while the stored token is being checked at start. */
  loading: boolean;
  logIn: (email: string, password: string) => Promise<Me>;
  /** Signs out; `byUser` false when the api refused the token (the login page then returns to where the user was). */
  logOut: (byUser?: boolean) => void;
  /** The last sign-out was the user's own choice. */
  signedOutByUser: boolean;
}

const SessionContext = createContext<Session | null>(null);

/** The signed-in user. The token lives in sessionStorage: closing the tab signs out. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(() => tokenStore.get() !== null);
  const [signedOutByUser, setSignedOutByUser] = useState(false);

  const logOut = useCallback(
    (byUser = true) => {
      tokenStore.clear();
      setSignedOutByUser(byUser);
      setMe(null);
      qc.clear();
    },
    [qc],
  );

  useEffect(() => {
    setUnauthorizedHandler(() => logOut(false));
    if (!tokenStore.get()) return;
    api
      .get<Me>('/auth/me')
      .then(setMe)
      .catch(() => logOut(false))
      .finally(() => setLoading(false));
  }, [logOut]);

  const logIn = useCallback(async (email: string, password: string) => {
    const res = await api.post<LoginResponseDto>('/auth/login', { email, password });
    tokenStore.set(res.accessToken);
    setSignedOutByUser(false);
    setMe(res.user);
    return res.user;
  }, []);

  const value = useMemo(() => ({ me, loading, logIn, logOut, signedOutByUser }), [me, loading, logIn, logOut, signedOutByUser]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** Who may do what on the screens (the api decides; this only hides what would be refused anyway). */
export const can = {
  compose: (me: Me | null) => !!me && ['issuer', 'admin'].includes(me.role),
  lead: (me: Me | null) => !!me && ['leader', 'issuer', 'admin'].includes(me.role),
  /** The unit pages: leaders, issuers and admins. */
  units: (me: Me | null) => !!me && ['leader', 'issuer', 'admin'].includes(me.role),
  /** Onboarding a province creates roots and retires whole provinces: installation admins only. */
  onboard: (me: Me | null) => !!me && me.role === 'admin' && !me.provinceRoots,
  /** "Cho phép đơn vị tự tạo tài khoản qua liên kết" on a unit's page: admins (installation or province). */
  linkSignup: (me: Me | null) => !!me && me.role === 'admin',
};
