import { type ReactNode, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useBoardPack } from '../../session/board-pack';
import { deckOfPack } from './deck';
import { Slide } from './slide';
import { useDeck } from './use-deck';

/**
 * A slide scaled down, if it must be, to fit the screen without scrolling (a long summary on a laptop);
 * at 1920 × 1080 the summary and charts fit at full size.
 */
function FittedSlide({ children }: { children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return undefined;
    const fitToSlide = () => {
      element.style.zoom = '1';
      const available = element.clientHeight;
      const needed = element.scrollHeight;
      element.style.zoom = needed > available + 2 ? String(Math.max(0.5, available / needed)) : '1';
    };
    fitToSlide();
    const timer = setTimeout(fitToSlide, 300);
    window.addEventListener('resize', fitToSlide);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('resize', fitToSlide);
    };
  }, []);
  return (
    <div className="present__fit" ref={box}>
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
  const deck = deckOfPack(pack);
  const { figures, hasData, preparing } = useDeck(deck);
  const [index, setIndex] = useState(0);
  const count = deck.slides.length;
  const stage = useRef<HTMLElement>(null);
  const go = useCallback((to: number) => setIndex(Math.max(0, Math.min(count - 1, to))), [count]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
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

  const slide = deck.slides[index];
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
