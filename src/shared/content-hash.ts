/**
 * A fast 64-bit fingerprint of a byte stream, the same however the bytes are split into chunks: two
 * independent 32-bit multiply-xor hashes over 4-byte words, plus the length. Not cryptographic — it
 * only has to tell whether a file was dropped twice, which it does at memory speed.
 */
export class ContentHash {
  private a = 0x811c9dc5;
  private b = 0x9e3779b9;
  private length = 0;
  private pending: number[] = [];

  update(chunk: Uint8Array): void {
    let i = 0;
    this.length += chunk.length;
    while (this.pending.length > 0 && this.pending.length < 4 && i < chunk.length) {
      this.pending.push(chunk[i] ?? 0);
      i += 1;
    }
    if (this.pending.length === 4) {
      const [p0 = 0, p1 = 0, p2 = 0, p3 = 0] = this.pending;
      this.word((p0 | (p1 << 8) | (p2 << 16) | (p3 << 24)) >>> 0);
      this.pending = [];
    }
    const words = Math.floor((chunk.length - i) / 4);
    const start = chunk.byteOffset + i;
    if (start % 4 === 0) {
      // Aligned (the usual case): read whole words directly. Little-endian, as on every browser's CPU.
      const view = new Uint32Array(chunk.buffer, start, words);
      let a = this.a;
      let b = this.b;
      for (let w = 0; w < words; w += 1) {
        const value = view[w] ?? 0;
        a = Math.imul(a ^ value, 0x01000193);
        b = Math.imul(b ^ value, 0x85ebca6b) ^ (b >>> 13);
      }
      this.a = a;
      this.b = b;
    } else {
      const view = new DataView(chunk.buffer, start, words * 4);
      for (let w = 0; w < words; w += 1) this.word(view.getUint32(w * 4, true));
    }
    for (let j = i + words * 4; j < chunk.length; j += 1) this.pending.push(chunk[j] ?? 0);
  }

  private word(value: number): void {
    this.a = Math.imul(this.a ^ value, 0x01000193);
    this.b = Math.imul(this.b ^ value, 0x85ebca6b) ^ (this.b >>> 13);
  }

  digest(): string {
    for (const byte of this.pending) this.word(byte | 0x100);
    const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
    return `${hex(this.a)}${hex(this.b)}-${this.length}`;
  }
}
