import {
  AppShell,
  Badge,
  Burger,
  Center,
  Group,
  Loader,
  NavLink,
  ScrollArea,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { useMe } from '../api/auth-api.ts';
import { loginPath } from '../api/http-client.ts';
import { UserMenu } from '../routes/account/user-menu.tsx';
import { AREAS } from './areas.ts';
import { LanguageSwitch } from './language-switch.tsx';

/**
 * Header (product name, language switch, the signed-in user) and navigation over every area of
 * the product. Without a session it leads to the sign-in page; with steps pending (a new
 * password, TOTP for an administrator), to the account page.
 */
export function AppLayout() {
  const { t } = useTranslation();
  const [opened, { toggle }] = useDisclosure(false);
  const location = useLocation();
  const me = useMe();

  if (me.isPending)
    return (
      <Center h="100vh">
        <Loader size="sm" />
      </Center>
    );
  if (me.isError) return <Navigate to={loginPath(location.pathname + location.search)} replace />;
  if (me.data.pending.length > 0 && location.pathname !== '/account')
    return <Navigate to="/account" replace />;

  return (
    <AppShell
      header={{ height: 48 }}
      navbar={{ width: 244, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('app.toggleNavigation')}
            />
            <Title order={1} size="h3" c="red.8" style={{ letterSpacing: 0.5 }}>
              {t('app.name')}
            </Title>
            <Text size="sm" c="dimmed" visibleFrom="sm">
              {t('app.tagline')}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <UserMenu me={me.data} />
            <LanguageSwitch />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" aria-label={t('app.navigation')}>
        <AppShell.Section grow component={ScrollArea}>
          {AREAS.map((area) => (
            <NavLink
              key={area.id}
              component={Link}
              to={area.path}
              label={t(`nav.${area.id}`)}
              leftSection={<area.icon size={18} stroke={1.6} />}
              rightSection={
                area.built ? undefined : (
                  <Badge size="xs" variant="outline" color="gray" tt="none">
                    {t('nav.soon')}
                  </Badge>
                )
              }
              active={location.pathname === area.path || location.pathname.startsWith(`${area.path}/`)}
              onClick={() => opened && toggle()}
              data-testid={`nav-${area.id}`}
            />
          ))}
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
