import { describe, expect, it } from 'vitest';
import { toCSV } from './csv';

type Row = { name: string; note?: string; n?: number };
const columns = [
  { title: 'Name', value: (r: Row) => r.name },
  { title: 'Note, text', value: (r: Row) => r.note },
  { title: 'N', value: (r: Row) => r.n },
];

describe('toCSV', () => {
  it('writes a header and CRLF rows, quoting what needs it', () => {
    expect(toCSV([{ name: 'a', note: 'say "hi"', n: 2 }, { name: 'b\nc' }], columns)).toBe(
      'Name,"Note, text",N\r\na,"say ""hi""",2\r\n"b\nc",,\r\n',
    );
  });

  it('keeps formula-like cells as text', () => {
    expect(toCSV([{ name: '=HYPERLINK("x")' }, { name: '-1' }, { name: '@a' }], columns)).toBe(
      'Name,"Note, text",N\r\n"\'=HYPERLINK(""x"")",,\r\n\'-1,,\r\n\'@a,,\r\n',
    );
  });

  it('writes only the header for no rows', () => {
    expect(toCSV([], columns)).toBe('Name,"Note, text",N\r\n');
  });
});
