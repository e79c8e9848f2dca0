import { EarlyHelpPage } from '../features/early-help/early-help-page';
import { LoadDataPanel } from '../features/load-data/load-data-panel';
import { useAppData } from '../session/app-data';

export function App() {
  const { dataVersion } = useAppData();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="app-header">
        <div className="app-width">
          <span className="app-header__name">Partnership Insight</span>
          <span className="app-header__tag">Runs in your browser · your data never leaves this computer</span>
        </div>
      </header>
      <main id="main" className="app-width app-main">
        <h1 className="heading-xl">Partnership data</h1>
        <p className="lead">
          Load the extracts your partner agencies send you — early help, training, Section 11 and Section 175 returns,
          case-file audits, practice reviews — to see indicators and trends. Files are read on this computer only.
        </p>
        <LoadDataPanel />
        {dataVersion > 0 && <EarlyHelpPage />}
      </main>
      <footer className="app-footer">
        <div className="app-width">
          Partnership Insight works offline. Nothing you load is uploaded, stored on a server or shared.
        </div>
      </footer>
    </>
  );
}
