import { Badge, Group, Text, Timeline } from '@mantine/core';
import {
  IconArrowBarToRight,
  IconArrowForwardUp,
  IconCircleCheck,
  type IconFlag,
  IconUserMinus,
  IconUserPlus,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberEvent } from '../../api/members-api.ts';
import { DateText } from '../../components/date-text.tsx';
import { formatDate, formatTimestamp } from '../../components/dates.ts';
import { OrgCodeLink } from '../../components/org-code-link.tsx';
import { Section } from '../../components/section.tsx';

const EVENT_KINDS = [
  'admission',
  'recognition',
  'transfer_out',
  'transfer_in',
  'removal',
  'not_recognised',
  'expulsion',
  'resignation',
  'death',
] as const;
type EventKind = (typeof EVENT_KINDS)[number];

function knownKind(kind: string): EventKind | undefined {
  return EVENT_KINDS.find((item) => item === kind);
}

const EVENT_ICONS: Partial<Record<EventKind, typeof IconFlag>> = {
  admission: IconUserPlus,
  recognition: IconCircleCheck,
  transfer_out: IconArrowForwardUp,
  transfer_in: IconArrowBarToRight,
};

function text(details: Record<string, unknown>, key: string): string | undefined {
  const value = details[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** What the server recorded beside the event, said in words. */
function EventDetails({ event }: { event: MemberEvent }) {
  const { t } = useTranslation();
  const { details } = event;
  const parts: ReactNode[] = [];
  const from = text(details, 'fromCellCode');
  const to = text(details, 'toCellCode');
  const cell = text(details, 'cellCode');
  if (cell) {
    parts.push(
      <Text key="cell" size="sm">
        {t('members.fields.cell')}: <OrgCodeLink code={cell} asOf={event.date} />
      </Text>,
    );
  }
  if (from && to) {
    parts.push(
      <Text key="route" size="sm">
        <OrgCodeLink code={from} asOf={event.date} /> → <OrgCodeLink code={to} asOf={event.date} />
      </Text>,
    );
  }
  const transferKind = text(details, 'kind');
  if (transferKind === 'official' || transferKind === 'temporary') {
    parts.push(
      <Text key="kind" size="xs" c="dimmed">
        {t(`members.transferKinds.${transferKind}`)}
      </Text>,
    );
  }
  const presentBy = text(details, 'presentBy');
  if (presentBy) {
    parts.push(
      <Text key="presentBy" size="xs" c="dimmed">
        {t('members.transfers.presentBy')}: {formatDate(presentBy)}
      </Text>,
    );
  }
  const consideredOn = text(details, 'consideredOn');
  if (consideredOn) {
    parts.push(
      <Text key="considered" size="xs" c="dimmed">
        {t('memberEvents.consideredOn', { date: formatDate(consideredOn) })}
      </Text>,
    );
  }
  if (details.late === true) {
    parts.push(
      <Badge key="late" size="xs" color="orange" variant="light" tt="none">
        {event.kind === 'recognition' ? t('memberEvents.lateReview') : t('memberEvents.latePresented')}
      </Badge>,
    );
  }
  if (text(details, 'ageException')) {
    parts.push(
      <Badge key="age" size="xs" color="grape" variant="light" tt="none">
        {t('memberEvents.ageException')}
      </Badge>,
    );
  }
  const reason = text(details, 'reason');
  if (reason) {
    parts.push(
      <Text key="reason" size="sm">
        {t('memberEvents.fields.reason')}: {reason}
      </Text>,
    );
  }
  return <>{parts}</>;
}

/** Every recorded event of the member, oldest first, with its decision and who recorded it. */
export function MemberTimeline({ events }: { events: readonly MemberEvent[] }) {
  const { t } = useTranslation();
  return (
    <Section title={t('members.profile.timeline')} testId="member-timeline">
      {events.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('common.none')}
        </Text>
      ) : (
        <Timeline active={events.length - 1} bulletSize={22} lineWidth={2}>
          {events.map((event) => {
            const kind = knownKind(event.kind);
            const Icon = (kind && EVENT_ICONS[kind]) ?? IconUserMinus;
            return (
              <Timeline.Item
                key={event.id}
                bullet={<Icon size={13} />}
                data-testid="timeline-event"
                data-kind={event.kind}
                title={
                  <Group gap={8} wrap="nowrap">
                    <Text size="sm" fw={600}>
                      {kind ? t(`memberEvents.kinds.${kind}`) : event.kind}
                    </Text>
                    <Text size="sm" c="dimmed">
                      <DateText value={event.date} />
                    </Text>
                    {event.decisionRef && (
                      <Badge size="xs" variant="outline" color="gray" tt="none">
                        {event.decisionRef}
                      </Badge>
                    )}
                  </Group>
                }
              >
                <EventDetails event={event} />
                <Text size="xs" c="dimmed" mt={2}>
                  {t('memberEvents.recordedBy', {
                    actor: event.actor,
                    at: formatTimestamp(event.recordedAt),
                  })}
                </Text>
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
    </Section>
  );
}
