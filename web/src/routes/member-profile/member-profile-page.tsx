import { Alert, Anchor, Breadcrumbs, Button, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import {
  IconArrowBarToRight,
  IconArrowForwardUp,
  IconCircleCheck,
  IconCircleCheckFilled,
  IconFileText,
  IconUserMinus,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { memberProfileDocxUrl } from '../../api/exports-api.ts';
import type { MemberEventKind } from '../../api/members-api.ts';
import { useMemberProfile } from '../../api/members-queries.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { oneOf } from '../../components/form-values.ts';
import { membersListPath } from '../../components/member-paths.ts';
import { MemberStatusBadge } from '../../components/member-status-badge.tsx';
import { unitPath } from '../../components/use-as-of.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useUrlParam } from '../../components/use-url-param.ts';
import { eventsAllowed } from './event-form.ts';
import { EventFormModal } from './event-form-modal.tsx';
import { MemberFieldsSection } from './member-fields-section.tsx';
import { MemberTimeline } from './member-timeline.tsx';
import { MembershipsSection, MemberTransfersSection } from './member-transfers-section.tsx';

const EVENT_BUTTON_ICONS: Record<MemberEventKind, typeof IconCircleCheck> = {
  recognition: IconCircleCheck,
  'transfer-out': IconArrowForwardUp,
  'transfer-in': IconArrowBarToRight,
  leave: IconUserMinus,
};

const EVENT_KINDS: readonly MemberEventKind[] = ['recognition', 'transfer-out', 'transfer-in', 'leave'];

/** `/members/:id`: the profile, its timeline of events, transfers and memberships, and the event forms. */
export function MemberProfilePage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const profile = useMemberProfile(id);
  // The open form is in the URL (`?action=recognition`) so a work queue can link straight to it.
  const [actionParam, setAction] = useUrlParam('action');
  const action = oneOf(EVENT_KINDS, actionParam);
  const [recorded, setRecorded] = useState<MemberEventKind | null>(null);
  usePageTitle(profile.data?.fullName ?? t('nav.members'));

  if (profile.isPending) return <Loader size="sm" />;
  if (profile.isError) return <ErrorAlert error={profile.error} onRetry={() => void profile.refetch()} />;
  const member = profile.data;
  const allowed = eventsAllowed(member.status);

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <div style={{ minWidth: 0 }}>
          <Breadcrumbs separatorMargin={4} fz="sm">
            <Anchor component={Link} to={membersListPath()} size="sm">
              {t('nav.members')}
            </Anchor>
            <Anchor component={Link} to={unitPath(member.cellCode)} size="sm">
              {member.cellName}
            </Anchor>
            <Text size="sm" c="dimmed">
              {member.fullName}
            </Text>
          </Breadcrumbs>
          <Group gap="sm" mt={4} wrap="nowrap">
            <Title order={2} lineClamp={1} data-testid="member-name">
              {member.fullName}
            </Title>
            <MemberStatusBadge status={member.status} size="md" />
          </Group>
        </div>
        <Group gap="xs">
          <Button
            component="a"
            href={memberProfileDocxUrl(member.id)}
            download
            variant="default"
            leftSection={<IconFileText size={16} />}
            data-testid="member-profile-docx"
          >
            {t('exports.profileDocx')}
          </Button>
          {allowed.map((kind) => {
            const Icon = EVENT_BUTTON_ICONS[kind];
            return (
              <Button
                key={kind}
                variant={kind === 'leave' ? 'default' : 'light'}
                leftSection={<Icon size={16} />}
                onClick={() => {
                  setRecorded(null);
                  setAction(kind);
                }}
                data-testid={`member-action-${kind}`}
              >
                {t(`memberEvents.actions.${kind}`)}
              </Button>
            );
          })}
        </Group>
      </Group>
      {recorded && (
        <Alert
          color="teal"
          variant="light"
          icon={<IconCircleCheckFilled size={18} />}
          withCloseButton
          onClose={() => setRecorded(null)}
          py="xs"
          data-testid="member-event-recorded"
        >
          {t('memberEvents.recorded', { event: t(`memberEvents.titles.${recorded}`) })}
        </Alert>
      )}
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <MemberFieldsSection profile={member} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="sm">
            <MemberTimeline events={member.events} />
            <MembershipsSection memberships={member.memberships} />
          </Stack>
        </Grid.Col>
      </Grid>
      <MemberTransfersSection transfers={member.transfers} />
      <EventFormModal
        kind={action !== null && allowed.includes(action) ? action : null}
        profile={member}
        onClose={() => setAction(null)}
        onRecorded={(kind) => {
          setAction(null);
          setRecorded(kind);
        }}
      />
    </Stack>
  );
}
