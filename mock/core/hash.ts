// SHA-256 in hex, synchronously, in any JavaScript runtime: the mock's state is keyed by digests
// of the credentials (never the values), and its page tokens and entry IDs are derived ones. Its
// core runs in a browser too (the MSW handlers), where node:crypto is not, and Web Crypto's is
// asynchronous; @noble/hashes is audited and has no dependencies.
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";

export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
