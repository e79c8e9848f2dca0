import { useRef, useState } from 'react';
import { DATASETS } from '../../datasets/registry';
import { checkProfileSize, parseProfile, profileCodeCount, toProfile } from '../../ingest/value-mapping';
import { useAppData } from '../../session/app-data';
import { shownFileName } from '../../shared/file-name';
import { downloadText } from '../../ui/download';

/** Export the code mappings as a file another partnership can import, or import theirs. */
export function MappingProfile() {
  const { valueMappings, columnMappings, dateOrders, importMappings } = useAppData();
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const count =
    profileCodeCount(valueMappings) +
    Object.keys(columnMappings).length +
    Object.values(dateOrders).reduce((n, fields) => n + Object.keys(fields).length, 0);

  const exportProfile = () =>
    downloadText(
      'partnership-insight-mapping-profile.json',
      `${JSON.stringify(toProfile(valueMappings, columnMappings, dateOrders), null, 2)}\n`,
      'application/json',
    );

  const importProfile = async (file: File | undefined) => {
    if (!file) return;
    try {
      checkProfileSize(file.size);
      const profile = parseProfile(await file.text(), DATASETS);
      await importMappings(profile);
      setMessage({ text: `Imported the mappings in “${shownFileName(file.name)}”.`, error: false });
    } catch (error) {
      setMessage({
        text: `“${shownFileName(file.name)}” could not be imported. ${error instanceof Error ? error.message : String(error)}`,
        error: true,
      });
    }
  };

  return (
    <details className="details" data-testid="mapping-profile">
      <summary>Code mappings ({count} saved in this browser)</summary>
      <p className="hint">
        When you tell the app what a local code means (for example an end reason “Escalated to social care”), it is
        remembered here and applied to later files. Export the mappings to share them with a colleague or another
        partnership; import theirs.
      </p>
      <div className="button-group">
        <button type="button" className="button button--secondary" onClick={exportProfile} disabled={count === 0}>
          Export mapping profile
        </button>
        <button type="button" className="button button--secondary" onClick={() => input.current?.click()}>
          Import mapping profile
        </button>
        <input
          ref={input}
          type="file"
          accept=".json,application/json"
          className="visually-hidden"
          tabIndex={-1}
          aria-label="Choose a mapping profile to import"
          data-testid="mapping-profile-input"
          onChange={(event) => {
            void importProfile(event.target.files?.[0]);
            event.target.value = '';
          }}
        />
      </div>
      {message && (
        <p
          className={message.error ? 'error-text' : 'hint'}
          role={message.error ? 'alert' : 'status'}
          data-testid={message.error ? 'error-message' : undefined}
        >
          {message.text}
        </p>
      )}
    </details>
  );
}
