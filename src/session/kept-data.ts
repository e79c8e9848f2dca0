import { z } from 'zod';
import {
  createVault,
  deleteVault,
  type KeptStream,
  restoreBackup,
  unlockVault,
  type Vault,
  VaultError,
  vaultExists,
} from '../vault/vault';
import type { VaultFiles } from '../vault/vault-files';
import type { RestorePart } from './kept-snapshot';

/**
 * Data kept on this computer, encrypted, when the user chooses to keep it: the loaded tables, the
 * session's reports, the load history and the app's settings, sealed by the vault under a passphrase.
 * Framework-free (the React provider is kept-data-provider.tsx); one tab at a time holds the kept data
 * (Web Locks), and only that tab writes it. Once unlocked, every change of the data is saved again as
 * a new generation, so the kept copy is always one complete state; once the vault holds a complete save,
 * a save re-encrypts only the tables that changed (the vault carries the others over).
 */
export type KeptStatus = 'none' | 'locked' | 'unlocked';
export type KeptBusy = 'keeping' | 'unlocking' | 'saving' | 'locking' | 'restoring' | 'deleting';

export interface KeptState {
  /** Whether this browser can keep data at all (private file storage and WebCrypto). */
  available: boolean;
  status: KeptStatus;
  busy: KeptBusy | null;
  /** Another tab of this browser holds the kept data. */
  elsewhere: boolean;
  /** The last thing that went wrong, in words (a wrong passphrase, a refused backup). */
  error: string | null;
  /** Said once after the idle lock, so the user knows why the data went. */
  notice: string | null;
  savedAt: string | null;
  usage: { used: number; quota: number } | null;
  persisted: boolean | null;
  idleMinutes: number;
  /** Bumps when kept settings were written back: the providers that read them start again. */
  settingsEpoch: number;
}

/** What the keeper needs of the data session. */
export interface KeptSessionPort {
  /** With `changedOnly`, a table unchanged since the last snapshot or restore has `bytes: null`. */
  snapshot(options?: {
    changedOnly: boolean;
  }): Promise<{ state: unknown; parts: { name: string; bytes: Uint8Array | null }[] }>;
  restore(snapshot: { state: unknown; parts: readonly RestorePart[] }): Promise<void>;
  clearData(options?: { quietly?: boolean }): Promise<void>;
  /** Undoes a removal or replacement on show (locking does not keep one not yet decided). */
  cancelPreview?(): Promise<void>;
  subscribe(listener: () => void): () => void;
  /** `effectPreview`: a removal or replacement shown but not yet confirmed (never kept half-decided). */
  getSnapshot(): { dataVersion: number; loading: boolean; effectPreview?: unknown; preparationsNoted?: number };
}

/** The app's settings (localStorage entries by key), kept with the data and written back on unlock. */
export interface KeptSettingsPort {
  read(): Record<string, string>;
  write(values: Record<string, string>): void;
  /** Removes every setting this browser keeps (deleting everything kept takes them too). */
  clear(): void;
}

export interface KeptHistoryPort {
  record(action: 'keep' | 'lock' | 'unlock' | 'restore' | 'export', summary: string): void;
  toJSON(): unknown;
  restore(json: unknown): void;
  /** Forgets the entries in the tab (they are kept, encrypted, with the data). */
  forget(): void;
  subscribe(listener: () => void): () => void;
}

type Locks = Pick<LockManager, 'request' | 'query'>;
type Channel = Pick<BroadcastChannel, 'postMessage' | 'close'> & {
  onmessage: ((event: MessageEvent) => void) | null;
};
type StorageManagerPort = Partial<Pick<StorageManager, 'estimate' | 'persist' | 'persisted'>>;

export interface KeptDataOptions {
  /** The vault's directory (OPFS in the browser); null when this browser has none. */
  files(): Promise<VaultFiles | null>;
  session: KeptSessionPort;
  settings: KeptSettingsPort;
  history: KeptHistoryPort;
  locks?: Locks | null;
  channel?: Channel | null;
  storage?: StorageManagerPort | null;
  now?: () => Date;
  /** Minutes without use before the data is locked (15 unless the user chose otherwise). */
  idleMinutes?: number;
  /** Performance marks for the benchmark ('pi-unlock-key', …); nothing by default. */
  mark?: (name: string) => void;
  /** Called to set and clear timers (tests drive them). */
  timers?: Pick<typeof globalThis, 'setInterval' | 'clearInterval' | 'setTimeout' | 'clearTimeout'>;
}

