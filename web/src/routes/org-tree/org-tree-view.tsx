import { ActionIcon, Anchor, Badge, Group, Loader, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OrgKindValue } from '../../api/orgs-api.ts';
import { useOrgChildren } from '../../api/orgs-queries.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { KindBadge } from '../../components/kind-badge.tsx';
import { unitPath } from '../../components/use-as-of.ts';

export interface TreeUnit {
  code: string;
  name: string;
  kind: OrgKindValue;
  childCount: number;
}

export interface TreeExpansion {
  isExpanded: (code: string, level: number) => boolean;
  toggle: (code: string, level: number) => void;
}

const INDENT = 20;

interface TreeItemProps {
  unit: TreeUnit;
  level: number;
  asOf: string;
  expansion: TreeExpansion;
}

/** One unit of the tree; its children are fetched only when it is expanded. */
export function TreeItem({ unit, level, asOf, expansion }: TreeItemProps) {
  const { t } = useTranslation();
  const hasChildren = unit.childCount > 0;
  const expanded = hasChildren && expansion.isExpanded(unit.code, level);
  return (
    <li data-code={unit.code} data-level={level}>
      <div className="tree-row" style={{ paddingLeft: level * INDENT }}>
        {hasChildren ? (
          <ActionIcon
            variant="subtle"
            color="gray"
            size="sm"
            onClick={() => expansion.toggle(unit.code, level)}
            aria-expanded={expanded}
            aria-label={`${expanded ? t('tree.collapse') : t('tree.expand')}: ${unit.name}`}
            data-testid="tree-toggle"
          >
            {expanded ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
          </ActionIcon>
        ) : (
          <span style={{ width: 22, flexShrink: 0 }} />
        )}
        <Anchor
          component={Link}
          to={unitPath(unit.code, asOf)}
          size="sm"
          fw={level === 0 ? 600 : 400}
          lineClamp={1}
        >
          {unit.name}
        </Anchor>
        <KindBadge kind={unit.kind} size="xs" />
        <Text size="xs" c="dimmed" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
          {unit.code}
        </Text>
        {hasChildren && (
          <Badge
            size="xs"
            variant="default"
            tt="none"
            radius="sm"
            style={{ flexShrink: 0 }}
            data-testid="child-count"
          >
            {t('tree.childrenCount', { count: unit.childCount })}
          </Badge>
        )}
      </div>
      {expanded && <TreeChildren code={unit.code} level={level + 1} asOf={asOf} expansion={expansion} />}
    </li>
  );
}

function TreeChildren({
  code,
  level,
  asOf,
  expansion,
}: {
  code: string;
  level: number;
  asOf: string;
  expansion: TreeExpansion;
}) {
  const { t } = useTranslation();
  const children = useOrgChildren(code, asOf);
  if (children.isPending) {
    return (
      <Group gap="xs" pl={level * INDENT + 28} py={4}>
        <Loader size="xs" />
        <Text size="xs" c="dimmed">
          {t('common.loading')}
        </Text>
      </Group>
    );
  }
  if (children.isError) {
    return (
      <div style={{ paddingLeft: level * INDENT + 28 }}>
        <ErrorAlert error={children.error} onRetry={() => void children.refetch()} />
      </div>
    );
  }
  if (children.data.length === 0) {
    return (
      <Text size="xs" c="dimmed" pl={level * INDENT + 28} py={2}>
        {t('tree.noChildren')}
      </Text>
    );
  }
  return (
    <ul className="tree-group">
      {children.data.map((child) => (
        <TreeItem key={child.code} unit={child} level={level} asOf={asOf} expansion={expansion} />
      ))}
    </ul>
  );
}
