import { useEffect } from 'react';
import { useRecordExport } from '../../session/use-load-history';

/** Set by "Download PDF": the print view opens the browser's print dialog once it is drawn. */
export const PRINT_NOW_KEY = 'partnership-insight:print-now';

/** Opens the print dialog once, when asked for and the pages are drawn. */
export function usePrintWhenReady(ready: boolean) {
  useEffect(() => {
    if (!ready || sessionStorage.getItem(PRINT_NOW_KEY) !== '1') return undefined;
    sessionStorage.removeItem(PRINT_NOW_KEY);
    const timer = setTimeout(() => window.print(), 300);
    return () => clearTimeout(timer);
  }, [ready]);
}

/**
 * Records in the load history each time the print view is printed (its button, "Download PDF" or the
 * browser's own Print): the dialog is where a PDF is saved, and the page cannot know whether it was.
 */
export function useRecordPrinting(what: string, suppressed: boolean | undefined) {
  const record = useRecordExport();
  useEffect(() => {
    const onPrint = () => record(`${what} printed or saved as PDF`, { suppressed });
    window.addEventListener('beforeprint', onPrint);
    return () => window.removeEventListener('beforeprint', onPrint);
  }, [record, what, suppressed]);
}
