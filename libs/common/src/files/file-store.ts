import { AppConfig } from '@app/config';
import { Injectable } from '@nestjs/common';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { randomBytes } from 'node:crypto';

/** "ab/ab12…" (content-addressed upload) or "<folder>/<name>" (a named file such as an export). */
const KEY = /^(?:[0-9a-f]{2}\/[0-9a-f]{64}|[a-z]+\/[A-Za-z0-9][A-Za-z0-9._-]*)$/;

/**
 * Files on local disk under DATA_DIR/files: uploads are content-addressed (the key is the SHA-256),
 * generated files live under a named key. Writing is atomic (temp file + rename), so a crash
 * never leaves half a file under a key. Behind an injectable so a deployment can swap in object storage.
 */
@Injectable()
export class FileStore {
  private readonly root: string;

  constructor(config: AppConfig) {
    this.root = path.resolve(config.DATA_DIR, 'files');
  }

  async put(sha256: string, content: Buffer): Promise<string> {
    const key = `${sha256.slice(0, 2)}/${sha256}`;
    const target = path.join(this.root, key);
    if (await this.exists(target)) return key;
    await mkdir(path.dirname(target), { recursive: true });
    const temp = this.tempFor(target);
    await writeFile(temp, content);
    await rename(temp, target);
    return key;
  }

  /**
   * Writes a stream under `key` (e.g. "exports/<id>.xlsx"), replacing what was there, and returns
   * its size. Readers see either the previous file or the whole new one, never a part: a failed or
   * interrupted write leaves no file behind, and writing the same key again (a retried job) replaces
   * the file rather than adding a second one.
   */
  async putStream(key: string, source: Readable): Promise<number> {
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    const temp = this.tempFor(target);
    try {
      await pipeline(source, createWriteStream(temp, { flush: true }));
      await rename(temp, target);
    } catch (e) {
      await rm(temp, { force: true });
      throw e;
    }
    return (await stat(target)).size;
  }

  open(key: string): Readable {
    return createReadStream(this.pathOf(key));
  }

  private pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error(`bad file key ${key}`);
    return path.join(this.root, key);
  }

  private tempFor(target: string): string {
    return `${target}.${randomBytes(6).toString('hex')}.tmp`;
  }

  private async exists(p: string): Promise<boolean> {
    try {
      await stat(p);
      return true;
    } catch {
      return false;
    }
  }
}
