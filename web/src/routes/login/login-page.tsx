import { Button, Center, Group, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/api-error.ts';
import { useLogin } from '../../api/auth-api.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { LanguageSwitch } from '../../components/language-switch.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';

/** Only a path of this app is a place to return to (never another site). */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/** Username and password, and the authenticator code once the server asks for it. */
export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('security.login.title'));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const login = useLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const totpAsked =
    totp !== '' ||
    (login.error instanceof ApiError &&
      ['auth.totp_required', 'auth.totp_invalid'].includes(login.error.code));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate(
      { username, password, ...(totp ? { totp } : {}) },
      {
        onSuccess: (me) => {
          void navigate(me.pending.length > 0 ? '/account' : safeNext(params.get('next')), { replace: true });
        },
      },
    );
  };

  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="lg" w={380}>
        <form onSubmit={submit}>
          <Stack>
            <Group justify="space-between">
              <Title order={2}>{t('security.login.title')}</Title>
              <LanguageSwitch />
            </Group>
            <TextInput
              label={t('security.login.username')}
              autoComplete="username"
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
              required
              autoFocus
              data-testid="login-username"
            />
            <PasswordInput
              label={t('security.login.password')}
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              required
              data-testid="login-password"
            />
            {totpAsked && (
              <TextInput
                label={t('security.login.totp')}
                description={t('security.login.totpHint')}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                value={totp}
                onChange={(e) => setTotp(e.currentTarget.value.replace(/\D/g, ''))}
                data-testid="login-totp"
              />
            )}
            {login.error && <ErrorAlert error={login.error} />}
            <Button type="submit" loading={login.isPending} data-testid="login-submit">
              {t('security.login.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
