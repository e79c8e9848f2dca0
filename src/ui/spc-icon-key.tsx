import type { IndicatorOutcome } from '../board/pack-figures';
import { AssuranceIcon, VariationIcon } from '../charts/spc-chart';
import type { AssuranceType, PointType } from '../indicators/spc';

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

const VARIATION_MEANINGS: Record<PointType | 'none', string> = {
  common_cause: 'within the range expected from recent periods',
  special_cause_improvement: 'beyond the expected range, or a sustained run, in the better direction',
  special_cause_concern: 'beyond the expected range, or a sustained run, in the worse direction',
  special_cause_neutral_high: 'unusually high, where neither way is better',
  special_cause_neutral_low: 'unusually low, where neither way is better',
  none: 'too few periods or cases for process limits',
};

const ASSURANCE_MEANINGS: Record<AssuranceType, string> = {
  consistent_pass: 'the target is outside the process limits on the good side: met if nothing changes',
  consistent_fail: 'the target is outside the process limits on the bad side: missed without a change',
  inconsistent: 'the target is inside the process limits: met in some periods, missed in others',
};

/**
 * The key on a summary slide: what each icon on that slide means, and `c` if the slide has one — only
 * those, so it is short enough to read at slide size beside the table.
 */
export function SlideIconKey({ outcomes }: { outcomes: readonly IndicatorOutcome[] }) {
  const shown = outcomes.flatMap((o) => {
    if (o.status !== 'ok') return [];
    const latest = o.points[o.latestIndex];
    return latest?.suppressed ? [] : [o.spc];
  });
  const variations = [...new Set(shown.map((s) => s.variation ?? ('none' as const)))];
  const assurances = [...new Set(shown.flatMap((s) => (s.assurance ? [s.assurance] : [])))];
  const hidden = outcomes.some((o) => o.status === 'ok' && o.points[o.latestIndex]?.suppressed);
  const order = Object.keys(VARIATION_MEANINGS) as (PointType | 'none')[];
  return (
    <section className="icon-key icon-key--slide" aria-label="Key to the icons" data-testid="icon-key">
      <h3 className="icon-key__title">Key (NHS Making Data Count)</h3>
      <ul className="icon-key__items">
        {order
          .filter((v) => variations.includes(v))
          .map((v) => (
            <li key={v}>
              <VariationIcon type={v === 'none' ? null : v} short />: {VARIATION_MEANINGS[v]}
            </li>
          ))}
        {assurances.map((a) => (
          <li key={a}>
            <AssuranceIcon type={a} short />: {ASSURANCE_MEANINGS[a]}
          </li>
        ))}
        {hidden && (
          <li>
            <strong className="icon-key__c">c</strong>: not shown, to protect small numbers
          </li>
        )}
      </ul>
    </section>
  );
}
