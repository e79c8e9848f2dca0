import { type ChangeEvent, useId, useRef, useState } from 'react';
import { type BoardPack, packJson, parsePack } from '../../board/pack-model';
import {
  alreadyIn,
  combineNotes,
  conflictCount,
  conflicts,
  describeNotes,
  isEmpty,
  type NotesConflicts,
  type PackNotes,
} from '../../board/pack-notes';
import { mergeReportWords } from '../../board/report-words';
import { formatUkDate } from '../../indicators/periods';
import { getIndicator } from '../../indicators/registry';
import { describeTarget } from '../../indicators/trajectory';
import { useBoardPack } from '../../session/board-pack';
import { useEvents } from '../../session/events';
import { useSavedPackNotes } from '../../session/pack-notes';
import { shownFileName } from '../../shared/file-name';
import { downloadText } from '../../ui/download';

type Message = { error: boolean; text: string };

const indicatorName = (id: string) => `${id} ${getIndicator(id).title}`;

/** Up to five of the places where the pack and this browser disagree, in words. */
function ConflictList({ found }: { found: NotesConflicts }) {
  const lines = [
    ...found.targets.map((t) => {
      const unit = getIndicator(t.indicator).unit;
      return `${indicatorName(t.indicator)}: your target ${describeTarget(t.ours, unit)}, the pack’s ${describeTarget(t.theirs, unit)}`;
    }),
    ...found.changes.map(
      (c) =>
        `${indicatorName(c.indicator)}, ${formatUkDate(c.date)}: your change “${c.ours}”, the pack’s “${c.theirs}”`,
    ),
    ...found.minimumCases.map(
      (m) => `${indicatorName(m.indicator)}: your minimum of ${m.ours} cases, the pack’s ${m.theirs}`,
    ),
  ];
  return (
    <ul className="list" data-testid="pack-notes-conflicts">
      {lines.slice(0, 5).map((line) => (
        <li key={line}>{line}</li>
      ))}
      {lines.length > 5 && <li>and {lines.length - 5} more</li>}
    </ul>
  );
}

/**
 * The targets, marked changes and minimum numbers of cases a pack file brings: what they are, how they
 * differ from this browser's own, and the user's choice — the pack's instead of ours, the pack's added
 * to ours (ours kept where both say something), or ours alone. Nothing is taken until they choose.
 */
function NotesChoice({
  theirs,
  ours,
  onChoose,
}: {
  theirs: PackNotes;
  ours: PackNotes;
  onChoose: (how: 'replace' | 'merge' | 'keep') => void;
}) {
  const headingId = useId();
  const found = conflicts(ours, theirs);
  const brings = describeNotes(theirs);
  return (
    <section className="choice-panel" aria-labelledby={headingId} data-testid="pack-notes-choice">
      <p id={headingId}>
        <strong>The pack also brings {brings}</strong>, so that its charts and icons read as they did where it was
        saved.
      </p>
      {isEmpty(ours) ? (
        <p>This browser has none of its own yet.</p>
      ) : (
        <>
          <p>
            This browser has {describeNotes(ours)} of its own
            {conflictCount(found) > 0
              ? `; ${conflictCount(found)} ${conflictCount(found) === 1 ? 'differs' : 'differ'} from the pack’s:`
              : '.'}
          </p>
          {conflictCount(found) > 0 && <ConflictList found={found} />}
        </>
      )}
      <div className="button-group">
        <button type="button" className="button" onClick={() => onChoose('replace')} data-testid="pack-notes-replace">
          {isEmpty(ours) ? 'Use the pack’s' : 'Use the pack’s instead of yours'}
        </button>
        {!isEmpty(ours) && (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => onChoose('merge')}
            data-testid="pack-notes-merge"
          >
            Add the pack’s to yours (yours kept where both have one)
          </button>
        )}
        <button
          type="button"
          className="button button--secondary"
          onClick={() => onChoose('keep')}
          data-testid="pack-notes-keep"
        >
          {isEmpty(ours) ? 'Leave them out' : 'Keep only yours'}
        </button>
      </div>
    </section>
  );
}

