import { Anchor, Button, Group } from '@mantine/core';
import { IconLogout, IconUserCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Me, useLogout } from '../../api/auth-api.ts';

/** The header's account corner: who is signed in (a link to the account page) and sign-out. */
export function UserMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const logout = useLogout();
  return (
    <Group gap="xs" wrap="nowrap">
      <Anchor component={Link} to="/account" size="sm" data-testid="current-user">
        <Group gap={4} wrap="nowrap">
          <IconUserCircle size={18} stroke={1.6} />
          {me.username}
        </Group>
      </Anchor>
      <Button
        size="compact-sm"
        variant="subtle"
        color="gray"
        leftSection={<IconLogout size={16} />}
        onClick={() => logout.mutate()}
        loading={logout.isPending}
        data-testid="sign-out"
      >
        {t('security.account.signOut')}
      </Button>
    </Group>
  );
}
