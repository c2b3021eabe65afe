import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DocStatus } from '../../api/documents-api.ts';

const COLORS: Record<DocStatus, string> = {
  in_force: 'green',
  partly_amended: 'yellow',
  replaced: 'gray',
  expired: 'gray',
  repealed: 'red',
};

export function DocStatusBadge({ status }: { status: DocStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light" tt="none" data-testid="doc-status" data-status={status}>
      {t(`documents.status.${status}`)}
    </Badge>
  );
}
