/** Sign-in, the own account and its session: typed calls and TanStack Query hooks. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LoginInput, Me } from '../../../src/modules/auth/auth.schemas.ts';
import { requestJson, setCsrfToken } from './http-client.ts';

export type { LoginInput, Me };

const BASE = '/api/v1/auth';
export const meKey = ['auth', 'me'] as const;

async function fetchMe(): Promise<Me> {
  const me = await requestJson<Me>('GET', `${BASE}/me`);
  setCsrfToken(me.csrfToken);
  return me;
}

/** The signed-in account; an ApiError with status 401 when there is no session. */
export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 60_000, retry: false });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) => requestJson<Me>('POST', `${BASE}/login`, { body: input }),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      queryClient.clear();
      queryClient.setQueryData(meKey, me);
    },
  });
}

function useSignOutMutation(path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => requestJson<unknown>('POST', `${BASE}/${path}`),
    onSuccess: () => {
      setCsrfToken(undefined);
      queryClient.clear();
      window.location.assign('/login');
    },
  });
}

export const useLogout = () => useSignOutMutation('logout');
export const useLogoutEverywhere = () => useSignOutMutation('logout-everywhere');

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) =>
      requestJson<unknown>('POST', `${BASE}/password`, { body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meKey }),
  });
}

export function useStartTotp() {
  return useMutation({
    mutationFn: () => requestJson<{ secret: string; uri: string }>('POST', `${BASE}/totp`),
  });
}

export function useConfirmTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => requestJson<unknown>('POST', `${BASE}/totp/confirm`, { body: { code } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meKey }),
  });
}
