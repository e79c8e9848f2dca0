import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { choiceLabel, filtersLabel } from '../../benchmarks/comparison-words';
import { publishedMeasures } from '../../benchmarks/published-store';
import { type Deck, type DeckSlide, deckOfPack } from '../../board/deck';
import type { DeckFigures } from '../../board/deck-figures';
import type { ItemGranularity } from '../../board/item-figures';
import { type BoardPack, defaultPack, newItemKey, type PackItem } from '../../board/pack-model';
import { PACK_VIEW_TITLES, PACK_VIEWS, type PackViewId } from '../../board/pack-views';
import { FAMILIES } from '../../indicators/registry';
import { useDataVersion, useEngine } from '../../session/app-data';
import { useBoardPack } from '../../session/board-pack';
import { shownFileName } from '../../shared/file-name';
import { Slide } from '../../ui/deck/slide';
import { SuppressionSwitch } from '../../ui/deck/suppression-switch';
import { useDeck } from '../../ui/deck/use-deck';
import { DeckExportButtons, useDeckExports } from '../../ui/deck/use-deck-exports';
import { ItemPeriods } from './item-periods';
import { PackFile } from './pack-file';

/** An item with its own periods (an indicator's), or the pack's when `granularity` is null. */
function withPeriods(item: PackItem, granularity: ItemGranularity | null | undefined): PackItem {
  if (item.kind !== 'indicator') return item;
  const { granularity: _old, ...rest } = item;
  return granularity ? { ...rest, granularity } : rest;
}

function move<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

/** The published measures loaded, for "Add to the pack". */
function usePublishedChoices() {
  const getEngine = useEngine();
  const dataVersion = useDataVersion();
  return (
    useQuery({
      queryKey: ['published-measures', dataVersion],
      queryFn: async () => publishedMeasures(await getEngine()),
    }).data ?? []
  );
}

/** The choices of "Add to the pack": the summary, any indicator, any view, any published comparison. */
function AddItem({ pack, onAdd }: { pack: BoardPack; onAdd: (item: PackItem) => void }) {
  const [choice, setChoice] = useState('summary');
  const id = useId();
  const published = usePublishedChoices();
  const add = () => {
    const key = newItemKey(pack.items);
    const benchmark = choice.startsWith('benchmark:') ? published[Number(choice.slice(10))] : undefined;
    if (benchmark)
      onAdd({
        key,
        kind: 'benchmark',
        file: benchmark.file_name,
        measure: benchmark.measure,
        filters: benchmark.filters,
        commentary: '',
      });
    else if (choice === 'summary') onAdd({ key, kind: 'summary', commentary: '' });
    else if (choice.startsWith('view:'))
      onAdd({ key, kind: 'view', view: choice.slice(5) as PackViewId, commentary: '' });
    else onAdd({ key, kind: 'indicator', indicatorId: choice.slice(10), commentary: '', granularity: 'auto' });
  };
  return (
    <div className="form-group add-item">
      <label className="label" htmlFor={`${id}-add`}>
        Add to the pack
      </label>
      <select
        id={`${id}-add`}
        className="select"
        value={choice}
        onChange={(e) => setChoice(e.target.value)}
        data-testid="add-item-choice"
      >
        <option value="summary">Board summary (every headline indicator)</option>
        {FAMILIES.map((family) => (
          <optgroup key={family.id} label={family.title}>
            {family.indicators.map((i) => (
              <option key={i.id} value={`indicator:${i.id}`}>
                {i.id} {i.title}
              </option>
            ))}
          </optgroup>
        ))}
        <optgroup label="Area views">
          {PACK_VIEWS.map((v) => (
            <option key={v} value={`view:${v}`}>
              {PACK_VIEW_TITLES[v]}
            </option>
          ))}
        </optgroup>
        {published.length > 0 && (
          <optgroup label="Published statistics: our authority against its neighbours">
            {published.map((m, i) => (
              <option key={`${m.file_id}|${m.measure}|${m.filters}`} value={`benchmark:${i}`}>
                {choiceLabel(m)}
                {filtersLabel(m.filters) ? ` — ${filtersLabel(m.filters)}` : ''} ({shownFileName(m.file_name)})
              </option>
            ))}
          </optgroup>
        )}
      </select>{' '}
      <button type="button" className="button button--secondary" onClick={add} data-testid="add-item">
        Add
      </button>
    </div>
  );
}

type ItemChange = { move?: number; remove?: true; commentary?: string; granularity?: ItemGranularity | null };

