import { Group, Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled, bordered block of a page. */
export function Section({
  title,
  children,
  testId,
  actions,
}: {
  title: ReactNode;
  children: ReactNode;
  testId?: string;
  /** Shown at the right of the title (links, buttons). */
  actions?: ReactNode;
}) {
  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <Group justify="space-between" gap="xs" mb={6} wrap="nowrap">
        <Title order={3} size="h5">
          {title}
        </Title>
        {actions}
      </Group>
      {children}
    </Paper>
  );
}
