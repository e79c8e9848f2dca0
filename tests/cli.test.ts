import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createNativeEngine } from '../src/engine/native-engine';
import { INDICATORS } from '../src/indicators/registry';
import { CHILD_LEVEL_IDS } from './support/child-level-ids';
import { attack, type SumRelation } from './support/exact-attacker';

/** Runs `npm run indicators -- …` the way a user would (the bundled command line), and collects its output. */
function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join('scripts', 'indicators.mjs'), ...args],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
      },
    );
  });
}

const published = z.union([z.number(), z.literal('c'), z.null()]);
/** The JSON shape documented in docs/command-line.md. */
const reportSchema = z.object({
  period: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  suppressed: z.boolean(),
  indicators: z.array(
    z.object({
      id: z.string(),
      family: z.enum(['early_help', 'training', 'obligations', 'audits', 'reviews', 'child_protection']),
      title: z.string(),
      unit: z.enum(['count', 'percent', 'days', 'score']),
      direction: z.enum(['up', 'down', 'neutral']),
      reportDate: z.string(),
      granularity: z.string(),
      spcChart: z.enum(['xmr', 'run', 'none']),
      points: z.array(
        z.object({
          periodLabel: z.string(),
          periodStart: z.string(),
          periodEnd: z.string(),
          effectiveEnd: z.string(),
          partial: z.boolean(),
          numerator: published,
          denominator: published,
          value: published,
          suppressed: z.boolean(),
          spcPointType: z.string().nullable(),
        }),
      ),
    }),
  ),
  notComputed: z.array(z.object({ id: z.string(), title: z.string(), missingDatasets: z.array(z.string()) })),
});

