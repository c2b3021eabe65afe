import { Badge, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MemberStatus } from '../api/members-api.ts';

const STATUS_COLORS: Record<MemberStatus, MantineColor> = {
  probationary: 'yellow',
  official: 'teal',
  in_transit: 'blue',
  removed: 'gray',
  expelled: 'red',
  deceased: 'dark',
};

/** The standing of a member (or what ended the membership), in the current language. */
export function MemberStatusBadge({
  status,
  size = 'sm',
}: {
  status: MemberStatus;
  size?: 'xs' | 'sm' | 'md';
}) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATUS_COLORS[status]}
      variant="light"
      size={size}
      tt="none"
      radius="sm"
      style={{ flexShrink: 0 }}
      data-status={status}
      data-testid="member-status"
    >
      {t(`members.status.${status}`)}
    </Badge>
  );
}
