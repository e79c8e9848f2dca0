import { useBoardPack } from '../../session/board-pack';
import { Switch } from '../switch';

/**
 * The one switch for small-number suppression in the board summary, the slides and every export. On by
 * default (and again on every visit); off, a warning says the figures are for internal use only.
 */
export function SuppressionSwitch() {
  const { suppress, setSuppress } = useBoardPack();
  return (
    <Switch
      on={suppress}
      onChange={setSuppress}
      label="Suppress small numbers about children and families (1 to 5) in the pack and every export"
      testId="suppression-toggle"
    >
      {!suppress && (
        <p className="warning-text" role="alert" data-testid="suppression-off-warning">
          <strong>Suppression is off.</strong> Counts of 1 to 5 about children and families can be seen, or worked out,
          in what you show, print or save. Use this only inside the partnership, never for publication. Every page says
          so in its footer.
        </p>
      )}
    </Switch>
  );
}