/** What happened to the pack's notes, once the user has chosen. */
function outcome(how: 'replace' | 'merge' | 'keep', theirs: PackNotes, ours: PackNotes): string {
  const brings = describeNotes(theirs);
  if (how === 'keep') return `The pack’s ${brings} were left out: this browser keeps its own.`;
  if (how === 'replace') return `The pack’s ${brings} are now used in this browser.`;
  const kept = conflictCount(conflicts(ours, theirs));
  return `The pack’s ${brings} were added to yours${kept > 0 ? `; yours were kept in the ${kept} ${kept === 1 ? 'place' : 'places'} where both had one` : ''}.`;
}

/**
 * Export and import of the pack as a small JSON file: its items and commentary and the yearly report's
 * words, with this browser's targets, marked changes and minimum numbers of cases (choices and words
 * only, never data).
 */
export function PackFile({ pack, onImport }: { pack: BoardPack; onImport: (pack: BoardPack) => void }) {
  const [message, setMessage] = useState<Message | null>(null);
  const [pending, setPending] = useState<PackNotes | null>(null);
  const saved = useSavedPackNotes();
  const { evidence, setEvidence } = useBoardPack();
  const { events, addFromPack } = useEvents();
  const input = useRef<HTMLInputElement>(null);
  const read = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const parsed = parsePack(await file.text());
    if (!parsed.ok) {
      setMessage({ error: true, text: `${shownFileName(file.name)}: ${parsed.message}` });
      return;
    }
    onImport(parsed.pack);
    const added = addFromPack(parsed.events);
    const eventsAdded =
      added > 0 ? ` ${added} ${added === 1 ? 'event was' : 'events were'} added to the register.` : '';
    const opened = `Opened “${parsed.pack.title}” (${parsed.pack.items.length} items).${wordsAdded(parsed.words)}${eventsAdded}`;
    if (isEmpty(parsed.notes) || alreadyIn(parsed.notes, saved.notes)) {
      setPending(null);
      const same = isEmpty(parsed.notes)
        ? ''
        : ` What it brings (${describeNotes(parsed.notes)}) is already in this browser.`;
      setMessage({ error: false, text: `${opened}${same}` });
      return;
    }
    setPending(parsed.notes);
    setMessage({ error: false, text: opened });
  };
  /** The file's yearly report words added where this browser has none; said in a sentence. */
  const wordsAdded = (words: ReadonlyMap<string, string>) => {
    const { added, kept } = mergeReportWords(evidence, words);
    for (const [key, text] of added) setEvidence(key, text);
    if (added.length === 0 && kept === 0) return '';
    const keptWords = kept > 0 ? ` Yours were kept for ${kept} where both had words.` : '';
    return ` The yearly report’s words for ${added.length} ${added.length === 1 ? 'heading' : 'headings'} were added.${keptWords}`;
  };
  const choose = (how: 'replace' | 'merge' | 'keep') => {
    if (!pending) return;
    if (how !== 'keep') saved.replace(combineNotes(saved.notes, pending, how));
    setMessage({ error: false, text: outcome(how, pending, saved.notes) });
    setPending(null);
  };
  const travels = describeNotes(saved.notes);
  return (
    <div className="pack-file">
      <button
        type="button"
        className="button button--secondary"
        onClick={() =>
          downloadText(
            `${pack.title}.board-pack.json`,
            packJson(pack, saved.notes, evidence, events),
            'application/json',
          )
        }
        data-testid="export-pack-json"
      >
        Save the pack as a file
      </button>{' '}
      <button type="button" className="button button--secondary" onClick={() => input.current?.click()}>
        Open a pack file
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        className="visually-hidden"
        onChange={read}
        data-testid="import-pack"
        aria-label="Open a pack file"
      />
      <p className="hint" data-testid="pack-file-holds">
        The file holds the pack’s items and commentary, the events register{travels ? ', ' : ' and '}the yearly report’s
        words
        {travels ? `, and this browser’s ${travels}` : ''}, so that it reads the same on another computer. It holds no
        data: the figures are worked out from what is loaded there.
      </p>
      {message && (
        <p
          className={message.error ? 'error-text' : 'hint'}
          role={message.error ? 'alert' : 'status'}
          data-testid="pack-file-message"
        >
          {message.text}
        </p>
      )}
      {pending && <NotesChoice theirs={pending} ours={saved.notes} onChoose={choose} />}
    </div>
  );
}
