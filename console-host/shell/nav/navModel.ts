/** Builds the admin perspective's nav tree from console.navigation/* extensions (pure). */
import type { K8sModel } from '@openshift-console/dynamic-plugin-sdk';
import { ALL_NAMESPACES_KEY, resourceListPath } from '../../sdk/k8s/ref';

type NavProps = {
  id: string;
  perspective?: string;
  section?: string;
  name?: string;
  href?: string;
  namespaced?: boolean;
  prefixNamespaced?: boolean;
  startsWith?: string[];
  insertBefore?: string | string[];
  insertAfter?: string | string[];
  model?: { group?: string; version?: string; kind: string };
  dataAttributes?: Record<string, string>;
};

export type NavExtensionLike = { type: string; uid?: string; properties: NavProps };

export type NavLink = {
  kind: 'link';
  id: string;
  name: string;
  href: string;
  startsWith: string[];
  dataAttributes?: Record<string, string>;
};
export type NavSeparator = { kind: 'separator'; id: string };
export type NavGroup = {
  kind: 'section';
  id: string;
  name?: string;
  items: (NavLink | NavSeparator)[];
};
export type NavNode = NavLink | NavSeparator | NavGroup;

const asList = (v: string | string[] | undefined) =>
  v === undefined ? [] : Array.isArray(v) ? v : [v];

/** Orders items honouring insertBefore/insertAfter (first referenced id found wins), else keeps order. */
export const sortByInsertion = <T extends { properties: NavProps }>(items: T[]): T[] => {
  const result: T[] = [];
  const pending = [...items];
  const ids = new Set(items.map((i) => i.properties.id));
  const placeable = (i: T) =>
    [...asList(i.properties.insertBefore), ...asList(i.properties.insertAfter)].every(
      (ref) =>
        !ids.has(ref) || result.some((r) => r.properties.id === ref) || ref === i.properties.id,
    );
  while (pending.length) {
    const index = pending.findIndex(placeable);
    const [item] = pending.splice(index === -1 ? 0 : index, 1);
    const before = asList(item.properties.insertBefore)
      .map((ref) => result.findIndex((r) => r.properties.id === ref))
      .find((i) => i >= 0);
    const after = asList(item.properties.insertAfter)
      .map((ref) => result.findIndex((r) => r.properties.id === ref))
      .find((i) => i >= 0);
    if (before !== undefined) result.splice(before, 0, item);
    else if (after !== undefined) result.splice(after + 1, 0, item);
    else result.push(item);
  }
  return result;
};

export type NavContext = {
  namespace: string;
  perspective: string;
  findModel: (m: { group?: string; version?: string; kind: string }) => K8sModel | undefined;
};

const hrefFor = (p: NavProps, type: string, ctx: NavContext): string | undefined => {
  const ns = ctx.namespace;
  const all = !ns || ns === ALL_NAMESPACES_KEY;
  if (type === 'console.navigation/href' && p.href) {
    if (p.prefixNamespaced)
      return `/k8s/${all ? 'all-namespaces' : `ns/${ns}`}/${p.href.replace(/^\//, '')}`;
    if (p.namespaced) return `${p.href}/${all ? 'all-namespaces' : `ns/${ns}`}`;
    return p.href;
  }
  if (p.model) {
    const model = ctx.findModel(p.model);
    return model
      ? resourceListPath(model, type === 'console.navigation/resource-ns' ? ns : undefined)
      : undefined;
  }
  return undefined;
};

/** The nav tree: top-level links and sections, each sorted by insertBefore/insertAfter. */
export const buildNav = (
  extensions: NavExtensionLike[],
  ctx: NavContext,
  label: (p: NavProps, model?: K8sModel) => string,
): NavNode[] => {
  const inPerspective = extensions.filter(
    (e) => (e.properties.perspective ?? 'admin') === ctx.perspective,
  );
  const toItem = (e: NavExtensionLike): NavLink | NavSeparator | undefined => {
    if (e.type === 'console.navigation/separator')
      return { kind: 'separator', id: e.properties.id };
    const href = hrefFor(e.properties, e.type, ctx);
    if (!href) return undefined;
    const model = e.properties.model ? ctx.findModel(e.properties.model) : undefined;
    const base = href.replace(/\/(ns\/[^/]+|all-namespaces)(?=\/|$)/, '');
    return {
      kind: 'link',
      id: e.properties.id,
      name: label(e.properties, model),
      href,
      startsWith: [base, ...(e.properties.startsWith ?? [])],
      dataAttributes: e.properties.dataAttributes,
    };
  };
  const sections = inPerspective.filter((e) => e.type === 'console.navigation/section');
  const sectionIds = new Set(sections.map((s) => s.properties.id));
  const children = (section?: string) =>
    sortByInsertion(
      inPerspective.filter(
        (e) =>
          e.type !== 'console.navigation/section' &&
          (section
            ? e.properties.section === section
            : !e.properties.section || !sectionIds.has(e.properties.section)),
      ),
    )
      .map(toItem)
      .filter((i): i is NavLink | NavSeparator => !!i);
  const top: NavExtensionLike[] = sortByInsertion([
    ...sections,
    ...inPerspective.filter(
      (e) =>
        e.type !== 'console.navigation/section' &&
        (!e.properties.section || !sectionIds.has(e.properties.section)),
    ),
  ]);
  return top
    .map((e): NavNode | undefined => {
      if (e.type !== 'console.navigation/section') return toItem(e);
      const items = children(e.properties.id);
      return items.some((i) => i.kind === 'link')
        ? { kind: 'section', id: e.properties.id, name: e.properties.name, items }
        : undefined;
    })
    .filter((n): n is NavNode => !!n);
};

/** Whether a nav link is the current page. */
export const isActive = (link: NavLink, pathname: string): boolean =>
  link.startsWith.some((prefix) => {
    const p = prefix.replace(/\/$/, '');
    const path = pathname.replace(/\/(ns\/[^/]+|all-namespaces)(?=\/|$)/, '');
    return pathname === link.href || path === p || path.startsWith(`${p}/`);
  });
