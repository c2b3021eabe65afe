import { Table } from '@mantine/core';
import { type CSSProperties, type ReactNode, type UIEvent, useCallback, useRef, useState } from 'react';

export interface WindowedColumn<T> {
  key: string;
  header: ReactNode;
  /** Fixed width (px or %); the columns without one share the rest. */
  width?: number | string;
  align?: 'left' | 'right' | 'center';
  render: (row: T) => ReactNode;
}

interface WindowedTableProps<T> {
  rows: readonly T[];
  columns: readonly WindowedColumn<T>[];
  rowKey: (row: T) => string | number;
  /** Height of every row: rows are cut to one line so the window can be computed. */
  rowHeight?: number;
  /** The table scrolls inside this height. */
  maxHeight?: number;
  /** Extra rows rendered above and below the visible ones. */
  overscan?: number;
  testId?: string;
  rowTestId?: string;
  minWidth?: number;
}

const CELL_STYLE: CSSProperties = { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' };

/**
 * A table that renders only the rows in view (plus a few), so a list of hundreds or thousands of
 * rows stays fast. Rows have a fixed height; the header stays on top while scrolling.
 */
export function WindowedTable<T>({
  rows,
  columns,
  rowKey,
  rowHeight = 34,
  maxHeight = 560,
  overscan = 10,
  testId,
  rowTestId,
  minWidth = 640,
}: WindowedTableProps<T>) {
  const [scrollTop, setScrollTop] = useState(0);
  const frame = useRef<number | null>(null);
  const onScroll = useCallback((event: UIEvent<HTMLDivElement>) => {
    const top = event.currentTarget.scrollTop;
    if (frame.current !== null) cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => setScrollTop(top));
  }, []);

  const visible = Math.ceil(maxHeight / rowHeight);
  // Even, so the stripes do not flip while scrolling.
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan) & ~1;
  const last = Math.min(rows.length, first + visible + 2 * overscan);
  const slice = rows.slice(first, last);

  return (
    <div
      style={{ maxHeight, overflow: 'auto', position: 'relative' }}
      onScroll={onScroll}
      data-testid={testId}
      data-row-count={rows.length}
    >
      <Table striped highlightOnHover stickyHeader layout="fixed" miw={minWidth}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column.key} w={column.width} ta={column.align} style={CELL_STYLE}>
                {column.header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <tr aria-hidden style={{ height: first * rowHeight }} />
          {slice.map((row) => (
            <Table.Tr key={rowKey(row)} h={rowHeight} data-testid={rowTestId}>
              {columns.map((column) => (
                <Table.Td key={column.key} ta={column.align} style={CELL_STYLE}>
                  {column.render(row)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
          {last < rows.length && <tr aria-hidden style={{ height: (rows.length - last) * rowHeight }} />}
        </Table.Tbody>
      </Table>
    </div>
  );
}
