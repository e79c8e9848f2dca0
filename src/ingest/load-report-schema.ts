import { z } from 'zod';
import type { LoadReport } from './load-report';

// The load report as data that comes back from storage (kept data on this computer): checked field by
// field, so a damaged or foreign state is refused instead of drawn.

const count = z.number().int().nonnegative();
const line = z.number().int();

const rejectionGroup = z.object({
  column: z.string().nullable(),
  reason: z.string(),
  count,
  examples: z.array(z.object({ line: line.nullable(), value: z.string().nullable() })),
});

const fileReport = z.object({
  fileId: z.number().int().positive(),
  fileName: z.string(),
  bytes: count,
  datasetId: z.string().nullable(),
  confidence: z.number().nullable(),
  header: z.array(z.string()),
  columnSamples: z.array(z.array(z.string())),
  closestDatasetId: z.string().nullable(),
  status: z.enum(['loaded', 'partial', 'empty', 'failed', 'duplicate', 'unconfirmed']),
  message: z.string().nullable(),
  rowsRead: count,
  rowsLoaded: count,
  rowsRejected: count,
  rowsUnchanged: count,
  rowsUpdated: count,
  rowsWarned: count,
  blankRows: count,
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  headerLine: line.nullable(),
  columns: z.array(z.object({ field: z.string(), columnIndex: z.number().int(), header: z.string() })),
  ignoredColumns: z.array(z.string()),
  rejections: z.array(rejectionGroup),
  warnings: z.array(rejectionGroup),
  unmappedCodes: z.array(z.object({ field: z.string(), value: z.string(), count })),
  contentHash: z.string().nullable(),
  linesApproximate: z.boolean(),
  lineEndsNormalised: z.boolean(),
  dateColumns: z.array(
    z.object({
      field: z.string(),
      order: z.enum(['dmy', 'mdy', 'unsure']),
      monthDayCount: count,
      example: z.object({ line, value: z.string() }).nullable(),
      ambiguousCount: count,
      // Reports kept before the day/month count was recorded read as having none.
      dayMonthCount: count.default(0),
      dayMonthExample: z.object({ line, value: z.string() }).nullable().default(null),
    }),
  ),
  duplicates: z
    .object({
      policy: z.enum(['update', 'skip', 'replace', 'keep']),
      key: z.array(z.string()),
      withinFile: count,
      withinFileExamples: z.array(z.object({ line, firstLine: line, key: z.string() })),
      alreadyLoaded: count,
      replaced: count,
      earlierFiles: z.array(z.string()),
      update: z.object({ unchanged: count, updated: count, valuesChanged: count, ambiguous: count }).nullable(),
      changes: z.array(
        z.object({
          file: z.string(),
          line,
          key: z.string(),
          field: z.string(),
          fieldLabel: z.string(),
          oldValue: z.string().nullable(),
          newValue: z.string().nullable(),
          earlierFile: z.string(),
          earlierLine: line,
        }),
      ),
    })
    .nullable(),
  durationMs: z.number().nonnegative(),
});

export const loadReportSchema = z.object({
  files: z.array(fileReport),
  rowsRead: count,
  rowsLoaded: count,
  rowsRejected: count,
  rowsUnchanged: count,
  rowsUpdated: count,
  rowsWarned: count,
  status: z.enum(['ok', 'partial', 'failed']),
});

// The schema and the type describe the same thing: a field added to one and not the other fails here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const schemaMatchesReport: Same<z.infer<typeof loadReportSchema>, LoadReport> = true;
