import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { awkwardFileArb, type GeneratedFile, plainFileArb, renderFile } from './support/generated-files';
import { createTestSession } from './support/load-csv';

type Session = Awaited<ReturnType<typeof createTestSession>>;
let t: Session;
beforeAll(async () => {
  t = await createTestSession();
});

let fileNumber = 0;

/**
 * Loads a generated file and checks it against the model: rows conserved, exactly the bad lines
 * rejected, exactly the lines with a bad optional value loaded with a warning.
 */
async function loadAndCheck(file: GeneratedFile, seed: number) {
  await t.reset();
  const { bytes, expectedRead, expectedRejectedLines, expectedWarnedLines } = renderFile(file, seed);
  fileNumber += 1;
  const name = `generated-${fileNumber}.csv`;
  const report = await t.load(name, bytes);
  const f = report.files[0];
  expect(f).toBeDefined();
  expect(report.rowsRead).toBe(report.rowsLoaded + report.rowsRejected);
  if (expectedRead === 0) {
    expect(report.rowsLoaded).toBe(0);
    return;
  }
  expect(f?.message ?? '').not.toMatch(/could not be read|not text|binary/);
  expect(report.rowsRead).toBe(expectedRead);
  expect(report.rowsRejected).toBe(expectedRejectedLines.length);
  const stored = await t.engine.query(
    'SELECT DISTINCT line FROM pi_rejections WHERE source_file = ? ORDER BY line',
    [name],
    z.object({ line: z.number() }),
  );
  expect(stored.map((r) => r.line)).toEqual(expectedRejectedLines);
  // Rows with a bad optional value load, with a warning on their line; they are among the loaded rows.
  expect(report.rowsWarned).toBe(expectedWarnedLines.length);
  expect(report.rowsWarned).toBeLessThanOrEqual(report.rowsLoaded);
  const warned = await t.engine.query(
    'SELECT DISTINCT line FROM pi_warnings WHERE source_file = ? ORDER BY line',
    [name],
    z.object({ line: z.number() }),
  );
  expect(warned.map((r) => r.line)).toEqual(expectedWarnedLines);
  const loaded = await t.engine.query(
    'SELECT count(*) AS n FROM early_help_episodes WHERE source_file = ?',
    [name],
    z.object({ n: z.number() }),
  );
  expect(loaded[0]?.n).toBe(report.rowsLoaded);
}

describe('ingest properties (fast-check)', () => {
  it('never throws, conserves rows and rejects exactly the bad rows, at the right lines', async () => {
    await fc.assert(fc.asyncProperty(plainFileArb, fc.nat(), loadAndCheck), { numRuns: 300, seed: 20261123 });
  }, 240_000);

  it('the same across UTF-16, CR and mixed line ends, NUL bytes and stray quotes', async () => {
    await fc.assert(fc.asyncProperty(awkwardFileArb, fc.nat(), loadAndCheck), { numRuns: 200, seed: 20261201 });
  }, 240_000);

  it('never throws on arbitrary bytes, or on text-like junk', async () => {
    // Mostly letters, digits, delimiters, quotes and line ends, now and then any byte at all, under a header.
    const header = new TextEncoder().encode('child_id,assessment_start_date,episode_end_date\n');
    const textLike = fc.uint8Array({ maxLength: 400 }).map((bytes) => {
      const body = bytes.map((b, i) =>
        i % 17 === 0 ? b : ',;\t|"\r\n/-. 0123456789abcdefABC£'.charCodeAt(b % 35) || b,
      );
      const out = new Uint8Array(header.length + body.length);
      out.set(header);
      out.set(body, header.length);
      return out;
    });
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 400 }), textLike), async (bytes) => {
        const report = await t.load('junk.csv', new Uint8Array(bytes));
        expect(report.rowsRead).toBe(report.rowsLoaded + report.rowsRejected);
      }),
      { numRuns: 300, seed: 7 },
    );
  }, 240_000);
});
