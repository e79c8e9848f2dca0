import { useBoardPack } from '../../session/board-pack';
import { Switch } from '../../ui/switch';

/**
 * The partnership's choice to publish its practice review numbers as they are — serious incident
 * notifications, rapid reviews, local reviews, and how many of each were on time: most yearly reports
 * give them, though they are small counts about children. Off by default.
 */
export function ReviewCountsSwitch() {
  const { reviewCountsShown, setReviewCountsShown } = useBoardPack();
  return (
    <Switch
      on={reviewCountsShown}
      onChange={setReviewCountsShown}
      label="Show the practice review numbers (notifications, rapid reviews, local reviews), even when small"
      testId="review-counts-toggle"
    >
      <p className="hint">
        Most partnerships’ yearly reports say how many serious incidents they notified to the Child Safeguarding
        Practice Review Panel, how many rapid reviews and local reviews they held, and how many were on time. Each is
        about a child, and the numbers are small, so they are hidden (c) in this report unless you turn this on. Turn it
        on only if the safeguarding partners have agreed to publish them, and check that nothing else in the report
        could identify a child. Every other small number about children stays hidden, the board pack keeps these hidden
        too, and every page of the report says that they are shown.
      </p>
    </Switch>
  );
}
