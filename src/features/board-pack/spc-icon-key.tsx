import { AssuranceIcon, VariationIcon } from '../../charts/spc-chart';

/**
 * What the Making Data Count icons mean, in words: shown with the board summary, on the Overview and on
 * every printed summary, so nobody has to know the colours.
 */
export function SpcIconKey({ compact = false }: { compact?: boolean }) {
  if (compact) return <IconKeyLine />;
  return (
    <section
      className={`icon-key${compact ? ' icon-key--compact' : ''}`}
      aria-label="Key to the icons"
      data-testid="icon-key"
    >
      <h2 className="icon-key__title">Key to the icons (NHS Making Data Count)</h2>
      <dl className="icon-key__list">
        <div>
          <dt>
            <VariationIcon type="common_cause" />
          </dt>
          <dd>No significant change: the latest value is within the range expected from recent periods.</dd>
        </div>
        <div>
          <dt>
            <VariationIcon type="special_cause_improvement" />
          </dt>
          <dd>Improvement: beyond the expected range, or a sustained run, in the better direction.</dd>
        </div>
        <div>
          <dt>
            <VariationIcon type="special_cause_concern" />
          </dt>
          <dd>Concern: the same, in the worse direction.</dd>
        </div>
        <div>
          <dt>
            <VariationIcon type="special_cause_neutral_high" />
          </dt>
          <dd>Unusually high or low where neither is better in itself.</dd>
        </div>
        <div>
          <dt>
            <VariationIcon type={null} />
          </dt>
          <dd>Not judged: too few periods or cases for process limits (a run chart).</dd>
        </div>
        <div>
          <dt>
            <AssuranceIcon type="consistent_pass" />
          </dt>
          <dd>The target sits outside the process limits on the good side: it will be met if nothing changes.</dd>
        </div>
        <div>
          <dt>
            <AssuranceIcon type="consistent_fail" />
          </dt>
          <dd>The target sits outside the limits on the bad side: it will not be met without a change.</dd>
        </div>
        <div>
          <dt>
            <AssuranceIcon type="inconsistent" />
          </dt>
          <dd>The target sits inside the limits: it will be met in some periods and missed in others.</dd>
        </div>
      </dl>
      <p className="icon-key__note">
        <strong>c</strong>: not shown, to protect small numbers (1 to 5, or a figure that would let one be worked out).
      </p>
    </section>
  );
}

/** The key in two lines, for a summary that must fit one printed page or one screen. */
function IconKeyLine() {
  return (
    <section className="icon-key icon-key--line" aria-label="Key to the icons" data-testid="icon-key">
      <strong>Key (NHS Making Data Count):</strong> <VariationIcon type="common_cause" short /> within the range
      expected from recent periods · <VariationIcon type="special_cause_improvement" short /> /{' '}
      <VariationIcon type="special_cause_concern" short /> beyond the expected range, or a sustained run, in the better
      / worse direction · <VariationIcon type="special_cause_neutral_high" short /> unusual where neither way is better
      · <VariationIcon type={null} short /> too few periods or cases for process limits ·{' '}
      <AssuranceIcon type="consistent_pass" short /> / <AssuranceIcon type="consistent_fail" short /> the target is
      outside the process limits · <AssuranceIcon type="inconsistent" short /> the target is inside them ·{' '}
      <strong>c</strong> not shown, to protect small numbers (1 to 5, or a figure that would let one be worked out).
    </section>
  );
}
