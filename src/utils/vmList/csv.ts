/** A CSV column: header text and the cell text of a row. */
export type CSVColumn<T> = { title: string; value: (row: T) => string | number | undefined };

/** Spreadsheet apps run cells that start like a formula; a leading quote keeps them text. */
const FORMULA_START = /^[=+\-@\t\r]/;

const cell = (raw: string | number | undefined): string => {
  let text = raw === undefined ? '' : String(raw);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** RFC 4180 CSV (CRLF line ends) of the rows, header first. */
export const toCSV = <T>(rows: readonly T[], columns: readonly CSVColumn<T>[]): string =>
  [columns.map((c) => cell(c.title)), ...rows.map((row) => columns.map((c) => cell(c.value(row))))]
    .map((cells) => cells.join(','))
    .join('\r\n') + '\r\n';
