import { Group, Tabs, Text, Title } from '@mantine/core';
import {
  IconCalendarCheck,
  IconChartBar,
  IconListCheck,
  IconMessageQuestion,
  IconSearch,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { usePageTitle } from '../../components/use-page-title.ts';

export type DocumentsTab = 'register' | 'questions' | 'tasks' | 'review' | 'stats';

const TABS: readonly { id: DocumentsTab; icon: typeof IconSearch; path: string }[] = [
  { id: 'register', icon: IconSearch, path: '/documents' },
  { id: 'questions', icon: IconMessageQuestion, path: '/documents/questions' },
  { id: 'tasks', icon: IconListCheck, path: '/documents/tasks' },
  { id: 'review', icon: IconCalendarCheck, path: '/documents/review' },
  { id: 'stats', icon: IconChartBar, path: '/documents/stats' },
];

/** Title of the documents area and its screens as tabs. */
export function DocumentsHeader({ tab, children }: { tab: DocumentsTab; children?: ReactNode }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  usePageTitle(`${t('documents.title')}: ${t(`documents.tabs.${tab}`)}`);
  return (
    <div>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <div>
          <Title order={2}>{t('documents.title')}</Title>
          <Text size="sm" c="dimmed">
            {t(`documents.subtitles.${tab}`)}
          </Text>
        </div>
        {children}
      </Group>
      <Tabs
        value={tab}
        onChange={(value) => navigate(TABS.find((x) => x.id === value)?.path ?? '/documents')}
        mt="xs"
      >
        <Tabs.List>
          {TABS.map(({ id, icon: Icon }) => (
            <Tabs.Tab
              key={id}
              value={id}
              leftSection={<Icon size={16} />}
              data-testid={`documents-tab-${id}`}
            >
              {t(`documents.tabs.${id}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
    </div>
  );
}
