import { useEffect } from 'react';

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
