import type { AppConfig } from '@app/config';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { FileStore } from './file-store.js';

describe('FileStore.putStream', () => {
  let dir: string;
  let store: FileStore;
  const read = async (key: string) => Buffer.concat(await store.open(key).toArray()).toString();

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'file-store-'));
    store = new FileStore({ DATA_DIR: dir } as AppConfig);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('stores a stream under a named key and returns its size', async () => {
    const size = await store.putStream('exports/a.csv', Readable.from(['Đơn vị,', 'Số']));
    expect(size).toBe(Buffer.byteLength('Đơn vị,Số'));
    expect(await read('exports/a.csv')).toBe('Đơn vị,Số');
  });

  it('replaces the file on a second write (a retried job): one file, the new content', async () => {
    await store.putStream('exports/a.csv', Readable.from(['first']));
    await store.putStream('exports/a.csv', Readable.from(['second']));
    expect(await readdir(path.join(dir, 'files', 'exports'))).toEqual(['a.csv']);
    expect(await read('exports/a.csv')).toBe('second');
  });

  it('leaves neither a partial file nor a temporary one when the stream fails, and keeps the previous file', async () => {
    await store.putStream('exports/a.csv', Readable.from(['whole']));
    async function* failing() {
      yield 'half a file';
      throw new Error('database went away');
    }
    await expect(store.putStream('exports/a.csv', Readable.from(failing()))).rejects.toThrow('database went away');
    await expect(store.putStream('exports/b.csv', Readable.from(failing()))).rejects.toThrow('database went away');
    expect(await readdir(path.join(dir, 'files', 'exports'))).toEqual(['a.csv']);
    expect(await read('exports/a.csv')).toBe('whole');
  });

  it('refuses keys that could leave the store', async () => {
    await expect(store.putStream('../etc/passwd', Readable.from(['x']))).rejects.toThrow('bad file key');
    await expect(store.putStream('exports/../../x', Readable.from(['x']))).rejects.toThrow('bad file key');
    expect(() => store.open('exports/.hidden')).toThrow('bad file key');
  });
});