export const LOCK_NAME = 'partnership-insight-kept';
export const DEFAULT_IDLE_MINUTES = 15;
const KEPT_FORMAT = 1;
const HISTORY_SAVE_DELAY_MS = 5_000;

/** What the vault's manifest holds besides the tables. */
const keptStateSchema = z
  .object({
    format: z.literal(KEPT_FORMAT),
    savedAt: z.string().max(40),
    session: z.unknown(),
    history: z.unknown(),
    settings: z.record(z.string().max(200), z.string().max(5_000_000)),
  })
  .strict();

export const WRONG_PASSPHRASE =
  'That passphrase does not open the data kept on this computer. Nothing has changed: try again (capital letters count).';
const ELSEWHERE =
  'The kept data is open in another tab or window of this browser. Lock it or close it there, then try again here.';

const message = (error: unknown) =>
  error instanceof VaultError && error.reason === 'wrong-passphrase'
    ? WRONG_PASSPHRASE
    : error instanceof Error
      ? error.message
      : String(error);

export class KeptData {
  #state: KeptState;
  readonly #listeners = new Set<() => void>();
  readonly #options: KeptDataOptions;
  #files: VaultFiles | null = null;
  #vault: Vault | null = null;
  #release: (() => void) | null = null;
  #dirty = false;
  /**
   * Whether the vault's current generation holds every table as the session last gave it (after a save
   * that succeeded, or an unlock or restore that put the kept tables back): only then may a save carry
   * unchanged tables over. A failed save, a keep or a lock starts again from a complete save.
   */
  #vaultComplete = false;
  #saving: Promise<void> | null = null;
  #lastVersion = -1;
  #lastPrepared = 0;
  #lastActivity = 0;
  #idleTimer: ReturnType<typeof setInterval> | null = null;
  #delayed: ReturnType<typeof setTimeout> | null = null;
  #unsubscribe: (() => void)[] = [];

