/** The Details tab of generic pages: metadata, labels, annotations, owners and conditions. */
import { useTranslation } from 'react-i18next';
import {
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Label,
  LabelGroup,
  PageSection,
  Title,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import type { K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import { getGroupVersionKindForResource } from '@openshift-console/dynamic-plugin-sdk/lib/utils/k8s/k8s-ref';
import { ResourceLink } from '../../../sdk/components/ResourceLink';
import { Timestamp } from '../../../sdk/components/Timestamp';

type Condition = {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
};

export const MetadataDetails = ({
  obj,
}: {
  obj: K8sResourceCommon & { status?: { conditions?: Condition[] } };
}) => {
  const { t } = useTranslation('console-host');
  const m = obj.metadata ?? {};
  const labels = Object.entries(m.labels ?? {});
  const annotations = Object.entries(m.annotations ?? {});
  const conditions = obj.status?.conditions ?? [];
  const dash = '-';
  return (
    <PageSection hasBodyWrapper={false}>
      <Title headingLevel="h2" className="pf-v6-u-mb-md">
        {t('{{kind}} details', { kind: obj.kind })}
      </Title>
      <DescriptionList isHorizontal>
        <DescriptionListGroup>
          <DescriptionListTerm>{t('Name')}</DescriptionListTerm>
          <DescriptionListDescription>{m.name}</DescriptionListDescription>
        </DescriptionListGroup>
        {m.namespace && (
          <DescriptionListGroup>
            <DescriptionListTerm>{t('Namespace')}</DescriptionListTerm>
            <DescriptionListDescription>
              <ResourceLink
                groupVersionKind={{ version: 'v1', kind: 'Namespace' }}
                name={m.namespace}
              />
            </DescriptionListDescription>
          </DescriptionListGroup>
        )}
        <DescriptionListGroup>
          <DescriptionListTerm>{t('Labels')}</DescriptionListTerm>
          <DescriptionListDescription>
            {labels.length ? (
              <LabelGroup numLabels={10}>
                {labels.map(([k, v]) => (
                  <Label key={k} color="blue" isCompact>
                    {v ? `${k}=${v}` : k}
                  </Label>
                ))}
              </LabelGroup>
            ) : (
              t('No labels')
            )}
          </DescriptionListDescription>
        </DescriptionListGroup>
        <DescriptionListGroup>
          <DescriptionListTerm>{t('Annotations')}</DescriptionListTerm>
          <DescriptionListDescription>
            {annotations.length
              ? annotations.map(([k, v]) => (
                  <div key={k} className="co-break-word">
                    <code>{k}</code>: {v}
                  </div>
                ))
              : t('No annotations')}
          </DescriptionListDescription>
        </DescriptionListGroup>
        <DescriptionListGroup>
          <DescriptionListTerm>{t('Created at')}</DescriptionListTerm>
          <DescriptionListDescription>
            <Timestamp timestamp={m.creationTimestamp} />
          </DescriptionListDescription>
        </DescriptionListGroup>
        <DescriptionListGroup>
          <DescriptionListTerm>{t('Owner')}</DescriptionListTerm>
          <DescriptionListDescription>
            {m.ownerReferences?.length
              ? m.ownerReferences.map((o) => (
                  <ResourceLink
                    key={o.uid}
                    groupVersionKind={getGroupVersionKindForResource({
                      apiVersion: o.apiVersion,
                      kind: o.kind,
                    })}
                    name={o.name}
                    namespace={m.namespace}
                  />
                ))
              : t('No owner')}
          </DescriptionListDescription>
        </DescriptionListGroup>
        <DescriptionListGroup>
          <DescriptionListTerm>{t('UID')}</DescriptionListTerm>
          <DescriptionListDescription>{m.uid ?? dash}</DescriptionListDescription>
        </DescriptionListGroup>
      </DescriptionList>
      {conditions.length > 0 && (
        <>
          <Title headingLevel="h2" className="pf-v6-u-mt-xl pf-v6-u-mb-md">
            {t('Conditions')}
          </Title>
          <Table aria-label={t('Conditions')} variant="compact">
            <Thead>
              <Tr>
                <Th>{t('Type')}</Th>
                <Th>{t('Status')}</Th>
                <Th>{t('Updated')}</Th>
                <Th>{t('Reason')}</Th>
                <Th>{t('Message')}</Th>
              </Tr>
            </Thead>
            <Tbody>
              {conditions.map((c) => (
                <Tr key={c.type}>
                  <Td dataLabel={t('Type')}>{c.type}</Td>
                  <Td dataLabel={t('Status')}>{c.status}</Td>
                  <Td dataLabel={t('Updated')}>
                    <Timestamp timestamp={c.lastTransitionTime} />
                  </Td>
                  <Td dataLabel={t('Reason')}>{c.reason ?? dash}</Td>
                  <Td dataLabel={t('Message')}>{c.message ?? dash}</Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        </>
      )}
    </PageSection>
  );
};
