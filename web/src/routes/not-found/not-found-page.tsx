import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Title order={2}>404</Title>
      <Text>{t('errors.notFoundPage')}</Text>
      <Anchor component={Link} to="/orgs">
        {t('comingSoon.goToOrgs')}
      </Anchor>
    </Stack>
  );
}