function ItemCard({
  slide,
  index,
  count,
  deck,
  figures,
  onChange,
}: {
  slide: DeckSlide;
  index: number;
  count: number;
  deck: Deck;
  figures: DeckFigures | undefined;
  onChange: (change: ItemChange) => void;
}) {
  const id = useId();
  const commentary = slide.kind === 'section' ? '' : slide.commentary;
  return (
    <li className="pack-item" data-testid="pack-item" data-item-key={slide.key}>
      <div className="pack-item__bar">
        <h3 className="heading-s pack-item__title">
          {index + 1}. {slide.title}
        </h3>
        <span className="pack-item__actions">
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={index === 0}
            onClick={() => onChange({ move: index - 1 })}
          >
            Move up<span className="visually-hidden">: {slide.title}</span>
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={index === count - 1}
            onClick={() => onChange({ move: index + 1 })}
          >
            Move down<span className="visually-hidden">: {slide.title}</span>
          </button>
          <button
            type="button"
            className="button button--warning button--small"
            onClick={() => onChange({ remove: true })}
            data-testid={`remove-item-${slide.key}`}
          >
            Remove<span className="visually-hidden">: {slide.title}</span>
          </button>
        </span>
      </div>
      {slide.kind === 'indicator' && (
        <ItemPeriods slide={slide} figures={figures} onChange={(g) => onChange({ granularity: g ?? null })} />
      )}
      {figures ? (
        <Slide slide={slide} figures={figures} mode="screen" deckTitle={deck.title} />
      ) : (
        <p role="status">Calculating…</p>
      )}
      <label className="label" htmlFor={`${id}-commentary`}>
        What the partnership is doing about it (commentary: on the slide, and in the PowerPoint speaker notes)
      </label>
      <textarea
        id={`${id}-commentary`}
        className="textarea"
        rows={3}
        maxLength={4000}
        value={commentary}
        onChange={(e) => onChange({ commentary: e.target.value })}
        data-testid={`commentary-${slide.key}`}
      />
    </li>
  );
}

/**
 * The board pack: choose and order the items, write the commentary, then present, print to PDF or save
 * as PowerPoint. The pack (choices and words) is kept in this browser; the figures are worked out from
 * what is loaded, protected together when suppression is on.
 */
export function BoardPackPage() {
  const { pack, setPack } = useBoardPack();
  const deck = useMemo(() => deckOfPack(pack), [pack]);
  const { figures, facts, hasData, preparing } = useDeck(deck);
  const exports = useDeckExports(deck, figures.data, facts, '#/board-pack/print', 'Board pack');
  const id = useId();
  const update = (items: PackItem[]) => setPack({ ...pack, items });
  const change = (index: number, what: ItemChange) => {
    if (what.move !== undefined) update(move(pack.items, index, what.move));
    else if (what.remove) update(pack.items.filter((_, i) => i !== index));
    else if (what.granularity !== undefined)
      update(pack.items.map((item, i) => (i === index ? withPeriods(item, what.granularity) : item)));
    else if (what.commentary !== undefined) {
      update(pack.items.map((item, i) => (i === index ? { ...item, commentary: what.commentary ?? '' } : item)));
    }
  };
  const present = () => {
    document.documentElement.requestFullscreen?.().catch(() => undefined);
    window.location.hash = '#/board-pack/present';
  };
  return (
    <div data-testid="board-pack">
      <h1 className="heading-xl">Board pack</h1>
      <p className="lead">
        The figures for the board meeting: a one-page summary in the NHS integrated performance report format, the
        charts and views you choose, a sentence on each in plain English and your commentary on what the partnership is
        doing about it. Present it full screen, print it to PDF or save it as PowerPoint — all on this computer.
      </p>
      <SuppressionSwitch />
      {!hasData && !preparing && (
        <div className="inset-text" data-testid="board-pack-empty">
          <p>
            Nothing is loaded yet: <a href="#/">load your partners’ files</a>, or try the sample data, and the pack
            fills in.
          </p>
        </div>
      )}
      <div className="pack-settings">
        <div className="form-group">
          <label className="label" htmlFor={`${id}-title`}>
            Title of the pack
          </label>
          <input
            id={`${id}-title`}
            className="input"
            maxLength={200}
            value={pack.title}
            onChange={(e) => setPack({ ...pack, title: e.target.value || ' ' })}
            data-testid="pack-title"
          />
        </div>
        <fieldset className="form-group">
          <legend className="label">Periods</legend>
          {(['month', 'quarter', 'year'] as const).map((g) => (
            <label key={g} className="radio">
              <input
                type="radio"
                name={`${id}-granularity`}
                checked={pack.granularity === g}
                onChange={() => setPack({ ...pack, granularity: g })}
                data-testid={`pack-granularity-${g}`}
              />{' '}
              {g === 'month' ? 'Months' : g === 'quarter' ? 'Financial quarters' : 'Financial years'}
            </label>
          ))}
          <p className="hint">
            Section 11 and Section 175/157 returns come in yearly cycles: they are always shown by year.
          </p>
        </fieldset>
      </div>
      <DeckExportButtons
        exports={exports}
        ready={figures.data !== undefined}
        empty={pack.items.length === 0}
        before={
          <button
            type="button"
            className="button"
            onClick={present}
            data-testid="present-pack"
            disabled={pack.items.length === 0}
          >
            Present
          </button>
        }
      />
      <PackFile pack={pack} onImport={setPack} />
      {figures.isError && (
        <p className="error-summary" role="alert">
          The figures could not be worked out: {figures.error.message}
        </p>
      )}
      <h2 className="heading-l">Items, in order</h2>
      {pack.items.length === 0 && <p className="hint">The pack is empty: add the summary or an indicator below.</p>}
      <ol className="pack-items">
        {deck.slides.map((slide, index) => (
          <ItemCard
            key={slide.key}
            slide={slide}
            index={index}
            count={deck.slides.length}
            deck={deck}
            figures={figures.data}
            onChange={(what) => change(index, what)}
          />
        ))}
      </ol>
      <AddItem pack={pack} onAdd={(item) => update([...pack.items, item])} />
      <p>
        <button type="button" className="link-button" onClick={() => setPack(defaultPack())} data-testid="reset-pack">
          Start again from the suggested pack
        </button>
      </p>
      {exports.offscreen}
    </div>
  );
}
