import type { NamedBlob } from '../ingest/load-files';

/** The sample partnership's files, built into the app (and its offline cache): name path → URL. */
const SAMPLE_FILE_URLS: Readonly<Record<string, string>> = import.meta.glob<string>('/sample-data/*.csv', {
  query: '?url',
  import: 'default',
  eager: true,
});

async function fetchAll(urls: Readonly<Record<string, string>>): Promise<NamedBlob[]> {
  return Promise.all(
    Object.entries(urls).map(async ([path, url]) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`HTTP ${response.status} for ${path}`);
      return { name: path.split('/').at(-1) ?? path, blob: await response.blob() };
    }),
  );
}

let fetched: Promise<NamedBlob[]> | null = null;

/**
 * The sample files, fetched once for the page: the warm-up reads them while the start page is read,
 * and "Try with sample data" then starts from the same blobs instead of fetching every file again
 * after the click. A failed fetch is forgotten, so the next ask tries again.
 */
export async function sampleFiles(): Promise<NamedBlob[]> {
  fetched ??= fetchAll(SAMPLE_FILE_URLS).catch((error: unknown) => {
    fetched = null;
    throw error;
  });
  // Fresh records each time: a caller may add its own choices to a file (dataset, mapping).
  return (await fetched).map((file) => ({ ...file }));
}

/**
 * The sample published statistics: one small public DfE file (England, the North East and its
 * authorities, from the children in need statistics; Open Government Licence v3.0; see
 * sample-data/published/README.md). Kept apart from the partnership's sample files, and loaded from the
 * Published statistics page.
 */
const SAMPLE_PUBLISHED_URLS: Readonly<Record<string, string>> = import.meta.glob<string>(
  '/sample-data/published/*.csv',
  { query: '?url', import: 'default', eager: true },
);

export const SAMPLE_PUBLISHED_NAMES: readonly string[] = Object.keys(SAMPLE_PUBLISHED_URLS).map(
  (path) => path.split('/').at(-1) ?? path,
);

export async function samplePublishedFiles(): Promise<NamedBlob[]> {
  return fetchAll(SAMPLE_PUBLISHED_URLS);
}
