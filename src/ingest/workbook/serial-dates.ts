const DAY_MS = 86_400_000;

/** Excel serial day → ISO date. 1900 system: day 1 = 1900-01-01 (with Excel's phantom 29/02/1900). */
export function serialToIsoDate(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  const day = Math.floor(serial);
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  // Serials before 1 March 1900 are one day off in Excel because of its invented 29 February 1900.
  const adjusted = !date1904 && day < 61 ? day + 1 : day;
  return new Date(epoch + adjusted * DAY_MS).toISOString().slice(0, 10);
}
