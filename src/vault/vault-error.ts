/** Why kept data or a backup could not be opened: the UI words each reason; the message says it in full. */
export type VaultErrorReason =
  | 'wrong-passphrase'
  | 'damaged'
  | 'not-a-backup'
  | 'newer-format'
  | 'older-format'
  | 'no-vault';

export class VaultError extends Error {
  readonly reason: VaultErrorReason;

  constructor(reason: VaultErrorReason, message: string) {
    super(message);
    this.name = 'VaultError';
    this.reason = reason;
  }
}
