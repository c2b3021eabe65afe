import { Grid, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ISSUE_KINDS } from '../../api/quality-api.ts';
import { useQualitySummary } from '../../api/quality-queries.ts';
import { formatDate, todayIso } from '../../components/dates.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { oneOf } from '../../components/form-values.ts';
import { formatCount } from '../../components/formatting.ts';
import { MembersHeader } from '../../components/members-header.tsx';
import { OrgPicker } from '../../components/org-picker.tsx';
import { RuleNote } from '../../components/rule-note.tsx';
import { useDefaultOrg } from '../../components/use-default-org.ts';
import { useUrlParam } from '../../components/use-url-param.ts';
import { QualityIssuesSection } from './quality-issues-section.tsx';
import { CompletenessSection, DatesSection, DuplicatesSection } from './quality-summary-sections.tsx';

/**
 * `/members/quality?org=&kind=`: how complete and consistent a unit's member records are, and
 * (with `kind`) the records to fix for one problem, so the office can correct them.
 */
export function DataQualityPage() {
  const { t } = useTranslation();
  const [org, setOrg] = useDefaultOrg();
  return (
    <Stack gap="sm">
      <MembersHeader tab="quality" org={org}>
        <OrgPicker
          label={t('members.search.unit')}
          value={org}
          onChange={setOrg}
          asOf={todayIso()}
          data-testid="quality-org"
        />
      </MembersHeader>
      {org ? (
        <UnitQuality org={org} />
      ) : (
        <Text size="sm" c="dimmed">
          {t('quality.pickUnit')}
        </Text>
      )}
    </Stack>
  );
}

function UnitQuality({ org }: { org: string }) {
  const { t } = useTranslation();
  const [kindParam] = useUrlParam('kind');
  const kind = oneOf(ISSUE_KINDS, kindParam);
  const summary = useQualitySummary(org);
  const data = summary.data;
  return (
    <>
      <RuleNote>{t('quality.rule')}</RuleNote>
      {summary.isPending && <Loader size="sm" />}
      {summary.isError && <ErrorAlert error={summary.error} onRetry={() => void summary.refetch()} />}
      {data && (
        <>
          <Text size="sm" data-testid="quality-overview">
            {t('quality.overview', {
              unit: data.orgName,
              total: formatCount(data.total),
              date: formatDate(data.asOf),
            })}
          </Text>
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <CompletenessSection summary={data} chosen={kind} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 5 }}>
              <Stack gap="sm">
                <DuplicatesSection summary={data} chosen={kind} />
                <DatesSection summary={data} chosen={kind} />
              </Stack>
            </Grid.Col>
          </Grid>
        </>
      )}
      {kind && <QualityIssuesSection key={`${org}|${kind}`} org={org} kind={kind} />}
    </>
  );
}
