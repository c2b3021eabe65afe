import { Group, Tabs, Text, Title } from '@mantine/core';
import {
  IconChartBar,
  IconClockExclamation,
  IconListCheck,
  IconListSearch,
  IconSearch,
  IconStars,
  IconUserPlus,
} from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  admissionsPath,
  dataQualityPath,
  memberDuePath,
  memberStatsPath,
  membersListPath,
  newMemberPath,
  ratingsPath,
} from './member-paths.ts';
import { usePageTitle } from './use-page-title.ts';

export type MembersTab = 'search' | 'due' | 'admissions' | 'ratings' | 'stats' | 'quality' | 'new';

/** The tabs added with the work queues (and the due tab's subtitle, which lists them) are in the queues files. */
function tabText(t: TFunction, tab: MembersTab, what: 'tabs' | 'subtitles'): string {
  if (tab === 'quality') return t(what === 'tabs' ? 'quality.tab' : 'quality.subtitle');
  if (tab === 'admissions' || tab === 'ratings') return t(`queues.${what}.${tab}`);
  return what === 'subtitles' && tab === 'due' ? t('queues.subtitles.due') : t(`members.${what}.${tab}`);
}

const TABS: readonly { id: MembersTab; icon: typeof IconSearch; path: (org: string | null) => string }[] = [
  { id: 'search', icon: IconSearch, path: (org) => membersListPath({ org }) },
  { id: 'due', icon: IconClockExclamation, path: memberDuePath },
  { id: 'admissions', icon: IconListCheck, path: admissionsPath },
  { id: 'ratings', icon: IconStars, path: ratingsPath },
  { id: 'stats', icon: IconChartBar, path: memberStatsPath },
  { id: 'quality', icon: IconListSearch, path: (org) => dataQualityPath(org) },
  { id: 'new', icon: IconUserPlus, path: newMemberPath },
];

/** Title of the members area and its screens as tabs; the chosen unit goes along to the next screen. */
export function MembersHeader({
  tab,
  org,
  children,
}: {
  tab: MembersTab;
  org: string | null;
  /** Controls shown at the right of the title (unit, date). */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  usePageTitle(`${t('nav.members')}: ${tabText(t, tab, 'tabs')}`);
  return (
    <div>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <div>
          <Title order={2}>{t('nav.members')}</Title>
          <Text size="sm" c="dimmed">
            {tabText(t, tab, 'subtitles')}
          </Text>
        </div>
        {children && (
          <Group gap="sm" align="flex-end" wrap="nowrap">
            {children}
          </Group>
        )}
      </Group>
      <Tabs
        value={tab}
        onChange={(next) => {
          const target = TABS.find((item) => item.id === next);
          if (target) navigate(target.path(org));
        }}
        mt="xs"
      >
        <Tabs.List>
          {TABS.map((item) => (
            <Tabs.Tab
              key={item.id}
              value={item.id}
              leftSection={<item.icon size={16} stroke={1.6} />}
              data-testid={`members-tab-${item.id}`}
            >
              {tabText(t, item.id, 'tabs')}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
    </div>
  );
}
