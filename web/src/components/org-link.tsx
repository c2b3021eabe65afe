import { Anchor } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { unitPath } from './use-as-of.ts';

/** A link to a unit page (keeping the "as of" date when it is not today). */
export function OrgLink({ code, asOf, children }: { code: string; asOf?: string; children: ReactNode }) {
  return (
    <Anchor component={Link} to={unitPath(code, asOf)} size="sm">
      {children}
    </Anchor>
  );
}
