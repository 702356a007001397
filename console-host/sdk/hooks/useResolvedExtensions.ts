/** The console's useResolvedExtensions(...typeGuards): the upstream hook with the guards OR-ed. */
import { useMemo, useRef } from 'react';
import {
  useResolvedExtensions as useUpstreamResolvedExtensions,
  type Extension,
  type ExtensionPredicate,
  type ResolvedExtension,
  type LoadedExtension,
} from '@openshift/dynamic-plugin-sdk';

const sameGuards = (a: unknown[], b: unknown[]) =>
  a.length === b.length && a.every((g, i) => g === b[i]);

export const useResolvedExtensions = <E extends Extension>(
  ...typeGuards: ExtensionPredicate<E>[]
): [LoadedExtension<ResolvedExtension<E>>[], boolean, unknown[]] => {
  const guards = useRef(typeGuards);
  if (!sameGuards(guards.current, typeGuards)) guards.current = typeGuards;
  const current = guards.current;
  const predicate = useMemo(
    () => ((e: Extension) => current.some((guard) => guard(e))) as ExtensionPredicate<E>,
    [current],
  );
  const [resolved, done, errors] = useUpstreamResolvedExtensions<E>(predicate);
  return [resolved as LoadedExtension<ResolvedExtension<E>>[], done, errors];
};
