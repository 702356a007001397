import { describe, expect, it } from 'vitest';
import { pickPerspective } from './perspectiveStore';

describe('pickPerspective', () => {
  const available = [{ id: 'admin', default: true }, { id: 'virtualization' }];
  it('keeps a stored perspective that exists', () => {
    expect(pickPerspective('virtualization', available)).toBe('virtualization');
  });
  it('falls back to the default one, then admin', () => {
    expect(pickPerspective('gone', available)).toBe('admin');
    expect(pickPerspective(null, [{ id: 'admin' }, { id: 'dev', default: true }])).toBe('dev');
    expect(pickPerspective(null, [])).toBe('admin');
  });
});
