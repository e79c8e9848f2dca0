import { it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { createTestSession } from '../support/load-csv';
import { prepareIndicators } from '../../src/indicators/prepare-indicators';
import { INDICATORS } from '../../src/indicators/registry';
import { runIndicator } from '../../src/indicators/run-indicator';
it('runs', async () => {
  const t = await createTestSession();
  const files = readdirSync('sample-data').filter(f => f.endsWith('.csv'));
  const rep = await t.loadFiles(files.map(f => ({ name: f, blob: new Blob([readFileSync('sample-data/' + f)]) })));
  console.log(rep.rowsLoaded, rep.rowsRejected);
  let t0 = Date.now();
  const prepared = await prepareIndicators(t.engine);
  console.log('prepare ms', Date.now() - t0, JSON.stringify(prepared.families));
  for (const ind of INDICATORS) {
    t0 = Date.now();
    const r = await runIndicator(t.engine, prepared, ind, { granularity: 'year' });
    console.log(ind.id, Date.now() - t0, JSON.stringify(r.status === 'ok' ? r.points.map(p => [p.label, p.numerator, p.denominator, p.value && Math.round(p.value*10)/10]) : r.missingDatasets));
  }
}, 60000);
