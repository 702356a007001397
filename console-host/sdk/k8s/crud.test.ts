import { describe, expect, it, vi } from 'vitest';

const pages = [
  { metadata: { continue: 'a', resourceVersion: '5' }, items: [{ metadata: { name: 'x' } }] },
  { metadata: { continue: 'b', resourceVersion: '5' }, items: [{ metadata: { name: 'y' } }] },
  { metadata: { resourceVersion: '5' }, items: [{ metadata: { name: 'z' } }] },
];
const requested: string[] = [];
vi.mock('./fetch', () => ({
  consoleFetchJSON: vi.fn((url: string) => {
    requested.push(url);
    return Promise.resolve(pages[requested.length - 1]);
  }),
}));

const { listAll } = await import('./crud');

describe('listAll', () => {
  it('pages with continue tokens, reporting every page but the last as it arrives', async () => {
    const seen: string[][] = [];
    const result = await listAll(
      (token) => `/list?limit=1${token ? `&continue=${token}` : ''}`,
      undefined,
      false,
      (soFar) => seen.push(soFar.map((o) => o.metadata?.name ?? '')),
    );
    expect(requested).toEqual([
      '/list?limit=1',
      '/list?limit=1&continue=a',
      '/list?limit=1&continue=b',
    ]);
    expect(seen).toEqual([['x'], ['x', 'y']]);
    expect(result).toEqual({
      items: pages.flatMap((p) => p.items),
      resourceVersion: '5',
    });
  });
});
