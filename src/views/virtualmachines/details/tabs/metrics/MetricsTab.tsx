import type { FC } from 'react';
import type { VMTabProps } from '../tabProps';

// Being built in parallel (issue 5); replaced by the real tab before this lands.
const MetricsTab: FC<VMTabProps> = () => null;

export default MetricsTab;
