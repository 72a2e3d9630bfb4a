import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { attachment, csvLines, csvStream } from '../../src/lib/server/io/csv-safe';

const decode = (chunks: Uint8Array[]) =>
  new TextDecoder('utf-8', { ignoreBOM: true }).decode(Buffer.concat(chunks));

describe('csvLines', () => {
  it('neutralises every cell a spreadsheet would run as a formula', () => {
    const cells = ['=SUM(A1)', '+1', '-1+1', '@cmd', '\tx', '\rx', 'ok', ' =not-first', '１'];
    expect(csvLines([cells])).toBe(`'=SUM(A1),'+1,'-1+1,'@cmd,'\tx,"'\rx",ok, =not-first,１\r\n`);
  });

  it('leaves numbers alone, negative ones included, and writes null as an empty cell', () => {
    expect(csvLines([[-105.25, 0, null, undefined, '']])).toBe('-105.25,0,,,\r\n');
  });

  it('quotes separators, quotes and line breaks, and round-trips through a parser', () => {
    const row = ['a,b', 'say "hi"', 'two\nlines', 'Lạng Sơn', '=1+2'];
    const text = csvLines([row]);
    expect(text).toBe('"a,b","say ""hi""","two\nlines",Lạng Sơn,\'=1+2\r\n');
    expect(parse(text)).toEqual([[...row.slice(0, 4), "'=1+2"]]);
  });

  it('writes nothing for no rows', () => {
    expect(csvLines([])).toBe('');
  });
});

describe('csvStream', () => {
  it('sends the byte order mark and header first, then one batch per pull', async () => {
    let pulled = 0;
    async function* batches() {
      for (let i = 1; i <= 3; i++) {
        pulled = i;
        yield [[i, `row ${i}`]];
      }
    }
    const reader = csvStream(['n', 'text'], batches()).getReader();
    const first = await reader.read();
    expect(decode([first.value!])).toBe('\uFEFFn,text\r\n');
    // The stream has asked for at most one batch ahead of what was read.
    expect(pulled).toBeLessThanOrEqual(1);
    const second = await reader.read();
    expect(decode([second.value!])).toBe('1,row 1\r\n');
    expect(pulled).toBeLessThanOrEqual(2);
    const rest: Uint8Array[] = [];
    for (let r = await reader.read(); !r.done; r = await reader.read()) rest.push(r.value);
    expect(decode(rest)).toBe('2,row 2\r\n3,row 3\r\n');
  });

  it('stops reading when the client goes away', async () => {
    let finished = false;
    let pulled = 0;
    async function* batches() {
      try {
        for (;;) yield [[++pulled]];
      } finally {
        finished = true;
      }
    }
    const reader = csvStream(['n'], batches()).getReader();
    await reader.read();
    await reader.read();
    await reader.cancel();
    expect(finished).toBe(true);
    expect(pulled).toBeLessThanOrEqual(2);
  });

  it('ends the stream with the error of a failed batch and reports it', async () => {
    const errors: unknown[] = [];
    async function* batches() {
      yield [[1]];
      throw new Error('connection lost');
    }
    const reader = csvStream(['n'], batches(), (e) => errors.push(e)).getReader();
    await reader.read();
    await reader.read();
    await expect(reader.read()).rejects.toThrow('connection lost');
    expect(errors).toHaveLength(1);
  });
});

describe('attachment', () => {
  it('names the file and keeps quotes and line breaks out of the header', () => {
    expect(attachment('audit-log_start_now_2024-03-07.csv')).toBe(
      'attachment; filename="audit-log_start_now_2024-03-07.csv"',
    );
    expect(attachment('a"b\r\n.csv')).toBe('attachment; filename="a_b__.csv"');
  });
});
