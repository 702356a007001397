/** Pure parts of the action service: which providers apply to a context, filtering, menu grouping. */
import type { Action, GroupedMenuOption, MenuOption } from '@openshift-console/dynamic-plugin-sdk';
import { parseReference } from '../k8s/ref';

type ModelRef = { group?: string; version?: string; kind: string };
export type ProviderLike = { uid: string; type: string; properties: Record<string, unknown> };
/** One provider hook to run: the scope is the context value for its context id. */
export type ProviderUse = { uid: string; contextId: string; scope: unknown; provider: unknown };

const asList = (v: string | string[] | undefined) =>
  v === undefined ? [] : Array.isArray(v) ? v : [v];

/** A resource-provider's model matches a `group~version~Kind` context key (core is `core`). */
export const modelMatchesReference = (model: ModelRef, key: string): boolean => {
  const gvk = parseReference(key);
  if (!gvk) return false;
  return (
    (model.group ?? '') === (gvk.group ?? '') &&
    model.kind === gvk.kind &&
    (!model.version || model.version === gvk.version)
  );
};

/**
 * The providers that apply to a context: `console.action/provider` by context id, and
 * `console.action/resource-provider` whose model is the context key's kind reference.
 */
export const providersForContext = (
  extensions: ProviderLike[],
  context: Record<string, unknown>,
): ProviderUse[] =>
  Object.entries(context).flatMap(([contextId, scope]) =>
    extensions
      .filter((e) =>
        e.type === 'console.action/provider'
          ? e.properties.contextId === contextId
          : e.type === 'console.action/resource-provider' &&
            modelMatchesReference(e.properties.model as ModelRef, contextId),
      )
      .map((e) => ({ uid: e.uid, contextId, scope, provider: e.properties.provider })),
  );

/** Drops actions a `console.action/filter` for one of the context ids rejects. */
export const filterActions = (
  actions: Action[],
  filters: ProviderLike[],
  context: Record<string, unknown>,
): Action[] => {
  const applicable = filters.filter((f) =>
    Object.keys(context).includes(f.properties.contextId as string),
  );
  return actions.filter((action) =>
    applicable.every((f) =>
      (f.properties.filter as (scope: unknown, a: Action) => boolean)(
        context[f.properties.contextId as string],
        action,
      ),
    ),
  );
};

/** Orders items by insertBefore/insertAfter (first known reference wins); others keep their order. */
export const sortByInsertion = <
  T extends { id: string; insertBefore?: string | string[]; insertAfter?: string | string[] },
>(
  items: T[],
): T[] => {
  const ids = new Set(items.map((i) => i.id));
  const result: T[] = [];
  const pending = [...items];
  const placeable = (i: T) =>
    [...asList(i.insertBefore), ...asList(i.insertAfter)].every(
      (ref) => !ids.has(ref) || ref === i.id || result.some((r) => r.id === ref),
    );
  while (pending.length) {
    const index = pending.findIndex(placeable);
    const [item] = pending.splice(index === -1 ? 0 : index, 1);
    const before = asList(item.insertBefore)
      .map((ref) => result.findIndex((r) => r.id === ref))
      .find((i) => i >= 0);
    const after = asList(item.insertAfter)
      .map((ref) => result.findIndex((r) => r.id === ref))
      .find((i) => i >= 0);
    if (before !== undefined) result.splice(before, 0, item);
    else if (after !== undefined) result.splice(after + 1, 0, item);
    else result.push(item);
  }
  return result;
};

export type GroupLike = GroupedMenuOption;

export const isGroupOption = (o: MenuOption): o is GroupedMenuOption =>
  Array.isArray((o as GroupedMenuOption).children);

/**
 * The menu: actions without `path` at the top level, others inside the group named by the first
 * path segment (a `console.action/group`, or an unlabelled group), nested along the path. Every
 * level is sorted by insertBefore/insertAfter; empty groups are dropped.
 */
export const createMenuOptions = (actions: Action[], groups: GroupLike[] = []): MenuOption[] => {
  const build = (prefix: string[]): MenuOption[] => {
    const depth = prefix.length;
    const here = actions.filter((a) => {
      const path = a.path ? a.path.split('/').filter(Boolean) : [];
      return path.length >= depth && prefix.every((p, i) => path[i] === p);
    });
    const direct = here.filter((a) => (a.path?.split('/').filter(Boolean).length ?? 0) === depth);
    const childIds = [
      ...new Set(
        here
          .map((a) => a.path?.split('/').filter(Boolean)[depth])
          .filter((id): id is string => !!id),
      ),
    ];
    const known = groups.filter((g) => childIds.includes(g.id));
    const childGroups: GroupLike[] = [
      ...known,
      ...childIds.filter((id) => !known.some((g) => g.id === id)).map((id) => ({ id })),
    ]
      .map((g) => ({ ...g, children: build([...prefix, g.id]) }))
      .filter((g) => g.children.length > 0);
    return sortByInsertion<MenuOption>([...childGroups, ...direct]);
  };
  return build([]);
};
