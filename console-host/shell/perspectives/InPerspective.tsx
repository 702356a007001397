/** Wraps a route that belongs to a perspective: opening it switches to that perspective, as in the console. */
import { useEffect, type ReactNode } from 'react';
import { useActivePerspective } from '../../sdk/hooks/useActivePerspective';

export const InPerspective = ({
  perspective,
  children,
}: {
  perspective?: string;
  children: ReactNode;
}) => {
  const [active, setActive] = useActivePerspective();
  useEffect(() => {
    if (perspective && perspective !== active) setActive(perspective);
  }, [perspective, active, setActive]);
  return <>{children}</>;
};
