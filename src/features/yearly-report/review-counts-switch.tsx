import { useBoardPack } from '../../session/board-pack';

/**
 * The partnership's choice to publish its numbers of serious incident notifications and rapid reviews as
 * they are: most yearly reports give them, though they are small counts about children. Off by default.
 */
export function ReviewCountsSwitch() {
  const { reviewCountsShown, setReviewCountsShown } = useBoardPack();
  return (
    <div className="suppression">
      <button
        type="button"
        role="switch"
        aria-checked={reviewCountsShown}
        className={`switch${reviewCountsShown ? ' switch--on' : ''}`}
        onClick={() => setReviewCountsShown(!reviewCountsShown)}
        data-testid="review-counts-toggle"
      >
        <span className="switch__track" aria-hidden="true">
          <span className="switch__thumb" />
        </span>
        <span className="switch__label">
          Show the numbers of serious incident notifications and rapid reviews, even when small
        </span>
      </button>
      <p className="hint">
        Most partnerships’ yearly reports say how many serious incidents they notified to the Child Safeguarding
        Practice Review Panel and how many rapid reviews they held. Each is about a child, and the numbers are small, so
        they are hidden (c) in this report unless you turn this on. Turn it on only if the safeguarding partners have
        agreed to publish them, and check that nothing else in the report could identify a child. Every other small
        number stays hidden, the board pack keeps these hidden too, and every page of the report says that they are
        shown.
      </p>
    </div>
  );
}
