// A stdin that Ink takes for a terminal: written data is read back through 'readable', and raw-mode
// switches are recorded. Shared by the UI tests and the UI bench.
import { EventEmitter } from 'node:events';

export class FakeStdin extends EventEmitter {
  isTTY = true;
  rawMode: boolean[] = [];
  private data: string | null = null;
  write(data: string) {
    this.data = data;
    this.emit('readable');
  }
  read = () => {
    const d = this.data;
    this.data = null;
    return d;
  };
  setEncoding() {}
  setRawMode(on: boolean) {
    this.rawMode.push(on);
  }
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}
