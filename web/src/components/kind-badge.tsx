import { Badge, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OrgKindValue } from '../api/orgs-api.ts';

const KIND_COLORS: Record<OrgKindValue, MantineColor> = {
  central: 'red',
  province: 'orange',
  intermediate: 'yellow',
  grassroots_committee: 'blue',
  grassroots_cell: 'teal',
  cell: 'gray',
};

/** The kind of a Party organization, labelled in the current language. */
interface KindBadgeProps {
  kind: OrgKindValue;
  size?: 'xs' | 'sm' | 'md';
  /** In a narrow cell the label wraps instead of being cut. */
  wrap?: boolean;
}

export function KindBadge({ kind, size = 'sm', wrap = false }: KindBadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge
      color={KIND_COLORS[kind]}
      variant="light"
      size={size}
      tt="none"
      radius="sm"
      style={{ flexShrink: 0 }}
      styles={
        wrap ? { root: { height: 'auto', paddingBlock: 2 }, label: { whiteSpace: 'normal' } } : undefined
      }
    >
      {t(`kinds.${kind}`)}
    </Badge>
  );
}
