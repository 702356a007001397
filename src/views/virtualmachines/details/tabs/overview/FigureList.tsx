import type { FC, ReactNode } from 'react';
import {
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
} from '@patternfly/react-core';

/** A term and its value; a missing value shows as "–". */
export type Figure = [term: string, value: ReactNode];

/** Compact horizontal term/value pairs, as the Overview cards show them. */
const FigureList: FC<{ figures: Figure[]; className?: string }> = ({ figures, className }) => (
  <DescriptionList isHorizontal isCompact className={className}>
    {figures.map(([term, value]) => (
      <DescriptionListGroup key={term}>
        <DescriptionListTerm>{term}</DescriptionListTerm>
        <DescriptionListDescription>{value ?? '–'}</DescriptionListDescription>
      </DescriptionListGroup>
    ))}
  </DescriptionList>
);

export default FigureList;
