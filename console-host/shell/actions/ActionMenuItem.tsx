/** One action in a menu: runs its cta, shows disabled/tooltips, and checks `accessReview` (disabled when denied). */
import { useNavigate } from 'react-router';
import { DropdownItem } from '@patternfly/react-core';
import type { Action } from '@openshift-console/dynamic-plugin-sdk';
import { useAccessReview } from '../../sdk/hooks/accessReview';

type Props = { action: Action; onDone: () => void };

const Item = ({ action, onDone, denied }: Props & { denied: boolean }) => {
  const navigate = useNavigate();
  const disabled = !!action.disabled || denied;
  const tooltip = disabled ? action.disabledTooltip : action.tooltip;
  const run = () => {
    onDone();
    const { cta } = action;
    if (typeof cta === 'function') cta();
    else if (cta.external) window.open(cta.href, '_blank', 'noopener,noreferrer');
    else navigate(cta.href);
  };
  return (
    <DropdownItem
      value={action.id}
      isAriaDisabled={disabled}
      description={action.description}
      tooltipProps={tooltip ? { content: tooltip } : undefined}
      onClick={disabled ? undefined : run}
      data-test-action={action.id}
    >
      {action.label}
    </DropdownItem>
  );
};

const ReviewedItem = (props: Props) => {
  const [allowed, loading] = useAccessReview(props.action.accessReview ?? {});
  return <Item {...props} denied={loading || !allowed} />;
};

export const ActionMenuItem = (props: Props) =>
  props.action.accessReview ? <ReviewedItem {...props} /> : <Item {...props} denied={false} />;
