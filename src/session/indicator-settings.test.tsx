// @vitest-environment jsdom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../indicators/settings';
import { IndicatorSettingsProvider, preparedKey, useIndicatorSettings } from './indicator-settings';

// The prepared tables are rebuilt at every change of the settings, so a prepared state cached before a
// change must never be found again after it — not even for the same settings (A, then B, then A), whose
// cached state would otherwise stand over tables built for B.

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

afterEach(() => localStorage.clear());

type Seen = { current: ReturnType<typeof useIndicatorSettings> | null };

function Probe({ seen }: { seen: Seen }) {
  seen.current = useIndicatorSettings();
  return null;
}

function renderSettings() {
  const seen: Seen = { current: null };
  const root = createRoot(document.createElement('div'));
  act(() =>
    root.render(
      <IndicatorSettingsProvider>
        <Probe seen={seen} />
      </IndicatorSettingsProvider>,
    ),
  );
  return { seen, unmount: () => act(() => root.unmount()) };
}

describe('indicator settings and the prepared state’s key', () => {
  it('gives settings changed and changed back another key than before the changes', () => {
    const { seen, unmount } = renderSettings();
    const at = () => seen.current as ReturnType<typeof useIndicatorSettings>;
    const before = preparedKey('prepared-indicators', 7, at());
    act(() => at().saveSettings({ ...DEFAULT_SETTINGS, reportDate: '2025-03-31' }));
    expect(at().settings.reportDate).toBe('2025-03-31');
    const changed = preparedKey('prepared-indicators', 7, at());
    act(() => at().saveSettings(DEFAULT_SETTINGS));
    expect(at().settings).toEqual(DEFAULT_SETTINGS);
    const back = preparedKey('prepared-indicators', 7, at());
    expect(at().revision).toBe(2);
    const hashes = [before, changed, back].map((key) => JSON.stringify(key));
    expect(new Set(hashes).size).toBe(3);
    // The same settings and no change in between: the same key (the state is found, not built again).
    expect(JSON.stringify(preparedKey('prepared-indicators', 7, at()))).toBe(hashes[2]);
    unmount();
  });
});
