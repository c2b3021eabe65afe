import { Anchor, Breadcrumbs, Button, Group, Menu, Text, Title } from '@mantine/core';
import { IconChevronDown, IconTransform } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OrgDetail } from '../../api/orgs-api.ts';
import { DateField } from '../../components/date-field.tsx';
import { KindBadge } from '../../components/kind-badge.tsx';
import { reorganizePath, treePath, unitPath } from '../../components/use-as-of.ts';

const UNIT_OPERATIONS = ['rename', 'move', 'merge', 'split', 'dissolve', 'create'] as const;

interface OrgUnitHeaderProps {
  code: string;
  detail: OrgDetail | undefined;
  /** The unit's latest name, for a date on which it did not exist. */
  fallbackName?: string;
  asOf: string;
  onAsOfChange: (value: string | null) => void;
}

/** Breadcrumb of the higher levels, the unit's name, the "as of" date and the reorganize menu. */
export function OrgUnitHeader({ code, detail, fallbackName, asOf, onAsOfChange }: OrgUnitHeaderProps) {
  const { t } = useTranslation();
  const name = detail?.name ?? fallbackName ?? code;
  return (
    <Group justify="space-between" align="flex-end" wrap="nowrap" gap="md">
      <div style={{ minWidth: 0 }}>
        <Breadcrumbs
          separatorMargin={4}
          fz="sm"
          aria-label={t('unit.breadcrumb')}
          data-testid="unit-breadcrumb"
        >
          <Anchor component={Link} to={treePath(asOf)} size="sm">
            {t('nav.orgs')}
          </Anchor>
          {(detail?.ancestors ?? []).map((ancestor) => (
            <Anchor key={ancestor.code} component={Link} to={unitPath(ancestor.code, asOf)} size="sm">
              {ancestor.name}
            </Anchor>
          ))}
          <Text size="sm" c="dimmed">
            {name}
          </Text>
        </Breadcrumbs>
        <Group gap="sm" mt={4} wrap="nowrap">
          <Title order={2} lineClamp={1} data-testid="unit-name">
            {name}
          </Title>
          {detail && <KindBadge kind={detail.kind} size="md" />}
          {name !== code && (
            <Text c="dimmed" ff="monospace" size="sm">
              {code}
            </Text>
          )}
        </Group>
      </div>
      <Group gap="sm" align="flex-end" wrap="nowrap">
        <DateField
          label={t('common.asOf')}
          value={asOf}
          onChange={onAsOfChange}
          w={170}
          data-testid="as-of-input"
        />
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button
              variant="light"
              leftSection={<IconTransform size={16} />}
              rightSection={<IconChevronDown size={14} />}
              data-testid="unit-reorganize"
            >
              {t('unit.reorganize')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {UNIT_OPERATIONS.map((operation) => (
              <Menu.Item
                key={operation}
                component={Link}
                to={reorganizePath(operation, code)}
                data-testid={`unit-op-${operation}`}
              >
                {operation === 'create' ? t('unit.createChild') : t(`operations.${operation}`)}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      </Group>
    </Group>
  );
}
