import { AppShell, Badge, Burger, Group, NavLink, ScrollArea, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { AREAS } from './areas.ts';
import { LanguageSwitch } from './language-switch.tsx';

/** Header (product name, language switch) and navigation over every area of the product. */
export function AppLayout() {
  const { t } = useTranslation();
  const [opened, { toggle }] = useDisclosure(false);
  const location = useLocation();

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
          <LanguageSwitch />
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
