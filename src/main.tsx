import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { AppDataProvider } from './session/app-data';
import { BenchmarkSettingsProvider } from './session/benchmark-settings';
import { BoardPackProvider } from './session/board-pack';
import { ChartNotesProvider } from './session/chart-notes';
import { EventsProvider } from './session/events';
import { IndicatorSettingsProvider } from './session/indicator-settings';
import { KeptDataProvider } from './session/kept-data-provider';
import { TargetsProvider } from './session/targets';
import './app/styles.css';

const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY, retry: false, refetchOnWindowFocus: false } },
});

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <AppDataProvider>
        <KeptDataProvider>
          <IndicatorSettingsProvider>
            <TargetsProvider>
              <ChartNotesProvider>
                <EventsProvider>
                  <BoardPackProvider>
                    <BenchmarkSettingsProvider>
                      <App />
                    </BenchmarkSettingsProvider>
                  </BoardPackProvider>
                </EventsProvider>
              </ChartNotesProvider>
            </TargetsProvider>
          </IndicatorSettingsProvider>
        </KeptDataProvider>
      </AppDataProvider>
    </QueryClientProvider>
  </StrictMode>,
);
