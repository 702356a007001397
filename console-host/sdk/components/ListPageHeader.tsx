/** ListPageHeader: the page title with an optional badge, help text, alert and primary action. */
import { Flex, FlexItem, PageSection, Title } from '@patternfly/react-core';
import type { ListPageHeaderProps } from '@openshift-console/dynamic-plugin-sdk';
import { DocumentTitle } from './DocumentTitle';

export const ListPageHeader = ({
  title,
  badge,
  helpText,
  helpAlert,
  children,
}: ListPageHeaderProps) => (
  <PageSection hasBodyWrapper={false} className="co-m-nav-title">
    {title && <DocumentTitle>{title}</DocumentTitle>}
    <Flex
      justifyContent={{ default: 'justifyContentSpaceBetween' }}
      alignItems={{ default: 'alignItemsCenter' }}
    >
      <Flex alignItems={{ default: 'alignItemsCenter' }} gap={{ default: 'gapSm' }}>
        {title && (
          <Title headingLevel="h1" data-test="page-heading">
            {title}
          </Title>
        )}
        {badge && <FlexItem>{badge}</FlexItem>}
      </Flex>
      {children && <FlexItem>{children}</FlexItem>}
    </Flex>
    {helpText && <div className="pf-v6-u-mt-sm">{helpText}</div>}
    {helpAlert && <div className="pf-v6-u-mt-md">{helpAlert}</div>}
  </PageSection>
);
