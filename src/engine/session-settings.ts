/**
 * A second in-memory database, compressed (DuckDB keeps text columns dictionary-encoded there), that
 * holds the large summary tables filters read (see compressSummaries). Names are found in the session's
 * own database first, then here.
 */
export const SUMMARY_STORE = 'pi_store';

/**
 * Settings applied to every new DuckDB session, in the browser and in Node alike, so that an engine
 * upgrade or a browser default cannot silently change results.
 */
export const SESSION_SETTINGS: readonly string[] = [
  // Nothing is ever downloaded: only what is built into the wasm (CSV reader, core functions) is used.
  'SET autoinstall_known_extensions = false',
  'SET autoload_known_extensions = false',
  // Row order of a scan = order in the file; ingest relies on it to give each row its line number.
  'SET preserve_insertion_order = true',
  "SET default_order = 'ASC'",
  "SET default_null_order = 'NULLS LAST'",
  `ATTACH IF NOT EXISTS ':memory:' AS ${SUMMARY_STORE} (COMPRESS)`,
  `SET search_path = 'main,${SUMMARY_STORE}.main'`,
];
