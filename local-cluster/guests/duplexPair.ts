import { Duplex } from 'node:stream';

/**
 * One end of an in-memory connection: what is written here is read at the peer, like the two
 * ends of a socketpair. Ending one side ends the peer's readable side; destroying one side
 * ends the peer too, the way a closed socket reaches the other end as EOF.
 */
class PairEnd extends Duplex {
  peer: PairEnd | undefined;

  constructor() {
    // Like net.Socket: once the peer has ended, this end finishes and closes too.
    super({ allowHalfOpen: false });
  }

  override _read(): void {
    // Data is pushed by the peer's writes; nothing to pull.
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    if (this.peer && !this.peer.destroyed) this.peer.push(chunk);
    callback();
  }

  override _final(callback: () => void): void {
    this.endPeer();
    callback();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.endPeer();
    callback(error);
  }

  private endPeer(): void {
    const peer = this.peer;
    if (peer && !peer.destroyed && !peer.readableEnded) peer.push(null);
  }
}

/** Two connected in-memory duplex streams (node 20 has no `stream.duplexPair`). */
export function duplexPair(): [Duplex, Duplex] {
  const a = new PairEnd();
  const b = new PairEnd();
  a.peer = b;
  b.peer = a;
  return [a, b];
}
