import { type ReactNode, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { deckOfPack, HEADLINES, projectedSlides, SUMMARY_ROWS_PER_SLIDE } from '../../board/deck';
import { useBoardPack } from '../../session/board-pack';
import { Slide } from '../../ui/deck/slide';
import { useDeck } from '../../ui/deck/use-deck';

/** The frame's content size at full scale, as a key: the same key, nothing to fit again. */
function naturalSize(frame: HTMLElement): string {
  frame.style.zoom = '1';
  return `${frame.scrollWidth}x${frame.scrollHeight}:${frame.clientWidth}x${frame.clientHeight}`;
}

function fitsAt(frame: HTMLElement, zoom: number): boolean {
  frame.style.zoom = String(zoom);
  return frame.scrollHeight <= frame.clientHeight + 1 && frame.scrollWidth <= frame.clientWidth + 1;
}

/**
 * Scales the frame's content to the largest scale (1 at most, 0.4 at least) at which it fits: a table
 * scaled down reflows wider, so the scale is searched for rather than worked out from the size at 1.
 */
function fitFrame(frame: HTMLElement): string {
  const natural = naturalSize(frame);
  let zoom = 1;
  if (!fitsAt(frame, 1)) {
    let low = 0.4;
    let high = 1;
    for (let i = 0; i < 8; i += 1) {
      const mid = (low + high) / 2;
      if (fitsAt(frame, mid)) low = mid;
      else high = mid;
    }
    zoom = Math.floor(low * 1000) / 1000;
  }
  frame.style.zoom = String(zoom);
  frame.dataset.zoom = String(zoom);
  return natural;
}

/**
 * A slide, scaled down if it must be, to fit the screen above the controls without scrolling or cutting
 * anything off, whatever the slide holds (a long table on a laptop). Charts fill what the words leave, so
 * most slides fit at full size; anything drawn late (a chart once its data is in) is fitted again.
 */
function FittedSlide({ children }: { children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const frame = box.current;
    if (!frame) return undefined;
    let natural = fitFrame(frame);
    let pending = 0;
    // Refit when the content or the screen changes size (not when the scale itself does: same natural size).
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(pending);
      pending = requestAnimationFrame(() => {
        const zoom = frame.style.zoom;
        const size = naturalSize(frame);
        frame.style.zoom = zoom;
        if (size !== natural) natural = fitFrame(frame);
      });
    });
    observer.observe(frame);
    for (const part of frame.querySelectorAll('.slide, .slide__body, .slide__body > *')) observer.observe(part);
    return () => {
      cancelAnimationFrame(pending);
      observer.disconnect();
    };
  }, []);
  return (
    <div className="present__fit" ref={box} data-testid="slide-frame">
      {children}
    </div>
  );
}

const NEXT = new Set(['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'Enter']);
const PREVIOUS = new Set(['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace']);

function leave() {
  if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
  window.location.hash = '#/board-pack';
}

/**
 * The pack as slides, one at a time, filling the screen: arrows, Page Up/Down, Space, Home and End move
 * between slides; Esc leaves. Type is large enough to read from the back of a room.
 */
export function PresentPage() {
  const { pack } = useBoardPack();
  const deck = useMemo(() => deckOfPack(pack), [pack]);
  const { figures, hasData, preparing } = useDeck(deck);
  // With targets the summary has two more columns (target, assurance): its rows wrap, so fewer a slide.
  const targets = HEADLINES.some((i) => {
    const outcome = figures.data?.indicators.get(i.id);
    return outcome?.status === 'ok' && outcome.target !== null;
  });
  const slides = useMemo(() => projectedSlides(deck, targets ? 7 : SUMMARY_ROWS_PER_SLIDE), [deck, targets]);
  const [index, setIndex] = useState(0);
  const count = slides.length;
  const stage = useRef<HTMLElement>(null);
  const go = useCallback((to: number) => setIndex(Math.max(0, Math.min(count - 1, to))), [count]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      // A key a chart already used (its arrows move through periods while it has focus) is its own.
      if (event.defaultPrevented) return;
      if (event.target instanceof HTMLElement && event.target.closest('input, textarea, select')) return;
      let handled = true;
      if (NEXT.has(event.key)) go(index + 1);
      else if (PREVIOUS.has(event.key)) go(index - 1);
      else if (event.key === 'Home') go(0);
      else if (event.key === 'End') go(count - 1);
      else if (event.key === 'Escape') leave();
      else handled = false;
      if (handled) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go, index, count]);
  useEffect(() => stage.current?.focus(), []);

  const slide = slides[index];
  return (
    <section
      className="present"
      data-testid="presentation"
      ref={stage}
      tabIndex={-1}
      aria-roledescription="slide show"
      aria-label={`${deck.title}: presentation`}
    >
      {!hasData && !preparing ? (
        <div className="present__message">
          <p>Nothing is loaded yet.</p>
          <p>
            <a href="#/">Load data</a>, or try the sample data, then present again.
          </p>
        </div>
      ) : !figures.data || !slide ? (
        <p className="present__message" role="status">
          Preparing the slides…
        </p>
      ) : (
        <FittedSlide key={slide.key}>
          <Slide slide={slide} figures={figures.data} mode="present" deckTitle={deck.title} />
        </FittedSlide>
      )}
      <nav className="present__controls" aria-label="Slides">
        <button type="button" onClick={() => go(index - 1)} disabled={index === 0} data-testid="previous-slide">
          Previous
        </button>
        <span className="present__counter" aria-live="polite" data-testid="slide-counter">
          Slide {index + 1} of {count}
        </span>
        <button type="button" onClick={() => go(index + 1)} disabled={index >= count - 1} data-testid="next-slide">
          Next
        </button>
        <button type="button" onClick={() => leave()} data-testid="leave-presentation">
          Leave (Esc)
        </button>
      </nav>
    </section>
  );
}
