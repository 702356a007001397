/**
 * ActionServiceProvider: runs the `console.action/provider` and `console.action/resource-provider`
 * hooks that apply to `context`, applies `console.action/filter`s and groups the result into menu
 * options (`console.action/group`), then renders `children({ actions, options, loaded, error })`.
 */
import { memo, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Action, ActionServiceProviderProps } from '@openshift-console/dynamic-plugin-sdk';
import {
  isActionFilter,
  isActionGroup,
  isActionProvider,
  isResourceActionProvider,
  type SupportedActionExtensions,
} from '@openshift-console/dynamic-plugin-sdk/lib/extensions';
import type { ExtensionPredicate } from '@openshift/dynamic-plugin-sdk';
import { useResolvedExtensions } from '../hooks/useResolvedExtensions';
import {
  createMenuOptions,
  filterActions,
  providersForContext,
  type GroupLike,
  type ProviderLike,
} from './actionLogic';

type HookResult = [Action[], boolean, unknown];
type Report = (uid: string, result: HookResult) => void;

/**
 * Runs one provider hook (hooks must be called from a component) and reports what it returns.
 * Memoised, so reporting (a parent state change) does not re-run the hook.
 */
const ProviderHook = memo(function ProviderHook({
  uid,
  useProvider,
  scope,
  report,
}: {
  uid: string;
  useProvider: (scope: unknown) => HookResult;
  scope: unknown;
  report: Report;
}) {
  const [actions, loaded, error] = useProvider(scope);
  useEffect(() => report(uid, [actions, loaded, error]), [uid, actions, loaded, error, report]);
  return null;
});

export const ActionServiceProvider = ({ context, children }: ActionServiceProviderProps) => {
  const [extensions, extensionsLoaded] = useResolvedExtensions<SupportedActionExtensions>(
    isActionProvider as ExtensionPredicate<SupportedActionExtensions>,
    isResourceActionProvider as ExtensionPredicate<SupportedActionExtensions>,
    isActionFilter as ExtensionPredicate<SupportedActionExtensions>,
    isActionGroup as ExtensionPredicate<SupportedActionExtensions>,
  );
  const all = extensions as unknown as ProviderLike[];
  const ctx = context as Record<string, unknown>;
  const uses = useMemo(
    () =>
      providersForContext(
        all.filter((e) => e.type !== 'console.action/filter' && e.type !== 'console.action/group'),
        ctx,
      ),
    [all, ctx],
  );
  const [results, setResults] = useState<Record<string, HookResult>>({});
  const report = useCallback<Report>(
    (uid, result) => setResults((prev) => ({ ...prev, [uid]: result })),
    [],
  );
  const service = useMemo(() => {
    const current = uses.map((u) => results[`${u.uid}:${u.contextId}`]);
    const loaded = extensionsLoaded && current.every((r) => r?.[1]);
    const error = current.find((r) => r?.[2])?.[2];
    const filters = all.filter((e) => e.type === 'console.action/filter');
    const groups = all
      .filter((e) => e.type === 'console.action/group')
      .map((e) => e.properties as GroupLike);
    const actions = filterActions(
      current.flatMap((r) => r?.[0] ?? []),
      filters,
      ctx,
    );
    return { actions, options: createMenuOptions(actions, groups), loaded, error };
  }, [uses, results, extensionsLoaded, all, ctx]);
  return (
    <>
      {uses.map((u) => (
        <ProviderHook
          key={`${u.uid}:${u.contextId}`}
          uid={`${u.uid}:${u.contextId}`}
          useProvider={u.provider as (scope: unknown) => HookResult}
          scope={u.scope}
          report={report}
        />
      ))}
      {children(service) as ReactNode}
    </>
  );
};
