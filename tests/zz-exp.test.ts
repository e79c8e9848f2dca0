import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import { earlyHelpEpisodes } from '../src/datasets/early-help';
import { createNodeEngine } from '../src/engine/node-engine';
import { parsedTableSql } from '../src/ingest/conversion-sql';
import { matchHeader } from '../src/ingest/header-match';
import { prepareDatabase } from '../src/ingest/prepare-database';

it('exp', async () => {
  const e = await createNodeEngine();
  await prepareDatabase(e, [earlyHelpEpisodes]);
  await e.registerFile('x.csv', new Uint8Array(readFileSync('bench-data/early_help_1000000.csv')));
  const header = readFileSync('bench-data/early_help_1000000.csv', 'utf8').slice(0, 300).split('\n')[0]!.split(',');
  const m = matchHeader(header, earlyHelpEpisodes);
  const sql = parsedTableSql(earlyHelpEpisodes, m.matches, {
    registeredName: 'x.csv',
    delimiter: ',',
    skip: 1,
    columnCount: 14,
    headerWidth: 14,
    quotedNewlines: false,
  });
  const time = async (label: string, q: string) => {
    const t = Date.now();
    await e.run(q);
    console.log(label, Date.now() - t);
  };
  await time('warm', sql);
  await time('full', sql);
  await time(
    'no rejects',
    sql.replace(", store_rejects = true, rejects_table = 'pi_rejects',\n    rejects_scan = 'pi_reject_scans'", ''),
  );
  await time('no nullstr', sql.replace(/nullstr = \[[^\]]*\], /, ''));
  await time('no maxline', sql.replace(', max_line_size = 10000000', ''));
  const noBad = sql.replace(/CASE WHEN [^\n]* THEN (\w+)__txt END AS (\w+)__raw/g, 'NULL::VARCHAR AS $2__raw');
  await time('no bad-raw CASE', noBad);
  await time('no all_null', sql.replace(/coalesce\(c0[^)]*\) IS NULL AS all_null/, 'false AS all_null'));
  const noClean = sql.replace(/pi_clean\((c\d+)\)/g, '$1');
  await time('no clean', noClean);
  console.log(sql);
}, 900000);
