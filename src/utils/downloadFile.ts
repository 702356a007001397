/** Saves a blob under `fileName` through a temporary link (works in the console and standalone). */
export const downloadBlob = (blob: Blob, fileName: string): void => {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers before it has read the blob.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
};

/** Saves text as a file (no server round trip). */
export const downloadFile = (fileName: string, text: string, type = 'text/csv;charset=utf-8') =>
  // A byte-order mark makes spreadsheet apps read UTF-8 (Japanese names) correctly.
  downloadBlob(new Blob(['\uFEFF', text], { type }), fileName);
