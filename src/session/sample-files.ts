/** The sample partnership's files, built into the app (and its offline cache): name path → URL. */
export const SAMPLE_FILE_URLS: Readonly<Record<string, string>> = import.meta.glob<string>('/sample-data/*.csv', {
  query: '?url',
  import: 'default',
  eager: true,
});
