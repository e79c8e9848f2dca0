import { type ChangeEvent, useRef, useState } from 'react';
import { getIndicator } from '../../indicators/registry';
import { parseTargetCsv, type TargetCsvResult, targetCsvTemplate } from '../../indicators/target-csv';
import { describeTarget } from '../../indicators/trajectory';
import { useTargets } from '../../session/targets';
import { downloadText } from '../../ui/download';

/**
 * Targets and trajectories from a CSV kept in Excel: each indicator in the file takes the file's target
 * (its other targets stay as they are); every row is taken or refused with its line, column and reason.
 */
export function TargetImport() {
  const { setTarget } = useTargets();
  const input = useRef<HTMLInputElement>(null);
  const [read, setRead] = useState<(TargetCsvResult & { file: string }) | null>(null);
  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const result = parseTargetCsv(await file.text());
    for (const [id, target] of result.targets) setTarget(id, target);
    setRead({ ...result, file: file.name });
  };
  return (
    <section aria-labelledby="definitions-targets" data-testid="target-import">
      <h2 className="heading-l" id="definitions-targets">
        Targets and trajectories
      </h2>
      <p>
        Set a target under each indicator below, or take them from a CSV file with the columns{' '}
        <strong>indicator</strong>, <strong>from</strong> and <strong>target</strong>: one row for a single target (from
        left blank), or one row per step of a trajectory, each step in force from its date (dd/mm/yyyy) until the next.
        A trajectory is drawn as a stepped line, and the assurance icon judges the target in force at the latest period.
      </p>
      <button type="button" className="button button--secondary" onClick={() => input.current?.click()}>
        Open a targets file
      </button>{' '}
      <button
        type="button"
        className="button button--secondary"
        onClick={() => downloadText('targets-template.csv', targetCsvTemplate(), 'text/csv;charset=utf-8')}
        data-testid="targets-template"
      >
        Download a template
      </button>
      <input
        ref={input}
        type="file"
        accept=".csv,text/csv"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        onChange={onFile}
        data-testid="import-targets"
        aria-label="Open a targets file"
      />
      {read && <ImportReport read={read} />}
    </section>
  );
}

function ImportReport({ read }: { read: TargetCsvResult & { file: string } }) {
  const taken = [...read.targets].map(([id, target]) => `${id}: ${describeTarget(target, getIndicator(id).unit)}`);
  return (
    <div
      role="status"
      data-testid="targets-import-report"
      data-taken={read.rowsTaken}
      data-refused={read.problems.length}
    >
      <p>
        {read.file}: {read.rowsRead} {read.rowsRead === 1 ? 'row' : 'rows'} read, {read.rowsTaken} taken,{' '}
        {read.problems.length} refused.
      </p>
      {read.notice && <p className="warning-text">{read.notice}</p>}
      {taken.length > 0 && (
        <ul className="list">
          {taken.map((t) => (
            <li key={t}>{t}</li>
          ))}
        </ul>
      )}
      {read.problems.length > 0 && (
        <table className="table" data-testid="targets-import-problems">
          <caption>Rows refused: nothing of them was taken</caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Column</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {read.problems.map((p) => (
              <tr key={`${p.line}-${p.column}`}>
                <td>{p.line}</td>
                <td>{p.column}</td>
                <td>{p.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
