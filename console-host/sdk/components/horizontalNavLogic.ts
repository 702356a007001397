/** HorizontalNav's routing (pure): tab paths relative to the page that renders the nav. */
import { matchRoutes } from 'react-router';
import type { NavPage } from '@openshift-console/dynamic-plugin-sdk';

const trimSlashes = (s: string) => s.replace(/^\/+|\/+$/g, '');

/** The nested route of a page: its `path` (else `href`) plus `/*`; the `''` page matches the rest. */
export const pageRoutePath = (page: Pick<NavPage, 'href' | 'path'>): string => {
  const path = trimSlashes(page.path || page.href || '');
  return path ? `${path}/*` : '*';
};

/**
 * The URL the nav's pages are relative to: `pathname` without the part the parent route's splat
 * (`*`) matched. Segments are counted, not compared, since the splat param is decoded.
 */
export const navBaseURL = (pathname: string, splat: string | undefined): string => {
  const segments = pathname.split('/');
  const drop = (splat ?? '').split('/').filter(Boolean).length;
  if (drop) {
    let dropped = 0;
    while (segments.length > 1 && dropped < drop) {
      if (segments.pop()) dropped++;
    }
  }
  return segments.join('/').replace(/\/+$/, '');
};

/** The link of a page's tab: the base URL, then its `href` (else `path`). */
export const pageHref = (base: string, page: Pick<NavPage, 'href' | 'path'>): string => {
  const rel = trimSlashes(page.href ?? page.path ?? '');
  return rel ? `${base}/${rel}` : base || '/';
};

/** Index of the page the rest of the URL selects (react-router's ranking), or -1. */
export const activePageIndex = (
  pages: Pick<NavPage, 'href' | 'path'>[],
  splat: string | undefined,
): number => {
  const routes = pages.map((p, i) => ({ path: pageRoutePath(p), id: String(i) }));
  const match = matchRoutes(routes, `/${trimSlashes(splat ?? '')}`);
  return match ? Number(match[0].route.id) : -1;
};
