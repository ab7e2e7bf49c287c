// Password hashing with argon2id (@node-rs/argon2: prebuilt binaries shipped in npm packages).
import { hash, verify } from "@node-rs/argon2";

export const MIN_PASSWORD_LENGTH = 12;

export function hashPassword(plain: string): Promise<string> {
  return hash(plain);
}

export async function verifyPassword(passwordHash: string, plain: string): Promise<boolean> {
  try {
    return await verify(passwordHash, plain);
  } catch {
    return false; // malformed hash: treat as a wrong password, never a crash
  }
}
