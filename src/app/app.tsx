import { useEffect, useState } from 'react';
import { DataQualityPage } from '../features/data-quality/data-quality-page';
import { EarlyHelpPage } from '../features/early-help/early-help-page';
import { LoadDataPanel } from '../features/load-data/load-data-panel';
import { TemplatesPage } from '../features/templates/templates-page';
import { useAppData } from '../session/app-data';

type Page = 'data' | 'quality' | 'templates';

/** The page named in the address (#/templates), so it can be bookmarked; nothing else is kept there. */
function pageFromHash(): Page {
  const hash = window.location.hash;
  if (hash.startsWith('#/templates')) return 'templates';
  if (hash.startsWith('#/data-quality')) return 'quality';
  return 'data';
}

export function App() {
  const { dataVersion } = useAppData();
  const [page, setPage] = useState<Page>(pageFromHash);
  useEffect(() => {
    const onHashChange = () => {
      if (window.location.hash.startsWith('#/')) setPage(pageFromHash());
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="app-header">
        <div className="app-width">
          <span className="app-header__name">Partnership Insight</span>
          <span className="app-header__tag">Runs in your browser · your data never leaves this computer</span>
          <nav className="app-nav" aria-label="Main">
            <a href="#/" aria-current={page === 'data' ? 'page' : undefined}>
              Data and indicators
            </a>
            <a href="#/data-quality" aria-current={page === 'quality' ? 'page' : undefined}>
              Data quality
            </a>
            <a href="#/templates" aria-current={page === 'templates' ? 'page' : undefined}>
              Templates
            </a>
          </nav>
        </div>
      </header>
      <main id="main" className="app-width app-main">
        {/* Both pages stay mounted so loaded data and the load report survive switching. */}
        <div hidden={page !== 'data'}>
          <h1 className="heading-xl">Partnership data</h1>
          <p className="lead">
            Load the extracts your partner agencies send you — early help, training, Section 11 and Section 175 returns,
            case-file audits, practice reviews — to see indicators and trends. Files are read on this computer only.{' '}
            <a href="#/templates">Templates</a> show what each file needs.
          </p>
          <LoadDataPanel />
          {dataVersion > 0 && <EarlyHelpPage />}
        </div>
        {page === 'quality' && <DataQualityPage />}
        {page === 'templates' && <TemplatesPage />}
      </main>
      <footer className="app-footer">
        <div className="app-width">
          Partnership Insight works offline. Nothing you load is uploaded, stored on a server or shared.
        </div>
      </footer>
    </>
  );
}
