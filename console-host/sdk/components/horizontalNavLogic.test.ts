import { describe, expect, it } from 'vitest';
import { activePageIndex, navBaseURL, pageHref, pageRoutePath } from './horizontalNavLogic';

const pages = [{ href: '' }, { href: 'yaml' }, { href: 'disks' }, { path: 'logs/:container' }];

describe('HorizontalNav routing', () => {
  it('turns pages into nested route paths', () => {
    expect(pages.map(pageRoutePath)).toEqual(['*', 'yaml/*', 'disks/*', 'logs/:container/*']);
    expect(pageRoutePath({ href: '/events/' })).toBe('events/*');
  });

  it('finds the base URL by dropping the splat segments', () => {
    expect(navBaseURL('/k8s/ns/a/pods/p1/yaml', 'yaml')).toBe('/k8s/ns/a/pods/p1');
    expect(navBaseURL('/k8s/ns/a/pods/p1/', '')).toBe('/k8s/ns/a/pods/p1');
    expect(navBaseURL('/k8s/ns/a/pods/p1', undefined)).toBe('/k8s/ns/a/pods/p1');
    expect(navBaseURL('/k8s/ns/a/vm/v%201/disks/d%2Fx', 'disks/d x')).toBe('/k8s/ns/a/vm/v%201');
    expect(navBaseURL('/k8s/ns/a/pods/p1/disks/', 'disks/')).toBe('/k8s/ns/a/pods/p1');
  });

  it('links tabs relative to the base URL', () => {
    expect(pageHref('/k8s/ns/a/pods/p1', { href: '' })).toBe('/k8s/ns/a/pods/p1');
    expect(pageHref('/k8s/ns/a/pods/p1', { href: 'yaml' })).toBe('/k8s/ns/a/pods/p1/yaml');
    expect(pageHref('', { href: '' })).toBe('/');
  });

  it('selects the tab the rest of the URL names, else the default one', () => {
    expect(activePageIndex(pages, undefined)).toBe(0);
    expect(activePageIndex(pages, '')).toBe(0);
    expect(activePageIndex(pages, 'yaml')).toBe(1);
    expect(activePageIndex(pages, 'disks/rootdisk')).toBe(2);
    expect(activePageIndex(pages, 'logs/compute')).toBe(3);
    expect(activePageIndex(pages, 'unknown')).toBe(0);
    expect(activePageIndex([{ href: 'a' }], 'b')).toBe(-1);
  });
});
