/** What a guest's console output says about its state. */
export type BootSignal = 'booting' | 'booted';

/** Seen when the guest starts over: our /init's first line, or the kernel's last words. */
const BOOTING = /Virtual machine .* \(QEMU guest\)|reboot: Restarting system/;
/** getty's prompt: "<hostname> login: ". */
const LOGIN_PROMPT = /\S+ login: $/;
const TAIL = 512;

/**
 * Follows a guest's serial output (in whatever chunks it arrives) and reports when it starts
 * booting and when its login prompt is up: the moment a real console becomes usable.
 */
export class BootStateDetector {
  private tail = '';
  private state: BootSignal | undefined;

  /** Feeds output; returns the signals it completed, in order. */
  feed(text: string): BootSignal[] {
    const signals: BootSignal[] = [];
    // Lines are judged whole, except the prompt, which has no line end yet.
    this.tail += text.replace(/\r/g, '');
    const lines = this.tail.split('\n');
    this.tail = lines.pop() ?? '';
    for (const line of lines) {
      if (BOOTING.test(line)) this.emit('booting', signals);
      else if (LOGIN_PROMPT.test(line)) this.emit('booted', signals);
    }
    if (LOGIN_PROMPT.test(this.tail)) this.emit('booted', signals);
    if (this.tail.length > TAIL) this.tail = this.tail.slice(-TAIL);
    return signals;
  }

  private emit(signal: BootSignal, into: BootSignal[]): void {
    if (this.state === signal) return;
    this.state = signal;
    into.push(signal);
  }
}
