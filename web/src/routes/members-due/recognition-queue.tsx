import { Badge, Button, type MantineColor, SegmentedControl, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DUE_STATUSES, type DueRecognition, type DueStatus } from '../../api/members-api.ts';
import { useDueForRecognition } from '../../api/members-queries.ts';
import { DateText } from '../../components/date-text.tsx';
import { todayIso } from '../../components/dates.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { oneOf } from '../../components/form-values.ts';
import { formatCount } from '../../components/formatting.ts';
import { memberColumns } from '../../components/member-columns.tsx';
import { memberPath } from '../../components/member-paths.ts';
import { RuleNote } from '../../components/rule-note.tsx';
import { Section } from '../../components/section.tsx';
import { useUrlParam } from '../../components/use-url-param.ts';
import { type WindowedColumn, WindowedTable } from '../../components/windowed-table.tsx';

const DUE_COLORS: Record<DueStatus, MantineColor> = {
  due_soon: 'blue',
  awaiting_review: 'yellow',
  overdue: 'red',
};

/** Probationary members of the unit due for recognition, most urgent first, filtered by how due. */
export function RecognitionQueue({ org }: { org: string | null }) {
  const { t } = useTranslation();
  const [filterParam, setFilter] = useUrlParam('due');
  const filter = oneOf(DUE_STATUSES, filterParam);
  const due = useDueForRecognition(org);
  const all = due.data ?? [];
  const rows = filter ? all.filter((item) => item.status === filter) : all;
  const count = (status: DueStatus) => all.filter((item) => item.status === status).length;

  const columns: WindowedColumn<DueRecognition>[] = [
    ...memberColumns<DueRecognition>(t, todayIso()),
    {
      key: 'admission',
      header: t('members.fields.admissionDate'),
      width: 130,
      render: (item) => <DateText value={item.admissionDate} />,
    },
    {
      key: 'end',
      header: t('members.fields.probationEnd'),
      width: 130,
      render: (item) => <DateText value={item.probationEnd} />,
    },
    {
      key: 'deadline',
      header: t('members.due.reviewDeadline'),
      width: 120,
      render: (item) => <DateText value={item.reviewDeadline} />,
    },
    {
      key: 'status',
      header: t('members.fields.status'),
      width: 170,
      render: (item) => (
        <Badge color={DUE_COLORS[item.status]} variant="light" size="sm" tt="none">
          {t(`members.due.status.${item.status}`)}
        </Badge>
      ),
    },
    {
      key: 'action',
      header: '',
      width: 190,
      align: 'right',
      render: (item) => (
        <Button component={Link} to={memberPath(item.id, 'recognition')} size="compact-xs" variant="light">
          {t('memberEvents.actions.recognition')}
        </Button>
      ),
    },
  ];

  return (
    <Section title={t('members.due.recognitionTitle')} testId="due-recognition">
      <RuleNote>{t('members.due.rule')}</RuleNote>
      {due.isError && <ErrorAlert error={due.error} onRetry={() => void due.refetch()} />}
      {due.data && (
        <>
          <SegmentedControl
            size="xs"
            my="xs"
            value={filter ?? 'all'}
            onChange={(value) => setFilter(value === 'all' ? null : value)}
            data={[
              { value: 'all', label: `${t('members.due.all')} (${formatCount(all.length)})` },
              ...DUE_STATUSES.map((status) => ({
                value: status,
                label: `${t(`members.due.status.${status}`)} (${formatCount(count(status))})`,
              })),
            ]}
            data-testid="due-filter"
          />
          {rows.length === 0 ? (
            <Text size="sm" c="dimmed" p="xs">
              {t('members.due.none')}
            </Text>
          ) : (
            <WindowedTable
              rows={rows}
              columns={columns}
              rowKey={(item) => item.id}
              maxHeight={420}
              minWidth={1040}
              testId="due-table"
              rowTestId="due-row"
            />
          )}
        </>
      )}
    </Section>
  );
}
