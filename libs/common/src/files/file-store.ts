import { AppConfig } from '@app/config';
import { Injectable } from '@nestjs/common';
import { createReadStream } from 'node:fs';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { randomBytes } from 'node:crypto';

/**
 * Content-addressed file store on local disk under DATA_DIR/files (the key is the SHA-256).
 * Writing is atomic (temp file + rename), so a crash never leaves half a file under a key.
 * Behind an injectable so a deployment can swap in object storage.
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
    const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(temp, content);
    await rename(temp, target);
    return key;
  }

  open(key: string): Readable {
    if (!/^[0-9a-f]{2}\/[0-9a-f]{64}$/.test(key)) throw new Error(`bad file key ${key}`);
    return createReadStream(path.join(this.root, key));
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