  constructor(options: KeptDataOptions) {
    this.#options = options;
    this.#state = {
      available: true,
      status: 'none',
      busy: null,
      elsewhere: false,
      error: null,
      notice: null,
      savedAt: null,
      usage: null,
      persisted: null,
      idleMinutes: options.idleMinutes ?? DEFAULT_IDLE_MINUTES,
      settingsEpoch: 0,
    };
  }

  readonly getSnapshot = (): KeptState => this.#state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  #set(patch: Partial<KeptState>): void {
    this.#state = { ...this.#state, ...patch };
    for (const listener of this.#listeners) listener();
  }

  #now(): Date {
    return this.#options.now?.() ?? new Date();
  }

  /** Finds out whether data is kept here, and whether another tab holds it. */
  async start(): Promise<void> {
    try {
      this.#files = await this.#options.files();
    } catch {
      this.#files = null;
    }
    if (!this.#files) {
      this.#set({ available: false });
      return;
    }
    const exists = await vaultExists(this.#files);
    this.#set({ status: exists ? 'locked' : 'none', elsewhere: await this.#heldElsewhere() });
    const channel = this.#options.channel;
    if (channel) {
      channel.onmessage = (event) => {
        if (event.data === 'opened' || event.data === 'closed' || event.data === 'deleted') void this.#refresh();
      };
    }
    this.#unsubscribe.push(
      this.#options.session.subscribe(() => this.#onDataChange()),
      // A new line in the history alone is kept a little later, with whatever follows it.
      this.#options.history.subscribe(() => this.#scheduleSave(HISTORY_SAVE_DELAY_MS)),
    );
    await this.#measure();
  }

  /** Stops timers and listeners (the page is going). */
  stop(): void {
    for (const off of this.#unsubscribe) off();
    this.#unsubscribe = [];
    this.#stopIdleTimer();
  }

  async #refresh(): Promise<void> {
    if (!this.#files || this.#state.status === 'unlocked') return;
    const exists = await vaultExists(this.#files);
    this.#set({ status: exists ? 'locked' : 'none', elsewhere: await this.#heldElsewhere() });
  }

  async #heldElsewhere(): Promise<boolean> {
    const locks = this.#options.locks;
    if (!locks || this.#release) return false;
    const held = await locks.query();
    return (held.held ?? []).some((lock) => lock.name === LOCK_NAME);
  }

  /** Takes the one-tab lock if it is free; held until released. */
  async #acquire(): Promise<boolean> {
    const locks = this.#options.locks;
    if (this.#release) return true;
    if (!locks) {
      this.#release = () => undefined;
      return true;
    }
    return new Promise<boolean>((resolve) => {
      void locks.request(LOCK_NAME, { ifAvailable: true }, (lock) => {
        if (!lock) {
          resolve(false);
          return undefined;
        }
        return new Promise<void>((release) => {
          this.#release = release;
          resolve(true);
        });
      });
    });
  }

  #releaseLock(): void {
    this.#release?.();
    this.#release = null;
    this.#options.channel?.postMessage('closed');
  }

  /** Keeps what is loaded now, under a new passphrase (the caller has checked it and asked twice). */
  async keep(passphrase: string): Promise<boolean> {
    const files = this.#files;
    if (!files || this.#state.status !== 'none') return false;
    this.#set({ busy: 'keeping', error: null });
    try {
      if (!(await this.#acquire())) {
        this.#set({ error: ELSEWHERE, elsewhere: true });
        return false;
      }
      this.#vaultComplete = false;
      this.#vault = await createVault(files, passphrase);
      this.#opened();
      this.#options.history.record('keep', 'Data kept on this computer, encrypted');
      await this.#persist();
      await this.saveNow();
      return true;
    } catch (error) {
      this.#vault = null;
      this.#releaseLock();
      this.#set({ error: `The data could not be kept: ${message(error)}` });
      return false;
    } finally {
      this.#set({ busy: null });
    }
  }

  /** Opens the kept data with its passphrase and puts everything back as it was saved. */
  async unlock(passphrase: string): Promise<boolean> {
    const files = this.#files;
    if (!files || this.#state.status !== 'locked') return false;
    return this.#open('unlocking', () => unlockVault(files, passphrase), 'unlock', 'Kept data unlocked');
  }

  /** Replaces what is kept here with a backup file (the way a manager moves to a new laptop). */
  async restoreBackup(backup: Blob, passphrase: string): Promise<boolean> {
    const files = this.#files;
    if (!files || this.#state.status === 'unlocked') return false;
    return this.#open('restoring', () => restoreBackup(files, backup, passphrase), 'restore', 'Backup restored');
  }

  async #open(
    busy: KeptBusy,
    openVault: () => Promise<Vault>,
    action: 'unlock' | 'restore',
    summary: string,
  ): Promise<boolean> {
    this.#set({ busy, error: null, notice: null });
    try {
      if (!(await this.#acquire())) {
        this.#set({ error: ELSEWHERE, elsewhere: true });
        return false;
      }
      const mark = this.#options.mark;
      const vault = await openVault();
      mark?.('pi-unlock-key');
      // Each table's rows go in as they are decrypted, rather than once all of them are.
      const kept = await vault.loadStream();
      mark?.('pi-unlock-read');
      if (kept) await this.#restore(kept);
      mark?.('pi-unlock-restored');
      // The session now holds what the vault holds: nothing to write again until something changes.
      this.#vaultComplete = kept !== null;
      this.#vault = vault;
      this.#opened();
      this.#options.history.record(action, summary);
      return true;
    } catch (error) {
      this.#releaseLock();
      this.#set({ error: message(error) });
      return false;
    } finally {
      this.#set({ busy: null });
      await this.#measure();
    }
  }

  async #restore(kept: KeptStream): Promise<void> {
    const parsed = keptStateSchema.safeParse(kept.state);
    if (!parsed.success) throw new Error('The kept data was written by a different version and cannot be read.');
    const { session, history, settings, savedAt } = parsed.data;
    // The settings first, so the pages ask for the restored data under the settings it was prepared
    // with (the prepared tables kept with it are then used as they are).
    const before = this.#options.settings.read();
    this.#options.settings.write(settings);
    this.#set({ settingsEpoch: this.#state.settingsEpoch + 1 });
    try {
      await this.#options.session.restore({ state: session, parts: kept.parts });
    } catch (error) {
      // As they were: the kept copy's keys go (writing only sets the keys it is given).
      this.#options.settings.clear();
      this.#options.settings.write(before);
      this.#set({ settingsEpoch: this.#state.settingsEpoch + 1 });
      throw error;
    }
    this.#lastVersion = this.#options.session.getSnapshot().dataVersion;
    this.#lastPrepared = this.#options.session.getSnapshot().preparationsNoted ?? 0;
    this.#options.history.restore(history);
    this.#set({ savedAt });
  }

  #opened(): void {
    this.#lastVersion = this.#options.session.getSnapshot().dataVersion;
    this.#set({ status: 'unlocked', elsewhere: false });
    this.#options.channel?.postMessage('opened');
    this.activity();
    this.#startIdleTimer();
  }

  /** Forgets the key and every loaded row; the kept copy stays, complete, for the next unlock. */
  async lock(reason?: string): Promise<void> {
    if (this.#state.status !== 'unlocked') return;
    this.#set({ busy: 'locking' });
    let historyKept = false;
    try {
      await this.#options.session.cancelPreview?.();
      this.#options.history.record('lock', reason ?? 'Kept data locked');
      await this.saveNow();
      historyKept = this.#vaultComplete;
    } finally {
      this.#stopIdleTimer();
      this.#vault?.lock();
      this.#vault = null;
      this.#vaultComplete = false;
      this.#set({ status: 'locked', notice: reason ?? null });
      await this.#options.session.clearData({ quietly: true });
      // The history names the files and their rows: it goes with them, and comes back on unlock. Unless
      // the last save failed: then the tab holds the only copy of its latest entries, and keeps them.
      if (historyKept) this.#options.history.forget();
      this.#releaseLock();
      this.#set({ busy: null });
    }
  }

  /** Removes every byte kept on this computer (the caller has asked the user). */
  async deleteAll(): Promise<void> {
    const files = this.#files;
    if (!files) return;
    this.#set({ busy: 'deleting', error: null });
    this.#stopIdleTimer();
    try {
      if (!(await this.#acquire())) {
        this.#set({ error: ELSEWHERE, elsewhere: true });
        return;
      }
      this.#vault?.lock();
      this.#vault = null;
      this.#vaultComplete = false;
      this.#set({ status: 'none', savedAt: null });
      // A save already writing would otherwise put files back after they are gone; with the status
      // none, no other save starts.
      while (this.#saving) await this.#saving;
      await deleteVault(files);
      this.#options.settings.clear();
      this.#set({ settingsEpoch: this.#state.settingsEpoch + 1 });
      await this.#options.session.clearData({ quietly: true });
      this.#options.history.forget();
      this.#releaseLock();
      this.#options.channel?.postMessage('deleted');
    } finally {
      this.#set({ busy: null });
      await this.#measure();
    }
  }

  /** One encrypted file holding everything kept (same passphrase), for a new laptop or a safe place. */
  async backup(): Promise<Blob> {
    if (!this.#vault) throw new Error('Unlock the kept data first.');
    await this.saveNow();
    const blob = await this.#vault.backup();
    this.#options.history.record('export', 'Encrypted backup of the kept data saved');
    return blob;
  }

  /** The user did something: the idle lock counts from now. */
  activity(): void {
    this.#lastActivity = this.#now().getTime();
  }

  setIdleMinutes(minutes: number): void {
    this.#set({ idleMinutes: Math.min(24 * 60, Math.max(1, Math.round(minutes))) });
  }

  #startIdleTimer(): void {
    const timers = this.#options.timers ?? globalThis;
    this.#stopIdleTimer();
    this.#idleTimer = timers.setInterval(() => {
      const idle = this.#now().getTime() - this.#lastActivity;
      if (this.#state.status === 'unlocked' && !this.#state.busy && idle >= this.#state.idleMinutes * 60_000) {
        const minutes = this.#state.idleMinutes;
        void this.lock(`Locked after ${minutes} minute${minutes === 1 ? '' : 's'} without use`);
      }
    }, 15_000);
  }

  #stopIdleTimer(): void {
    const timers = this.#options.timers ?? globalThis;
    if (this.#idleTimer !== null) timers.clearInterval(this.#idleTimer);
    if (this.#delayed !== null) timers.clearTimeout(this.#delayed);
    this.#idleTimer = null;
    this.#delayed = null;
  }

  #onDataChange(): void {
    const { dataVersion, preparationsNoted = 0 } = this.#options.session.getSnapshot();
    if (dataVersion === this.#lastVersion && preparationsNoted === this.#lastPrepared) return;
    this.#lastVersion = dataVersion;
    // A complete preparation of the data is kept too (only its tables are written: the rest is unchanged).
    this.#lastPrepared = preparationsNoted;
    this.#scheduleSave();
  }

  #scheduleSave(delayMs = 0): void {
    if (this.#state.status !== 'unlocked' || this.#state.busy === 'locking') return;
    if (delayMs > 0) {
      if (this.#delayed === null) {
        this.#delayed = (this.#options.timers ?? globalThis).setTimeout(() => {
          this.#delayed = null;
          this.#scheduleSave();
        }, delayMs);
      }
      return;
    }
    this.#dirty = true;
    if (!this.#saving) this.#saving = this.#saveWhileDirty();
  }

  /** Saves now (and again if something changed meanwhile); resolves when the kept copy is current. */
  async saveNow(): Promise<void> {
    this.#dirty = true;
    if (!this.#saving) this.#saving = this.#saveWhileDirty();
    await this.#saving;
  }

  async #saveWhileDirty(): Promise<void> {
    try {
      while (this.#dirty && this.#vault) {
        this.#dirty = false;
        await this.#whenNotLoading();
        const vault = this.#vault;
        if (!vault) break;
        this.#set({ busy: this.#state.busy ?? 'saving' });
        const savedAt = this.#now().toISOString();
        const changedOnly = this.#vaultComplete;
        // Until the save below succeeds the vault may not hold what this snapshot leaves out.
        this.#vaultComplete = false;
        const { state, parts } = await this.#options.session.snapshot({ changedOnly });
        const kept = {
          format: KEPT_FORMAT,
          savedAt,
          session: state,
          history: this.#options.history.toJSON(),
          settings: this.#options.settings.read(),
        };
        await vault.save({ state: kept, parts });
        this.#vaultComplete = vault === this.#vault;
        this.#set({ savedAt, error: null });
      }
    } catch (error) {
      this.#set({ error: `The latest changes could not be kept: ${message(error)}. The earlier kept copy is safe.` });
    } finally {
      this.#saving = null;
      if (this.#state.busy === 'saving') this.#set({ busy: null });
      await this.#measure();
    }
  }

  /**
   * A snapshot waits for a load in progress to end, so it never holds half a file, and for a removal or
   * replacement on show to be confirmed or cancelled, so it never keeps one not yet decided.
   */
  #whenNotLoading(): Promise<void> {
    const session = this.#options.session;
    const settled = () => {
      const s = session.getSnapshot();
      return !s.loading && !s.effectPreview;
    };
    if (settled()) return Promise.resolve();
    return new Promise((resolve) => {
      const off = session.subscribe(() => {
        if (settled()) {
          off();
          resolve();
        }
      });
    });
  }

  async #persist(): Promise<void> {
    const storage = this.#options.storage;
    try {
      const persisted = (await storage?.persisted?.()) || (await storage?.persist?.());
      this.#set({ persisted: persisted ?? null });
    } catch {
      this.#set({ persisted: false });
    }
  }

  /** How much of the browser's allowance the origin uses (the kept data is most of it). */
  async #measure(): Promise<void> {
    const storage = this.#options.storage;
    try {
      const estimate = await storage?.estimate?.();
      const persisted = (await storage?.persisted?.()) ?? this.#state.persisted;
      if (estimate?.quota) this.#set({ usage: { used: estimate.usage ?? 0, quota: estimate.quota }, persisted });
    } catch {
      // Estimates can be refused by policy: the space is then not shown.
    }
  }

  dismissNotice(): void {
    this.#set({ notice: null, error: null });
  }
}
