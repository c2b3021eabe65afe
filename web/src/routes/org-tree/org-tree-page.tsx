import { Button, Grid, Group, Loader, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { IconTransform } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/api-error.ts';
import { useOrgRoot } from '../../api/orgs-queries.ts';
import { DateField } from '../../components/date-field.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { reorganizePath, useAsOf } from '../../components/use-as-of.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { OrgSearchPanel } from './org-search-panel.tsx';
import { type TreeExpansion, TreeItem } from './org-tree-view.tsx';

const PANEL_HEIGHT = 'calc(100vh - 150px)';

/** `/orgs`: the tree as of a date, loaded level by level, and the search beside it. */
export function OrgTreePage() {
  const { t } = useTranslation();
  const [asOf, setAsOf] = useAsOf();
  usePageTitle(t('tree.title'));
  const root = useOrgRoot(asOf);
  // Only deviations from the default (the top level open, the rest closed) are kept.
  const [toggled, setToggled] = useState<Record<string, boolean>>({});
  const toggle = useCallback(
    (code: string, level: number) =>
      setToggled((current) => ({ ...current, [code]: !(current[code] ?? level === 0) })),
    [],
  );
  const expansion = useMemo<TreeExpansion>(
    () => ({ isExpanded: (code, level) => toggled[code] ?? level === 0, toggle }),
    [toggled, toggle],
  );
  // An empty database answers 404 or "no single root" (422): offer to create the root.
  const noRoot =
    root.isError &&
    root.error instanceof ApiError &&
    (root.error.status === 404 || root.error.code === 'org.tree.no_single_root');

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end" wrap="nowrap">
        <div>
          <Title order={2}>{t('tree.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('tree.subtitle')}
          </Text>
        </div>
        <Group gap="sm" align="flex-end" wrap="nowrap">
          <DateField
            label={t('common.asOf')}
            value={asOf}
            onChange={setAsOf}
            w={170}
            data-testid="as-of-input"
          />
          <Button
            component={Link}
            to={reorganizePath()}
            leftSection={<IconTransform size={16} />}
            variant="light"
          >
            {t('tree.reorganize')}
          </Button>
        </Group>
      </Group>

      <Grid gap="sm">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder p="xs" h={PANEL_HEIGHT}>
            <ScrollArea h="100%" type="auto">
              {root.isPending && <Loader size="sm" m="sm" />}
              {noRoot && (
                <Stack gap="xs" p="sm" align="flex-start">
                  <Text size="sm">{t('tree.empty')}</Text>
                  <Button component={Link} to={reorganizePath('create')} size="xs" variant="light">
                    {t('tree.createRoot')}
                  </Button>
                </Stack>
              )}
              {root.isError && !noRoot && (
                <ErrorAlert error={root.error} onRetry={() => void root.refetch()} />
              )}
              {root.data && (
                <ul className="tree-group" aria-label={t('tree.title')} data-testid="org-tree">
                  <TreeItem
                    unit={{ ...root.data.root, childCount: root.data.root.children.length }}
                    level={0}
                    asOf={asOf}
                    expansion={expansion}
                  />
                </ul>
              )}
            </ScrollArea>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder p="sm" h={PANEL_HEIGHT}>
            <OrgSearchPanel asOf={asOf} height="100%" />
          </Paper>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
