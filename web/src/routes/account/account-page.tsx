import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  Image,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import QRCode from 'qrcode';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Me,
  useChangePassword,
  useConfirmTotp,
  useLogoutEverywhere,
  useMe,
  useStartTotp,
} from '../../api/auth-api.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { Section } from '../../components/section.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';

function ChangePasswordForm() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate({ currentPassword, newPassword }, { onSuccess: () => [setCurrent(''), setNew('')] });
  };
  return (
    <form onSubmit={submit}>
      <Stack maw={420}>
        <PasswordInput
          label={t('security.account.currentPassword')}
          autoComplete="current-password"
          value={currentPassword}
          onChange={(e) => setCurrent(e.currentTarget.value)}
          required
          data-testid="account-current-password"
        />
        <PasswordInput
          label={t('security.account.newPassword')}
          autoComplete="new-password"
          value={newPassword}
          onChange={(e) => setNew(e.currentTarget.value)}
          required
          data-testid="account-new-password"
        />
        {change.error && <ErrorAlert error={change.error} />}
        {change.isSuccess && <Alert color="green">{t('security.account.passwordChanged')}</Alert>}
        <Group>
          <Button type="submit" loading={change.isPending} data-testid="account-change-password">
            {t('security.account.changePassword')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function TotpEnrollment({ me }: { me: Me }) {
  const { t } = useTranslation();
  const start = useStartTotp();
  const confirm = useConfirmTotp();
  const [code, setCode] = useState('');
  if (me.totpEnabled) return <Text data-testid="totp-enabled">{t('security.account.totpEnabled')}</Text>;
  if (!start.data)
    return (
      <Group>
        <Button
          variant="light"
          onClick={() => start.mutate()}
          loading={start.isPending}
          data-testid="totp-start"
        >
          {t('security.account.totpStart')}
        </Button>
        {start.error && <ErrorAlert error={start.error} />}
      </Group>
    );
  return (
    <Stack maw={520}>
      <Text size="sm">{t('security.account.totpScan')}</Text>
      <TotpQrCode uri={start.data.uri} />
      <Text size="sm">{t('security.account.totpSecret')}</Text>
      <Code data-testid="totp-secret">{start.data.secret}</Code>
      <Text size="sm">{t('security.account.totpUri')}</Text>
      <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
        {start.data.uri}
      </Code>
      <TextInput
        label={t('security.account.totpCode')}
        inputMode="numeric"
        maxLength={6}
        value={code}
        onChange={(e) => setCode(e.currentTarget.value.replace(/\D/g, ''))}
        data-testid="totp-code"
      />
      {confirm.error && <ErrorAlert error={confirm.error} />}
      <Group>
        <Button onClick={() => confirm.mutate(code)} loading={confirm.isPending} data-testid="totp-confirm">
          {t('security.account.totpConfirm')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The enrollment's otpauth:// address as a QR code, drawn here (the secret never leaves the page). */
function TotpQrCode({ uri }: { uri: string }) {
  const { t } = useTranslation();
  const [src, setSrc] = useState<string>();
  useEffect(() => {
    let current = true;
    QRCode.toString(uri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' }).then((svg) => {
      if (current) setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
    });
    return () => {
      current = false;
    };
  }, [uri]);
  if (!src) return null;
  return <Image src={src} w={200} h={200} alt={t('security.account.totpQr')} data-testid="totp-qr" />;
}

/** The own account: grants, password, two-factor authentication, sign-out everywhere. */
export function AccountPage() {
  const { t } = useTranslation();
  usePageTitle(t('security.account.title'));
  const me = useMe();
  const everywhere = useLogoutEverywhere();
  if (!me.data) return me.error ? <ErrorAlert error={me.error} /> : null;
  const { pending } = me.data;
  return (
    <Stack gap="lg">
      <Title order={2}>{t('security.account.title')}</Title>
      <Text data-testid="account-username">
        {t('security.account.signedInAs', { username: me.data.username })}
      </Text>
      {pending.includes('change_password') && (
        <Alert color="orange">{t('security.account.pendingPassword')}</Alert>
      )}
      {pending.includes('enroll_totp') && <Alert color="orange">{t('security.account.pendingTotp')}</Alert>}
      <Section title={t('security.account.grants')}>
        <Group gap="xs">
          {me.data.grants.map((g) => (
            <Badge key={`${g.role}:${g.org ?? '*'}`} variant="light" tt="none">
              {t(`security.account.roles.${g.role}`)} · {g.org ?? t('security.account.wholeRegistry')}
            </Badge>
          ))}
        </Group>
      </Section>
      <Section title={t('security.account.changePassword')}>
        <ChangePasswordForm />
      </Section>
      <Section title={t('security.account.totp')}>
        <TotpEnrollment me={me.data} />
      </Section>
      <Group>
        <Button
          color="red"
          variant="light"
          onClick={() => everywhere.mutate()}
          data-testid="sign-out-everywhere"
        >
          {t('security.account.signOutEverywhere')}
        </Button>
      </Group>
    </Stack>
  );
}
