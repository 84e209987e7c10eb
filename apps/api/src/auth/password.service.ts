import { Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';

/**
 * Password hashing (argon2id, OWASP parameters), behind an injectable so every caller shares one
 * policy. @node-rs/argon2 ships per-platform binaries; the `argon2` package's prebuilt binary
 * crashed Node 20 on this machine.
 */
@Injectable()
export class PasswordService {
  hash(password: string): Promise<string> {
    return hash(password, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
  }

  async verify(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  }
}
