import { type ReactNode, useEffect, useState } from 'react';
import { AccessibilityPage } from '../features/accessibility/accessibility-page';
import { BenchmarksPage } from '../features/benchmarks/benchmarks-page';
import { BoardPackPage } from '../features/board-pack/board-pack-page';
import { PresentPage } from '../features/board-pack/present-page';
import { PrintPage } from '../features/board-pack/print-page';
import { DataQualityPage } from '../features/data-quality/data-quality-page';
import { DefinitionsPage } from '../features/definitions/definitions-page';
import { EventsPage } from '../features/events/events-page';
import { AreaLinks } from '../features/indicators/area-links';
import { AreaPage } from '../features/indicators/area-page';
import { KeepOffer } from '../features/keep/keep-offer';
import { KeptBottom, KeptTop } from '../features/keep/kept-section';
import { KeptStatus } from '../features/keep/kept-status';
import { LoadDataPanel } from '../features/load-data/load-data-panel';
import { LoadHistoryPage } from '../features/load-history/load-history-page';
import { OverviewPage } from '../features/overview/overview-page';
import { TemplatesPage } from '../features/templates/templates-page';
import { YearlyReportPage, YearlyReportPrintPage } from '../features/yearly-report/yearly-report-page';
import { FAMILIES } from '../indicators/registry';
import { PageBoundary } from './page-boundary';
import { savedKeysOf } from './page-settings';
import { hashOf, type Page, pageFromHash, samePage, type View, viewFromHash } from './routes';
import { SetAsideNotice } from './set-aside-notice';

export function App() {
  const [page, setPage] = useState<Page>(() => pageFromHash(window.location.hash));
  const [view, setView] = useState<View>(() => viewFromHash(window.location.hash));
  useEffect(() => {
    const onHashChange = () => {
      // In-page links (#definitions-training) are not pages.
      if (window.location.hash.startsWith('#/') || window.location.hash === '') {
        setPage(pageFromHash(window.location.hash));
        setView(viewFromHash(window.location.hash));
      }
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  const navItems: { page: Page; label: string }[] = [
    { page: { kind: 'data' }, label: 'Data' },
    { page: { kind: 'overview' }, label: 'Overview' },
    ...FAMILIES.map((f) => ({ page: { kind: 'area', family: f.id } as Page, label: f.title })),
    { page: { kind: 'board-pack', mode: 'build' }, label: 'Board pack' },
    { page: { kind: 'yearly-report', mode: 'view' }, label: 'Yearly report' },
    { page: { kind: 'benchmarks' }, label: 'Published statistics' },
    { page: { kind: 'events' }, label: 'Events' },
    { page: { kind: 'definitions' }, label: 'Definitions' },
    { page: { kind: 'quality' }, label: 'Data quality' },
    { page: { kind: 'load-history' }, label: 'Load history' },
    { page: { kind: 'templates' }, label: 'Templates' },
  ];

  const DATA_PAGE = { href: '#/', label: 'the Data page' };
  /** The page inside its boundary: a failure shows there, with a reset, and the menu goes on working. */
  const guarded = (name: string, node: ReactNode, elsewhere = DATA_PAGE) => (
    <PageBoundary key={hashOf(page)} name={name} savedKeys={savedKeysOf(page)} elsewhere={elsewhere}>
      {node}
    </PageBoundary>
  );
  const pageName =
    navItems.find((item) => samePage(page, item.page))?.label ??
    (page.kind === 'accessibility' ? 'Accessibility statement' : 'requested');

  // Presenting and printing: the slides or pages alone, without the site's header, menu and footer.
  const bare =
    (page.kind === 'board-pack' && page.mode !== 'build') || (page.kind === 'yearly-report' && page.mode === 'print');
  if (bare) {
    return (
      <main id="main" className={page.kind === 'board-pack' && page.mode === 'present' ? 'present-main' : 'print-main'}>
        <SetAsideNotice />
        {page.kind === 'board-pack' && page.mode === 'present' && guarded('Present', <PresentPage />)}
        {page.kind === 'board-pack' && page.mode === 'print' && guarded('printed board pack', <PrintPage />)}
        {page.kind === 'yearly-report' && guarded('printed yearly report', <YearlyReportPrintPage year={view.year} />)}
      </main>
    );
  }

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="app-header">
        <div className="app-width">
          <span className="app-header__name">Partnership Insight</span>
          <span className="app-header__tag">Runs in your browser · your data never leaves this computer</span>
          <KeptStatus />
          <nav className="app-nav" aria-label="Main">
            {navItems.map((item) => (
              <a
                key={hashOf(item.page)}
                href={hashOf(item.page)}
                aria-current={samePage(page, item.page) ? 'page' : undefined}
              >
                {item.label}
              </a>
            ))}
          </nav>
        </div>
      </header>
      <main id="main" className="app-width app-main">
        <SetAsideNotice />
        {/* The data page stays mounted so the load report survives switching pages. */}
        <div hidden={page.kind !== 'data'}>
          <h1 className="heading-xl">Partnership data</h1>
          <p className="lead">
            For the safeguarding partners — the local authority, the integrated care board and the police — and the
            relevant agencies of your multi-agency safeguarding arrangements (often still called the LSCP). Load the
            extracts partners send you — early help, training, Section 11 and Section 175/157 returns, case-file audits,
            practice reviews — to see indicators and trends for the lead safeguarding partners, independent scrutiny and
            the yearly report. Files are read on this computer only. <a href="#/templates">Templates</a> show what each
            file needs.
          </p>
          <PageBoundary
            name="Data"
            savedKeys={savedKeysOf({ kind: 'data' })}
            elsewhere={{ href: '#/templates', label: 'the Templates page' }}
          >
            <KeptTop />
            <LoadDataPanel nextSteps={<AreaLinks />} afterReport={<KeepOffer />} kept={<KeptBottom />} />
          </PageBoundary>
        </div>
        {page.kind !== 'data' &&
          guarded(
            pageName,
            <>
              {page.kind === 'area' && (
                <AreaPage
                  key={page.family}
                  familyId={page.family}
                  view={view}
                  onViewChange={(next) => {
                    // A new entry in the history: Back undoes a filter, and the address is the view.
                    window.location.hash = hashOf(page, next);
                  }}
                />
              )}
              {page.kind === 'overview' && (
                <OverviewPage view={view} onViewChange={(next) => (window.location.hash = hashOf(page, next))} />
              )}
              {page.kind === 'definitions' && <DefinitionsPage />}
              {page.kind === 'accessibility' && <AccessibilityPage />}
              {page.kind === 'quality' && <DataQualityPage />}
              {page.kind === 'templates' && <TemplatesPage />}
              {page.kind === 'load-history' && <LoadHistoryPage />}
              {page.kind === 'events' && <EventsPage />}
              {page.kind === 'board-pack' && <BoardPackPage />}
              {page.kind === 'benchmarks' && (
                <BenchmarksPage
                  la={view.la}
                  onLa={(la) => (window.location.hash = hashOf(page, { filters: {}, la: la || undefined }))}
                />
              )}
              {page.kind === 'yearly-report' && (
                <YearlyReportPage
                  year={view.year}
                  onYear={(year) => (window.location.hash = hashOf(page, { filters: {}, year }))}
                />
              )}
            </>,
          )}
      </main>
      <footer className="app-footer">
        <div className="app-width">
          Partnership Insight works offline. Nothing you load is uploaded, stored on a server or shared.{' '}
          <a href="#/accessibility">Accessibility statement</a>
        </div>
      </footer>
    </>
  );
}
