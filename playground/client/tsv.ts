// Cells as tab-separated text, the way Sheets puts them on the system clipboard and
// reads them back: a cell holding a tab, newline or quote is quoted, "" inside.

export function toTsv(rows: readonly (readonly string[])[]): string {
  return rows
    .map((row) =>
      row
        .map((cell) => (/[\t\n\r"]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell))
        .join('\t'),
    )
    .join('\n');
}

/** Rows of cells from tab-separated text; a trailing newline does not add a row. */
export function fromTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  const normal = text.replace(/\r\n?/g, '\n').replace(/\n$/, '');
  while (i < normal.length) {
    const ch = normal[i];
    if (ch === '"' && cell === '') {
      // A quoted cell: up to the closing quote, "" being a quote.
      let j = i + 1;
      let quoted = '';
      while (j < normal.length) {
        if (normal[j] === '"') {
          if (normal[j + 1] === '"') {
            quoted += '"';
            j += 2;
            continue;
          }
          break;
        }
        quoted += normal[j];
        j++;
      }
      if (j < normal.length && (j + 1 === normal.length || /[\t\n]/.test(normal[j + 1]))) {
        cell = quoted;
        i = j + 1;
        continue;
      }
    }
    if (ch === '\t') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else {
      cell += ch;
    }
    i++;
  }
  row.push(cell);
  rows.push(row);
  return rows;
}
