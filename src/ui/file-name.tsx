import { fullFileName, shownFileName } from '../shared/file-name';

/**
 * A file (or sheet) name as every report shows it: control and bidirectional characters written out,
 * a long name shortened in the middle and allowed to wrap, the whole name (written out) on hover.
 */
export function FileName({ name }: { name: string }) {
  return (
    <span className="file-name" title={fullFileName(name)}>
      {shownFileName(name)}
    </span>
  );
}
