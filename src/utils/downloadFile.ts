/** Saves text as a file through a temporary link (no server round trip). */
export const downloadFile = (fileName: string, text: string, type = 'text/csv;charset=utf-8') => {
  // A byte-order mark makes spreadsheet apps read UTF-8 (Japanese names) correctly.
  const blob = new Blob(['\uFEFF', text], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
};
