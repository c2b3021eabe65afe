import { Anchor, Button, Group, Loader, Pagination, Text } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ISSUES_PAGE_SIZE, type IssueKind, type QualityIssue } from '../../api/quality-api.ts';
import { useQualityIssues } from '../../api/quality-queries.ts';
import { DateText } from '../../components/date-text.tsx';
import { todayIso } from '../../components/dates.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatCount } from '../../components/formatting.ts';
import { memberColumns } from '../../components/member-columns.tsx';
import { dataQualityPath, memberPath } from '../../components/member-paths.ts';
import { OrgCodeLink } from '../../components/org-code-link.tsx';
import { Section } from '../../components/section.tsx';
import { type WindowedColumn, WindowedTable } from '../../components/windowed-table.tsx';
import { issueKindLabel } from './issue-kinds.ts';

type Row = QualityIssue & { id: number };

/** The records of the unit with one kind of problem, a page at a time, each a link to its profile. */
export function QualityIssuesSection({ org, kind }: { org: string; kind: IssueKind }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const issues = useQualityIssues(org, kind, page);
  const data = issues.data;
  const pages = data ? Math.ceil(data.total / ISSUES_PAGE_SIZE) : 0;
  const anchor = useRef<HTMLDivElement>(null);
  // opened from a row of the summary above: bring the list into view (Chromium's scrollIntoView
  // returns a promise, which React must not take for a cleanup)
  useEffect(() => {
    anchor.current?.scrollIntoView({ block: 'start' });
  }, []);

  const [name] = memberColumns<Row>(t, todayIso());
  const columns: WindowedColumn<Row>[] = [
    name,
    {
      key: 'cell',
      header: t('members.fields.cell'),
      render: (item) => <OrgCodeLink code={item.cellCode} name={item.cellName} asOf={todayIso()} />,
    },
    {
      key: 'birth',
      header: t('members.fields.birthDate'),
      width: 110,
      render: (item) => <DateText value={item.birthDate} />,
    },
    {
      key: 'admission',
      header: t('members.fields.admissionDate'),
      width: 120,
      render: (item) => <DateText value={item.admissionDate} />,
    },
    {
      key: 'official',
      header: t('members.fields.officialDate'),
      width: 120,
      render: (item) => <DateText value={item.officialDate} />,
    },
    {
      key: 'field',
      header: t('quality.issues.fieldToFix'),
      width: 170,
      render: (item) => t(`members.fields.${item.field}`),
    },
    {
      key: 'related',
      header: t('quality.issues.relatedTo'),
      width: 140,
      render: (item) => (
        <Group gap={6} wrap="nowrap">
          {item.relatedIds.map((id) => (
            <Anchor key={id} component={Link} to={memberPath(id)} size="sm" ff="monospace">
              #{id}
            </Anchor>
          ))}
        </Group>
      ),
    },
  ];

  return (
    <div ref={anchor}>
      <Section
        title={t('quality.issues.title', { kind: issueKindLabel(t, kind) })}
        testId="quality-issues"
        actions={
          <Group gap="sm" wrap="nowrap">
            {data && (
              <Text size="sm" c="dimmed" data-testid="quality-issues-count">
                {t('quality.issues.count', { total: formatCount(data.total) })}
              </Text>
            )}
            <Button
              component={Link}
              to={dataQualityPath(org)}
              size="compact-xs"
              variant="subtle"
              leftSection={<IconX size={14} />}
            >
              {t('quality.issues.close')}
            </Button>
          </Group>
        }
      >
        {issues.isPending && <Loader size="sm" />}
        {issues.isError && <ErrorAlert error={issues.error} onRetry={() => void issues.refetch()} />}
        {data && data.results.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('quality.issues.none')}
          </Text>
        )}
        {data && data.results.length > 0 && (
          <WindowedTable
            rows={data.results.map((item) => ({ ...item, id: item.memberId }))}
            columns={columns}
            rowKey={(item) => item.memberId}
            testId="quality-issues-table"
            rowTestId="quality-issue-row"
            minWidth={900}
          />
        )}
        {pages > 1 && (
          <Group justify="center" mt="xs">
            <Pagination total={pages} value={page} onChange={setPage} size="sm" data-testid="quality-pages" />
          </Group>
        )}
      </Section>
    </div>
  );
}
