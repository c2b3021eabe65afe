import { Alert } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** The rule a screen or form applies, in one short paragraph above it. */
export function RuleNote({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} />} py="xs" data-testid={testId}>
      {children}
    </Alert>
  );
}
