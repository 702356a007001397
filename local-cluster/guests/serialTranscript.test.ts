import { describe, expect, it } from 'vitest';
import { SerialTranscript } from './serialTranscript';

const clock = () => {
  let t = 1000;
  return { now: () => t, tick: (ms: number) => (t += ms) };
};

describe('SerialTranscript', () => {
  it('splits output into timestamped lines and keeps the partial line apart', () => {
    const c = clock();
    const t = new SerialTranscript({ now: c.now });
    t.write('Booting\r\n[ 0.1] Linux');
    c.tick(50);
    t.write(' version 6\r\nlogin: ');
    expect(t.snapshot()).toEqual([
      { time: 1000, text: 'Booting' },
      { time: 1000, text: '[ 0.1] Linux version 6' },
    ]);
    expect(t.snapshot(true).at(-1)).toEqual({ time: 1050, text: 'login: ' });
  });

  it('drops the oldest lines beyond its byte and line bounds', () => {
    const byLines = new SerialTranscript({ maxLines: 3 });
    for (let i = 0; i < 10; i++) byLines.write(`line ${i}\n`);
    expect(byLines.snapshot().map((l) => l.text)).toEqual(['line 7', 'line 8', 'line 9']);
    const byBytes = new SerialTranscript({ maxBytes: 21 });
    for (let i = 0; i < 10; i++) byBytes.write(`line ${i}\n`);
    expect(byBytes.snapshot().map((l) => l.text)).toEqual(['line 7', 'line 8', 'line 9']);
  });

  it('tells subscribers about new lines and the end, and keeps the lines after it', async () => {
    const t = new SerialTranscript();
    const seen: string[] = [];
    let ended = 0;
    t.subscribe(
      (l) => seen.push(l.text),
      () => ended++,
    );
    t.write('a\nb\npartial');
    t.end();
    t.write('ignored\n');
    expect(seen).toEqual(['a', 'b', 'partial']);
    expect(ended).toBe(1);
    expect(t.snapshot().map((l) => l.text)).toEqual(['a', 'b', 'partial']);
    let late = 0;
    t.subscribe(
      () => undefined,
      () => late++,
    );
    await Promise.resolve();
    expect(late).toBe(1);
  });
});
