import type { FC } from 'react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  EmptyState,
  PageSection,
  ToggleGroup,
  ToggleGroupItem,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { Timestamp, useK8sWatchResource } from '@openshift-console/dynamic-plugin-sdk';
import { EventModel } from '../../../../../models';
import { modelToGroupVersionKind } from '../../../../../models/modelUtils';
import {
  getEventCount,
  getEventLastSeen,
  getEventSource,
  mergeEvents,
  type EventLike,
  type EventTypeFilter,
} from '../../../../../utils/vmEvents';
import type { VMTabProps } from '../tabProps';

/** Event type filter values, as the API spells the types. */
const EVENT_TYPES: EventTypeFilter[] = ['All', 'Normal', 'Warning'];

const EVENT_GVK = modelToGroupVersionKind(EventModel);

/**
 * The events of the VM and of its instance (same name): one watch with a field selector on the
 * involved object's name, live, newest first, filtered by type.
 */
const EventsTab: FC<VMTabProps> = ({ obj }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const [type, setType] = useState<EventTypeFilter>('All');
  const [events, loaded] = useK8sWatchResource<EventLike[]>({
    groupVersionKind: EVENT_GVK,
    namespace: obj.metadata?.namespace,
    isList: true,
    fieldSelector: `involvedObject.name=${obj.metadata?.name ?? ''}`,
  });
  const rows = useMemo(() => mergeEvents([events], type), [events, type]);
  const labels: Record<EventTypeFilter, string> = {
    All: t('All'),
    Normal: 'Normal',
    Warning: 'Warning',
  };

  return (
    <PageSection>
      <Toolbar>
        <ToolbarContent>
          <ToolbarItem>
            <ToggleGroup aria-label={t('Event type')}>
              {EVENT_TYPES.map((value) => (
                <ToggleGroupItem
                  key={value}
                  text={labels[value]}
                  isSelected={type === value}
                  onChange={() => setType(value)}
                />
              ))}
            </ToggleGroup>
          </ToolbarItem>
        </ToolbarContent>
      </Toolbar>
      {loaded && !rows.length ? (
        <EmptyState titleText={t('No events')} headingLevel="h2" />
      ) : (
        <Table aria-label={t('Events')} variant="compact">
          <Thead>
            <Tr>
              <Th>{t('Type')}</Th>
              <Th>{t('Reason')}</Th>
              <Th>{t('Object')}</Th>
              <Th>{t('Message')}</Th>
              <Th>{t('Source')}</Th>
              <Th>{t('Count')}</Th>
              <Th>{t('Last seen')}</Th>
            </Tr>
          </Thead>
          <Tbody>
            {rows.map((event) => (
              <Tr key={event.metadata?.uid ?? event.metadata?.name}>
                <Td dataLabel={t('Type')}>{event.type}</Td>
                <Td dataLabel={t('Reason')}>{event.reason}</Td>
                <Td dataLabel={t('Object')}>{event.involvedObject?.kind}</Td>
                <Td dataLabel={t('Message')}>{event.message}</Td>
                <Td dataLabel={t('Source')}>{getEventSource(event)}</Td>
                <Td dataLabel={t('Count')}>{getEventCount(event)}</Td>
                <Td dataLabel={t('Last seen')}>
                  <Timestamp timestamp={getEventLastSeen(event)} />
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
    </PageSection>
  );
};

export default EventsTab;
