import { Alert, Button, Grid, Group, Loader, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { holdsMembers } from '../../../../src/core/org-kinds.ts';
import { ApiError } from '../../api/api-error.ts';
import type { OrgHistory } from '../../api/orgs-api.ts';
import { useOrgChildren, useOrgDetail, useOrgHistory } from '../../api/orgs-queries.ts';
import { addDays, formatDate } from '../../components/dates.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { unitPath, useAsOf } from '../../components/use-as-of.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { HistorySection, LineageSection } from './org-history-sections.tsx';
import { OrgMembersSection } from './org-members-section.tsx';
import { OrgUnitHeader } from './org-unit-header.tsx';
import { ChildrenSection, CountsSection, DetailsSection, WarningsSection } from './org-unit-sections.tsx';

const ABSENT_ON_DATE = new Set(['org.not_yet_existing', 'org.no_longer_existing']);

/** `/orgs/:code`: one unit as of a date, with its sub-units, history and lineage. */
export function OrgUnitPage() {
  const code = useParams().code ?? '';
  const [asOf, setAsOf] = useAsOf();
  const detail = useOrgDetail(code, asOf);
  const history = useOrgHistory(code);
  const children = useOrgChildren(code, asOf, detail.isSuccess);
  // Unknown code (404), or a unit that did not exist on that date (422 with one of these codes).
  const missing =
    detail.isError &&
    detail.error instanceof ApiError &&
    (detail.error.status === 404 || ABSENT_ON_DATE.has(detail.error.code));
  const lastVersion = history.data?.versions[history.data.versions.length - 1];
  usePageTitle(detail.data?.name ?? lastVersion?.name ?? code);

  return (
    <Stack gap="sm">
      <OrgUnitHeader
        code={code}
        detail={detail.data}
        fallbackName={lastVersion?.name}
        asOf={asOf}
        onAsOfChange={setAsOf}
      />
      {detail.isPending && <Loader size="sm" />}
      {missing && <NotExistingNotice code={code} asOf={asOf} history={history.data} error={detail.error} />}
      {detail.isError && !missing && (
        <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />
      )}
      {detail.data && <WarningsSection warnings={detail.data.warnings} />}
      <Grid gap="sm">
        {detail.data && (
          <>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <DetailsSection detail={detail.data} history={history.data} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 3 }}>
              <Stack gap="sm">
                <OrgMembersSection code={code} asOf={asOf} holdsMembers={holdsMembers(detail.data.kind)} />
                <CountsSection counts={detail.data.countsByKind} />
              </Stack>
            </Grid.Col>
          </>
        )}
        <Grid.Col span={{ base: 12, md: detail.data ? 5 : 12 }}>
          {history.data && <LineageSection lineage={history.data.lineage} />}
        </Grid.Col>
      </Grid>
      {detail.data &&
        (children.isError ? (
          <ErrorAlert error={children.error} onRetry={() => void children.refetch()} />
        ) : (
          <ChildrenSection items={children.data} asOf={asOf} />
        ))}
      {history.isError && !missing && <ErrorAlert error={history.error} />}
      {history.data && <HistorySection history={history.data} />}
    </Stack>
  );
}

/** The unit did not exist on the date asked: say when it did, and offer to look then. */
function NotExistingNotice({
  code,
  asOf,
  history,
  error,
}: {
  code: string;
  asOf: string;
  history: OrgHistory | undefined;
  error: unknown;
}) {
  const { t } = useTranslation();
  const first = history?.versions[0];
  const last = history?.versions[history.versions.length - 1];
  if (!first || !last) return <ErrorAlert error={error} />;
  const target =
    asOf < first.validFrom ? first.validFrom : last.validTo ? addDays(last.validTo, -1) : first.validFrom;
  return (
    <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />} data-testid="unit-not-existing">
      <Text size="sm">{t('unit.notExisting', { code, date: formatDate(asOf) })}</Text>
      <Text size="sm">
        {t('unit.existedFrom', {
          from: formatDate(first.validFrom),
          to: last.validTo ? formatDate(addDays(last.validTo, -1)) : t('common.now'),
        })}
      </Text>
      <Group gap="xs" mt="xs">
        <Button component={Link} to={unitPath(code, target)} size="xs" variant="light">
          {t('unit.viewAt', { date: formatDate(target) })}
        </Button>
      </Group>
    </Alert>
  );
}
