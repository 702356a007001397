/** VirtualizedTable: a PatternFly table that renders only the rows in view (fixed row height). */
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Bullseye, EmptyState, EmptyStateBody, Spinner } from '@patternfly/react-core';
import { Table, Tbody, Th, Thead, Tr } from '@patternfly/react-table';
import type { VirtualizedTableProps } from '@openshift-console/dynamic-plugin-sdk';
import { rowWindow, sortRows, type RowWindow, type SortDirection } from './tableLogic';

/** Keys of the two filler rows that stand for the rows outside the window. */
const SPACER_TOP = 'spacer-top';
const SPACER_BOTTOM = 'spacer-bottom';
type SpacerKey = typeof SPACER_TOP | typeof SPACER_BOTTOM;

const DEFAULT_ROW_HEIGHT = 57;

const scrollParent = (el: HTMLElement | null): HTMLElement | Window => {
  for (let node = el?.parentElement; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if (/(auto|scroll)/.test(overflowY) && node.scrollHeight > node.clientHeight) return node;
  }
  return window;
};

export const VirtualizedTable = <D, R = object>({
  data,
  unfilteredData,
  loaded,
  loadError,
  columns,
  Row,
  NoDataEmptyMsg,
  EmptyMsg,
  scrollNode,
  label,
  'aria-label': ariaLabel,
  rowData,
  onSelect,
  sortColumnIndex = 0,
  sortDirection = 'asc' as never,
  onRowsRendered,
}: VirtualizedTableProps<D, R>) => {
  const { t } = useTranslation('console-host');
  const [sortBy, setSortBy] = useState<{ index: number; direction: SortDirection }>({
    index: sortColumnIndex,
    direction: sortDirection as SortDirection,
  });
  const sorted = useMemo(
    () => sortRows(data ?? [], columns[sortBy.index], sortBy.direction),
    [data, columns, sortBy],
  );
  const activeColumnIDs = useMemo(() => new Set(columns.map((c) => c.id)), [columns]);
  const tbodyRef = useRef<HTMLTableSectionElement>(null);
  const [rowHeight, setRowHeight] = useState(DEFAULT_ROW_HEIGHT);
  const [win, setWin] = useState<RowWindow>({ start: 0, end: 50 });
  const count = sorted.length;

  // The scroll parent is found once per mount: walking ancestors' computed styles on every
  // scroll frame forced a style recalculation each time.
  const parentRef = useRef<HTMLElement | Window | null>(null);
  const update = useCallback(() => {
    const body = tbodyRef.current;
    const parent = parentRef.current;
    if (!body || !parent) return;
    const viewTop = parent instanceof Window ? 0 : parent.getBoundingClientRect().top;
    const viewHeight = parent instanceof Window ? window.innerHeight : parent.clientHeight;
    const offset = body.getBoundingClientRect().top - viewTop;
    const next = rowWindow(offset, viewHeight, rowHeight, count);
    setWin((prev) => (prev.start === next.start && prev.end === next.end ? prev : next));
  }, [rowHeight, count]);

  useLayoutEffect(() => {
    const body = tbodyRef.current;
    if (!body) return;
    const parent = scrollNode?.() ?? scrollParent(body);
    parentRef.current = parent;
    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(update);
    };
    update();
    parent.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('resize', onScroll);
    return () => {
      cancelAnimationFrame(frame);
      parent.removeEventListener('scroll', onScroll);
      window.removeEventListener('resize', onScroll);
    };
  }, [update, scrollNode, loaded]);

  // Calibrate the fixed row height from the first rendered row.
  useLayoutEffect(() => {
    const first = tbodyRef.current?.querySelector<HTMLTableRowElement>('tr[data-index]');
    const measured = first?.getBoundingClientRect().height;
    if (measured && Math.abs(measured - rowHeight) > 1) setRowHeight(Math.round(measured));
  }, [rowHeight, win, count]);

  const start = Math.min(win.start, count);
  const end = Math.min(win.end, count);
  useLayoutEffect(() => {
    onRowsRendered?.({
      startIndex: start,
      stopIndex: end - 1,
      overscanStartIndex: start,
      overscanStopIndex: end - 1,
    });
  }, [onRowsRendered, start, end]);

  if (loadError) {
    const message = (loadError as { message?: string })?.message ?? String(loadError);
    return (
      <Alert variant="danger" isInline title={t('Error loading resources')}>
        {message}
      </Alert>
    );
  }
  if (!loaded) {
    return (
      <Bullseye className="pf-v6-u-p-xl">
        <Spinner aria-label={t('Loading')} />
      </Bullseye>
    );
  }
  if (!unfilteredData?.length || !count) {
    const Custom = !unfilteredData?.length ? NoDataEmptyMsg : EmptyMsg;
    return Custom ? (
      <Custom />
    ) : (
      <EmptyState
        headingLevel="h2"
        titleText={!unfilteredData?.length ? t('No resources found') : t('No results')}
      >
        {!!unfilteredData?.length && (
          <EmptyStateBody>{t('No results match the filter criteria.')}</EmptyStateBody>
        )}
      </EmptyState>
    );
  }

  const colSpan = columns.length;
  const spacer = (height: number, key: SpacerKey) =>
    height > 0 ? (
      <tr key={key} aria-hidden="true" style={{ height }}>
        <td colSpan={colSpan} style={{ padding: 0, border: 0 }} />
      </tr>
    ) : null;

  return (
    <Table
      aria-label={ariaLabel ?? label}
      aria-rowcount={count + 1}
      className="co-virtualized-table"
      isStickyHeader
    >
      <Thead>
        <Tr>
          {columns.map((col, index) => (
            <Th
              key={col.id}
              className={(col.props as { className?: string } | undefined)?.className}
              sort={
                col.sort
                  ? {
                      sortBy: { index: sortBy.index, direction: sortBy.direction },
                      columnIndex: index,
                      onSort: (_e, i, direction) =>
                        setSortBy({ index: i, direction: direction as SortDirection }),
                    }
                  : undefined
              }
            >
              {col.title}
            </Th>
          ))}
        </Tr>
      </Thead>
      <Tbody ref={tbodyRef}>
        {spacer(start * rowHeight, SPACER_TOP)}
        {sorted.slice(start, end).map((obj, i) => {
          const index = start + i;
          const uid = (obj as { metadata?: { uid?: string; namespace?: string; name?: string } })
            .metadata;
          return (
            <Tr
              key={uid?.uid ?? `${uid?.namespace}/${uid?.name}/${index}`}
              data-index={index}
              aria-rowindex={index + 2}
              style={{ height: rowHeight }}
            >
              <Row
                obj={obj}
                rowData={rowData as R}
                activeColumnIDs={activeColumnIDs}
                index={index}
                onSelect={onSelect}
              />
            </Tr>
          );
        })}
        {spacer((count - end) * rowHeight, SPACER_BOTTOM)}
      </Tbody>
    </Table>
  );
};