describe('npm run indicators', () => {
  it('computes every indicator of all six areas for the sample data, monthly, with SPC point types', async () => {
    const files = (await readdir('sample-data')).filter((f) => f.endsWith('.csv')).map((f) => join('sample-data', f));
    const { code, stdout, stderr } = await runCli(['--data', ...files, '--period', 'month']);
    expect(code, stderr).toBe(0);
    // The eleven partnership files (34,133 rows) and the seven child protection lists (11,482).
    expect(stderr).toMatch(/Loaded 45615 rows from 18 file\(s\); 0 rejected/);
    const report = reportSchema.parse(JSON.parse(stdout));
    // The sample has every list: every indicator of every area is computed.
    expect(report.notComputed).toEqual([]);
    expect(report.indicators.map((i) => i.id).sort()).toEqual(INDICATORS.map((i) => i.id).sort());
    expect([...new Set(report.indicators.map((i) => i.family))]).toEqual(
      expect.arrayContaining(['early_help', 'training', 'obligations', 'audits', 'reviews', 'child_protection']),
    );
    const eh1 = report.indicators.find((i) => i.id === 'EH1');
    expect(eh1?.points[0]).toMatchObject({
      periodLabel: 'Apr 2022',
      periodStart: '2022-04-01',
      periodEnd: '2022-04-30',
    });
    expect(eh1?.spcChart).toBe('xmr');
    expect(eh1?.points.every((p) => typeof p.spcPointType === 'string')).toBe(true);
  }, 120_000);

  it('names no child, case or record in any output on the sample: JSON or CSV, suppressed or not', async () => {
    const files = (await readdir('sample-data')).filter((f) => f.endsWith('.csv')).map((f) => join('sample-data', f));
    // The identifiers are really in the sample, so their absence below means something.
    const sample = (await Promise.all(files.map((f) => readFile(f, 'utf8')))).join('\n');
    for (const pattern of CHILD_LEVEL_IDS) expect(sample).toMatch(pattern);
    for (const args of [
      ['--format', 'json'],
      ['--format', 'csv'],
      ['--format', 'csv', '--suppress'],
    ]) {
      const { code, stdout, stderr } = await runCli(['--data', ...files, '--period', 'quarter', ...args]);
      expect(code, stderr).toBe(0);
      expect(stdout.length).toBeGreaterThan(1000);
      for (const pattern of CHILD_LEVEL_IDS) {
        expect(stdout, args.join(' ')).not.toMatch(pattern);
        expect(stderr, args.join(' ')).not.toMatch(pattern);
      }
    }
  }, 180_000);

  it('writes CSV for one financial year, and suppresses small numbers with --suppress', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pi-cli-'));
    const file = join(dir, 'practice_reviews.csv');
    await writeFile(
      file,
      [
        'review_id,la_aware_date,notification_date',
        'V1,01/04/2024,03/04/2024',
        'V2,01/05/2024,10/05/2024',
        'V3,01/06/2024,03/06/2024',
      ].join('\n'),
    );
    const plain = await runCli([
      '--data',
      file,
      '--period',
      'year',
      '--from',
      '2024-04-01',
      '--to',
      '2025-03-31',
      '--format',
      'csv',
    ]);
    expect(plain.code, plain.stderr).toBe(0);
    const lines = plain.stdout.trim().split('\r\n');
    expect(lines[0]).toBe(
      'indicator_id,title,unit,period_label,period_start,period_end,effective_end,partial,numerator,denominator,value,suppressed,spc_point_type',
    );
    // The report date is the latest date in the file, 03/06/2024, so the year is partial.
    expect(lines.find((l) => l.startsWith('PR1,'))).toBe(
      'PR1,Serious incident notifications,count,2024-25,2024-04-01,2025-03-31,2024-06-03,Y,3,,3,N,',
    );
    // PR2: V1 2 working days, V2 7 (late), V3 1 (Sat 1 June → Mon 3 June) → 2 of 3.
    expect(lines.find((l) => l.startsWith('PR2,'))).toContain(',2,3,66.667,N,');
    expect(plain.stderr).toMatch(/Not computed — needs review_recommendations: PR6, PR7/);
    const suppressed = await runCli(['--data', file, '--period', 'year', '--format', 'csv', '--suppress']);
    expect(suppressed.code).toBe(0);
    const pr2 = suppressed.stdout.split('\r\n').find((l) => l.startsWith('PR2,'));
    expect(pr2).toContain(',c,c,c,Y,');
    // Published CSV: values to 1 decimal place, x for not available, z for not applicable.
    const pr1 = suppressed.stdout.split('\r\n').find((l) => l.startsWith('PR1,'));
    expect(pr1).toContain(',c,z,c,Y,'); // a count has no denominator
    const pr3 = suppressed.stdout.split('\r\n').find((l) => l.startsWith('PR3,'));
    expect(pr3).toMatch(/,0,0,z,N,$/); // no rapid reviews: a rate over nothing
  }, 120_000);

  it('with --suppress, months, quarters and years together give no hidden count away', async () => {
    const files = (await readdir('sample-data')).filter((f) => f.endsWith('.csv')).map((f) => join('sample-data', f));
    const run = async (period: string, suppress: boolean) => {
      const out = await runCli(['--data', ...files, '--period', period, ...(suppress ? ['--suppress'] : [])]);
      expect(out.code, out.stderr).toBe(0);
      return reportSchema.parse(JSON.parse(out.stdout));
    };
    const periods = ['month', 'quarter', 'year'];
    const published = await Promise.all(periods.map((p) => run(p, true)));
    const truth = await Promise.all(periods.map((p) => run(p, false)));
    // The example the review found: EH4 numerator in 2022-23 Q1 was 1, and the year minus the
    // other quarters gave it back.
    const eh4q1 = published[1]?.indicators.find((i) => i.id === 'EH4')?.points[0];
    expect(eh4q1).toMatchObject({ periodLabel: '2022-23 Q1', numerator: 'c' });
    let hiddenCells = 0;
    for (const indicator of published[0]?.indicators ?? []) {
      for (const measure of ['numerator', 'denominator'] as const) {
        const cells: (number | 'c' | null)[] = [];
        const actual: (number | null)[] = [];
        const at = new Map<string, number>();
        periods.forEach((_, g) => {
          const pub = published[g]?.indicators.find((i) => i.id === indicator.id);
          const real = truth[g]?.indicators.find((i) => i.id === indicator.id);
          pub?.points.forEach((point, k) => {
            at.set(`${g}:${point.periodStart}`, cells.length);
            cells.push(point[measure] as number | 'c' | null);
            actual.push(real?.points[k]?.[measure] as number | null);
          });
        });
        hiddenCells += cells.filter((c) => c === 'c').length;
        // The attacker knows how periods nest (months in quarters, both in years) and uses every sum, and
        // every "last figure" (a stock), that holds in the true figures.
        const relations: SumRelation[] = [];
        const pointsOf = (g: number) => published[g]?.indicators.find((i) => i.id === indicator.id)?.points ?? [];
        for (const [g, finer] of [
          [1, 0],
          [2, 0],
          [2, 1],
        ] as const) {
          for (const point of pointsOf(g)) {
            const parts = pointsOf(finer)
              .filter((m) => m.periodStart >= point.periodStart && m.periodStart <= point.effectiveEnd)
              .map((m) => at.get(`${finer}:${m.periodStart}`) as number);
            const total = at.get(`${g}:${point.periodStart}`) as number;
            for (const candidate of [parts, parts.slice(-1)]) {
              const sum = candidate.reduce((n, c) => n + (actual[c] ?? Number.NaN), 0);
              if (Math.abs((actual[total] ?? Number.NaN) - sum) < 1e-9) relations.push({ total, parts: candidate });
            }
          }
        }
        // Whatever the attacker solves for, it must never be a hidden cell's true value.
        for (const { cell, value } of attack(cells, relations)) {
          expect(Math.abs(value - (actual[cell] ?? Number.NaN)) < 1e-9, `${indicator.id} ${measure} cell ${cell}`).toBe(
            false,
          );
        }
      }
    }
    expect(hiddenCells).toBeGreaterThan(50);
  }, 240_000);

  it('refuses rolling 12-month and academic years with --suppress, saying why', async () => {
    const rolling = await runCli(['--data', 'x.csv', '--period', 'rolling_12', '--suppress']);
    expect(rolling.code).toBe(2);
    expect(rolling.stderr).toMatch(/each window shares 11 months with the next/);
    const academic = await runCli(['--data', 'x.csv', '--period', 'academic_year', '--suppress']);
    expect(academic.code).toBe(2);
    expect(academic.stderr).toMatch(/academic and financial years overlap/);
  }, 60_000);

  it('stops with exit code 1 and a clear message when a file cannot be read or used', async () => {
    const missing = await runCli(['--data', 'no-such-file.csv']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/Cannot read “no-such-file.csv”/);
    expect(missing.stdout).toBe('');
    const dir = await mkdtemp(join(tmpdir(), 'pi-cli-'));
    const episodes = join(dir, 'episodes.csv');
    // An SSDA903 (children looked after) return: real, but not a partnership dataset.
    await writeFile(
      episodes,
      'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n',
    );
    const unrecognised = await runCli(['--data', episodes]);
    expect(unrecognised.code).toBe(1);
    expect(unrecognised.stderr).toMatch(/not a partnership dataset/);
    expect(unrecognised.stderr).toMatch(/Stopped/);
    expect(unrecognised.stdout).toBe('');
  }, 120_000);

  it('goes on, saying so, when a file only repeats records already loaded from another file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pi-cli-repeats-'));
    const write = async (name: string, lines: string[], end = '\n') => {
      await writeFile(join(dir, name), `${lines.join(end)}${end}`);
      return join(dir, name);
    };
    const events = await write('training_events.csv', [
      'event_id,course_title,course_type,level,event_date,places',
      'G1,Neglect,MULTI_AGENCY,2,15/04/2024,20',
    ]);
    const attendanceLines = [
      'event_id,attendee_id,agency,booking_status',
      ...Array.from({ length: 12 }, (_, i) => `G1,P${String(i + 1).padStart(2, '0')},POLICE,ATTENDED`),
      'G1,P13,ICB,DNA',
      'G1,P13,ICB,CANCELLED_LATE', // P13 twice inside one extract: two records with one key
    ];
    const attendance = await write('attendance.csv', attendanceLines);
    // The same extract again, saved with Windows line ends: other bytes, the same 14 records.
    const copy = await write('attendance-copy.csv', attendanceLines, '\r\n');
    // P13 again with other values: the loaded data has two P13 records, so the row cannot say which it
    // corrects and is refused — nothing of this file is used, and it holds only a record already loaded.
    const correction = await write('correction.csv', [
      'event_id,attendee_id,agency,booking_status',
      'G1,P13,POLICE,DNA',
    ]);
    const episodeLines = [
      'episode_id,child_id,assessment_start_date',
      'EP1,C1,02/05/2024',
      'EP2,C2,03/06/2024',
      'EP3,C3,04/07/2024',
    ];
    const episodes = await write('episodes.csv', episodeLines);
    const episodesAgain = await write('episodes-again.csv', episodeLines, '\r\n');
    const year = ['--period', 'year', '--from', '2024-04-01', '--to', '2024-04-30', '--report-date', '2025-03-31'];
    const run = await runCli([
      '--data',
      ...[events, attendance, copy, correction, episodes, episodesAgain],
      ...year,
      '--format',
      'csv',
      '--suppress',
    ]);
    expect(run.code, run.stderr).toBe(0);
    // Each repeating file is named, with how many of its records repeat which file.
    expect(run.stderr).toContain(
      '14 records of “attendance-copy.csv” repeat records already loaded from “attendance.csv”.',
    );
    expect(run.stderr).toContain('1 record of “correction.csv” repeats a record already loaded from “attendance.csv”.');
    expect(run.stderr).toContain(
      '3 records of “episodes-again.csv” repeat records already loaded from “episodes.csv”.',
    );
    expect(run.stderr).toMatch(
      /Going on without “correction.csv”: it only repeats records already loaded from “attendance.csv”/,
    );
    expect(run.stderr).not.toMatch(/Stopped/);
    const rows = new Map(
      run.stdout
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n')
        .map((line) => [line.split(',').slice(0, 4).join(','), line.split(',').slice(8, 12).join(',')]),
    );
    // Counted once, from attendance.csv: P01–P12 attended (TR1 12; TR3 12 of 20 places = 60.0%), P13's
    // latest row is a late cancellation (TR2 1 of 12 + 1 = 7.7%). Training counts professionals, so it is
    // not suppressed; the 3 children's early help episodes (not 6) are a count of 1–5: c.
    expect(rows.get('TR1,Multi-agency training attendances,count,2024-25')).toBe('12,z,12.0,N');
    expect(rows.get('TR2,Training places lost to non-attendance,percent,2024-25')).toBe('1,13,7.7,N');
    expect(rows.get('TR3,Training places filled,percent,2024-25')).toBe('12,20,60.0,N');
    expect(rows.get('EH1,Early help assessments started,count,2024-25')).toBe('c,z,c,Y');

    // A file refused for another reason still stops the run: every row lacks its booking status.
    const broken = await write('broken.csv', ['event_id,attendee_id,agency,booking_status', 'G1,P20,POLICE,']);
    const stopped = await runCli(['--data', events, attendance, broken, ...year]);
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toMatch(/Stopped: “broken.csv” could not be used/);
    expect(stopped.stdout).toBe('');
  }, 120_000);

  it('gives the same figures on native DuckDB and on duckdb-wasm, and writes the typed tables as Parquet', async () => {
    const files = (await readdir('sample-data')).filter((f) => f.endsWith('.csv')).map((f) => join('sample-data', f));
    const dir = await mkdtemp(join(tmpdir(), 'pi-parquet-'));
    const [wasm, native] = await Promise.all([
      runCli(['--data', ...files, '--engine', 'wasm', '--period', 'month']),
      runCli(['--data', ...files, '--engine', 'native', '--period', 'month', '--export-parquet', dir]),
    ]);
    expect(wasm.code, wasm.stderr).toBe(0);
    expect(native.code, native.stderr).toBe(0);
    expect(native.stdout).toBe(wasm.stdout);
    // The Parquet files hold every loaded row, typed: read back by DuckDB itself.
    expect((await readdir(dir)).sort()).toContain('early_help_episodes.parquet');
    const engine = await createNativeEngine();
    await engine.registerFile('eh.parquet', new Uint8Array(await readFile(join(dir, 'early_help_episodes.parquet'))));
    const [row] = await engine.query(
      "SELECT count(*)::INTEGER AS n, typeof(any_value(assessment_start_date)) AS t FROM read_parquet('eh.parquet')",
      [],
      z.object({ n: z.number(), t: z.string() }),
    );
    expect(row).toEqual({ n: 6571, t: 'DATE' });
    expect((await runCli(['--data', 'x.csv', '--engine', 'sqlite'])).stderr).toMatch(/--engine must be native or wasm/);
  }, 180_000);

  it('with --la, compares the authority in the published statistics given with its neighbours, region and England', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pi-la-'));
    const ees = join(dir, 'plans.csv');
    const neighbours = join(dir, 'neighbours.csv');
    // 2025: A 20, B 10, C c, D 30 · neighbours of A: B, C, D → (10 + 30) / 2 = 20 on 2 · rank (lower
    // better): B 1, A 2, D 3 of 3 → quartile floor(1 × 4 / 3) = 1 → B.
    await writeFile(
      ees,
      [
        'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,CPP_subsequent_percent',
        '2025,Reporting year,National,E92000001,England,,,,,,21.5',
        '2025,Reporting year,Regional,E92000001,England,R1,North,,,,19',
        '2025,Reporting year,Local authority,E92000001,England,R1,North,201,E09000001,A,20',
        '2025,Reporting year,Local authority,E92000001,England,R1,North,202,E09000002,B,10',
        '2025,Reporting year,Local authority,E92000001,England,R1,North,203,E09000003,C,c',
        '2025,Reporting year,Local authority,E92000001,England,R1,North,204,E09000004,D,30',
      ].join('\n'),
    );
    await writeFile(
      neighbours,
      'LA num,LA Name,SN1,SNP,SN2,SNP,SN3,SNP,SN4,SN5,SN6,SN7,SN8,SN9,SN10\n201,A,202,Close,203,Close,204,Close\n',
    );
    const run = await runCli(['--data', ees, neighbours, '--la', 'E09000001']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/plans\.csv: published statistics/);
    expect(JSON.parse(run.stdout).benchmarks).toEqual([
      {
        file: 'plans.csv',
        measure: 'CPP_subsequent_percent',
        filters: {},
        timePeriod: '2025',
        direction: 'down',
        laValue: 20,
        laMarker: null,
        neighbourAverage: 20,
        neighbourCount: 2,
        regionValue: 19,
        englandValue: 21.5,
        rank: 2,
        rankOf: 3,
        quartile: 'B',
      },
    ]);
    const unknown = await runCli(['--data', ees, '--la', '999']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--la 999: no local authority has this code/);
  }, 120_000);

  it('exit code 2 for arguments it cannot use', async () => {
    expect((await runCli([])).code).toBe(2);
    const bad = await runCli(['--data', 'x.csv', '--period', 'fortnight']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--period must be one of month, quarter, year, academic_year, rolling_12/);
    expect((await runCli(['--data', 'x.csv', '--from', '31/03/2024'])).stderr).toMatch(/YYYY-MM-DD/);
  }, 60_000);
});
