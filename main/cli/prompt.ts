import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

// Questions on the terminal, one line each; a password's characters are not shown. Lines are
// taken in turn from one reader, so answers piped in (a script, a test) are not lost between
// questions.

export interface Prompt {
  ask(question: string, options?: { hidden?: boolean }): Promise<string>;
  close(): void;
}

export function terminalPrompt(
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WriteStream = process.stdout,
): Prompt {
  let hidden = false;
  // What readline echoes of the typing goes here: to the terminal, except while a password is typed.
  const echo = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!hidden) output.write(chunk);
      done();
    },
  });
  const terminal = Boolean((input as { isTTY?: boolean }).isTTY);
  const reader = createInterface({ input, output: echo, terminal });
  const lines = reader[Symbol.asyncIterator]();
  return {
    async ask(question, options = {}) {
      output.write(question);
      hidden = options.hidden === true;
      try {
        const next = await lines.next();
        if (next.done) throw new Error('输入已结束，没有得到回答');
        return next.value;
      } finally {
        // Enter was not echoed: a password's is muted, and piped answers are not typed at all.
        if (hidden || !terminal) output.write('\n');
        hidden = false;
      }
    },
    close: () => reader.close(),
  };
}
