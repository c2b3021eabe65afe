import { Anchor, Badge, Group, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AREAS, type PlannedAreaId } from '../../components/areas.ts';
import { usePageTitle } from '../../components/use-page-title.ts';

/** An area of the product that is not built yet: what it will do, from product.md. */
export function ComingSoonPage({ areaId }: { areaId: PlannedAreaId }) {
  const { t } = useTranslation();
  const area = AREAS.find((item) => item.id === areaId);
  usePageTitle(t(`nav.${areaId}`));
  const features = t(`areas.${areaId}.features`, { returnObjects: true });
  return (
    <Stack gap="md" maw={860}>
      <Group gap="sm">
        {area && (
          <ThemeIcon size="lg" variant="light" color="gray">
            <area.icon size={20} />
          </ThemeIcon>
        )}
        <Title order={2}>{t(`nav.${areaId}`)}</Title>
        <Badge color="gray" variant="light" tt="none">
          {t('comingSoon.badge')}
        </Badge>
      </Group>
      <Text size="lg">{t(`areas.${areaId}.summary`)}</Text>
      <Paper withBorder p="md">
        <Text fw={500} mb="xs">
          {t('comingSoon.intro')}
        </Text>
        <List
          spacing={6}
          icon={
            <ThemeIcon size={18} radius="xl" variant="light" color="teal">
              <IconCheck size={12} />
            </ThemeIcon>
          }
        >
          {features.map((feature) => (
            <List.Item key={feature}>{feature}</List.Item>
          ))}
        </List>
      </Paper>
      <Text size="sm" c="dimmed">
        {t('comingSoon.availableNow')}{' '}
        <Anchor component={Link} to="/orgs" size="sm">
          {t('comingSoon.goToOrgs')}
        </Anchor>
      </Text>
    </Stack>
  );
}
