import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/** Label–value rows (the details of a unit, the fields of a profile). */
export function FieldTable({
  rows,
  labelWidth = '42%',
  testId,
}: {
  rows: readonly (readonly [string, ReactNode])[];
  labelWidth?: string;
  testId?: string;
}) {
  return (
    <Table withRowBorders={false} layout="fixed" data-testid={testId}>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={labelWidth} c="dimmed" fw={500}>
              {label}
            </Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
