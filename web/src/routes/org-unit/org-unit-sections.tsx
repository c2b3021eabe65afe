import { Alert, Anchor, Badge, List, Table, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OrgDetail, OrgHistory, OrgKindValue, OrgSummary } from '../../api/orgs-api.ts';
import { DateText } from '../../components/date-text.tsx';
import { formatDate, lastDayOf } from '../../components/dates.ts';
import { localize } from '../../components/error-alert.tsx';
import { FieldTable } from '../../components/field-table.tsx';
import { formatCount } from '../../components/formatting.ts';
import { KindBadge } from '../../components/kind-badge.tsx';
import { OrgLink } from '../../components/org-link.tsx';
import { Section } from '../../components/section.tsx';
import { unitPath } from '../../components/use-as-of.ts';

const KIND_ORDER: readonly OrgKindValue[] = [
  'central',
  'province',
  'intermediate',
  'grassroots_committee',
  'grassroots_cell',
  'cell',
];

/** The unit's span of life (from its history) and the version shown (name and parent as of the date). */
function lifespan(detail: OrgDetail, history: OrgHistory | undefined) {
  const first = history?.versions[0];
  const last = history?.versions[history.versions.length - 1];
  return {
    from: first?.validFrom ?? detail.validFrom,
    // Until the history arrives, only an open version tells that the unit is still in force.
    ended: last ? last.validTo : detail.validTo === null ? null : undefined,
    lastDay: last ? lastDayOf(last.validFrom, last.validTo) : null,
  };
}

/** Name, code, kind, parent and validity of the unit as of the date asked. */
export function DetailsSection({ detail, history }: { detail: OrgDetail; history: OrgHistory | undefined }) {
  const { t } = useTranslation();
  const life = lifespan(detail, history);
  const versionEnd = lastDayOf(detail.validFrom, detail.validTo);
  const rows: [string, ReactNode][] = [
    [t('common.name'), detail.name],
    [
      t('common.code'),
      <Text key="code" ff="monospace" size="sm">
        {detail.code}
      </Text>,
    ],
    [t('common.kind'), <KindBadge key="kind" kind={detail.kind} wrap />],
    [
      t('common.parent'),
      detail.parent ? (
        <OrgLink key="parent" code={detail.parent.code} asOf={detail.asOf}>
          {detail.parent.name}
        </OrgLink>
      ) : (
        <Text key="parent" size="sm" c="dimmed">
          {t('unit.rootUnit')}
        </Text>
      ),
    ],
    [t('unit.unitFrom'), <DateText key="from" value={life.from} />],
    [
      t('unit.unitThrough'),
      life.ended === null ? (
        <Badge key="to" color="teal" variant="light" size="sm" tt="none">
          {t('unit.active')}
        </Badge>
      ) : (
        <DateText key="to" value={life.lastDay} />
      ),
    ],
    [
      t('unit.version'),
      <Text key="version" size="sm">
        {t('unit.versionRange', {
          from: formatDate(detail.validFrom),
          to: versionEnd ? formatDate(versionEnd) : t('common.now'),
        })}
      </Text>,
    ],
    [t('common.childCount'), detail.childCount],
  ];
  return (
    <Section title={t('unit.details')} testId="unit-details">
      <FieldTable rows={rows} />
    </Section>
  );
}

/** Units of each kind in the subtree, the unit itself included. */
export function CountsSection({ counts }: { counts: OrgDetail['countsByKind'] }) {
  const { t } = useTranslation();
  const present = KIND_ORDER.filter((kind) => (counts[kind] ?? 0) > 0);
  const total = present.reduce((sum, kind) => sum + (counts[kind] ?? 0), 0);
  return (
    <Section title={t('unit.countsByKind')} testId="unit-counts">
      <Text size="xs" c="dimmed" mb={4}>
        {t('unit.countsNote')}
      </Text>
      <Table>
        <Table.Tbody>
          {present.map((kind) => (
            <Table.Tr key={kind}>
              <Table.Td>{t(`kinds.${kind}`)}</Table.Td>
              <Table.Td ta="right" ff="monospace">
                {formatCount(counts[kind] ?? 0)}
              </Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Th>{t('common.total')}</Table.Th>
            <Table.Th ta="right" ff="monospace">
              {formatCount(total)}
            </Table.Th>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Section>
  );
}

export function WarningsSection({ warnings }: { warnings: OrgDetail['warnings'] }) {
  const { t } = useTranslation();
  if (warnings.length === 0) return null;
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconAlertTriangle size={18} />}
      title={t('unit.warnings')}
      py="xs"
    >
      <List size="sm">
        {warnings.map((warning) => (
          <List.Item key={warning.code}>{localize(warning)}</List.Item>
        ))}
      </List>
    </Alert>
  );
}

/** The direct sub-units as of the date asked, each a link. */
export function ChildrenSection({ items, asOf }: { items: OrgSummary[] | undefined; asOf: string }) {
  const { t } = useTranslation();
  return (
    <Section title={t('unit.children', { count: items?.length ?? 0 })} testId="unit-children">
      {items && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('unit.noChildren')}
        </Text>
      )}
      {items && items.length > 0 && (
        <Table.ScrollContainer minWidth={560} maxHeight={360}>
          <Table striped highlightOnHover stickyHeader>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('common.name')}</Table.Th>
                <Table.Th>{t('common.kind')}</Table.Th>
                <Table.Th>{t('common.code')}</Table.Th>
                <Table.Th>{t('common.validFrom')}</Table.Th>
                <Table.Th ta="right">{t('common.childCount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((child) => (
                <Table.Tr key={child.code} data-code={child.code}>
                  <Table.Td>
                    <Anchor component={Link} to={unitPath(child.code, asOf)} size="sm">
                      {child.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <KindBadge kind={child.kind} size="xs" />
                  </Table.Td>
                  <Table.Td ff="monospace" fz="xs">
                    {child.code}
                  </Table.Td>
                  <Table.Td>
                    <DateText value={child.validFrom} />
                  </Table.Td>
                  <Table.Td ta="right">{child.childCount}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}
