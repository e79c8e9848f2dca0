import { useSyncExternalStore } from 'react';
import { setAsideNotices } from '../session/stored';

/**
 * Says, on every page, what this browser kept but could not read back (written by another version,
 * edited by hand, damaged): it has been set aside — a copy is kept, nothing is thrown away — and the
 * app started from the default instead. Shown until the user dismisses it.
 */
export function SetAsideNotice() {
  const notices = useSyncExternalStore(setAsideNotices.subscribe, setAsideNotices.get);
  if (notices.length === 0) return null;
  return (
    <section className="notice notice--warning" aria-labelledby="set-aside-heading" data-testid="set-aside-notice">
      <h2 id="set-aside-heading" className="heading-s">
        Something this browser kept could not be read, so it has been set aside
      </h2>
      <ul className="list">
        {notices.map((notice) => (
          <li key={notice.key} data-testid="set-aside-item" data-key={notice.key}>
            <strong>{capitalised(notice.what)}</strong>: {sentence(notice.reason)} The app has started from the default
            instead.{' '}
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => setAsideNotices.dismiss(notice.key)}
            >
              Dismiss<span className="visually-hidden"> the note about {notice.what}</span>
            </button>
          </li>
        ))}
      </ul>
      <p>
        A copy is kept in this browser, set aside, and removed with the rest under “What this browser keeps” on the{' '}
        <a href="#/">Data</a> page. If you have the board pack or a mapping profile as a file, open it again.
      </p>
    </section>
  );
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A reason as one sentence: some already end with a full stop (a mapping profile's), some do not. */
const sentence = (text: string) => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);
