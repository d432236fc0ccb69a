// The emulator's TLS certificate: a local CA and a server certificate it signs (SAN 127.0.0.1,
// ::1, localhost), made once with the `selfsigned` package and kept in <repo>/.cache/emulator-tls/.
// Clients trust ca.pem; Node reads NODE_EXTRA_CA_CERTS only at start, so runners create it first.
import { X509Certificate } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { generate } from 'selfsigned';

const DAY_MS = 24 * 60 * 60 * 1000;
const RENEW_WHEN_VALID_FOR_LESS_THAN_MS = 30 * DAY_MS;

export interface ServerCertificate {
  key: string;
  cert: string;
  caFile: string;
}

/** The repository root: the nearest folder above this file that holds package.json. */
export function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${__dirname}`);
    dir = parent;
  }
  return dir;
}

function certificateDir(): string {
  return path.join(repoRoot(), '.cache', 'emulator-tls');
}

const files = (dir: string) => ({
  ca: path.join(dir, 'ca.pem'),
  cert: path.join(dir, 'server.pem'),
  key: path.join(dir, 'server-key.pem'),
});

function isUsable(dir: string): boolean {
  const f = files(dir);
  if (![f.ca, f.cert, f.key].every((file) => fs.existsSync(file))) return false;
  try {
    const validTo = Date.parse(new X509Certificate(fs.readFileSync(f.cert)).validTo);
    return validTo - Date.now() > RENEW_WHEN_VALID_FOR_LESS_THAN_MS;
  } catch {
    return false;
  }
}

async function createCertificates(): Promise<{ ca: string; cert: string; key: string }> {
  const now = Date.now();
  const ca = await generate([{ name: 'commonName', value: 'Azure VPN Gateway Connections emulator local CA' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: new Date(now - DAY_MS),
    notAfterDate: new Date(now + 10 * 365 * DAY_MS),
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  const server = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: new Date(now - DAY_MS),
    notAfterDate: new Date(now + 800 * DAY_MS),
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  return { ca: ca.cert, cert: server.cert, key: server.private };
}

/**
 * Creates the certificate once (reused afterwards; renewed a month before it expires) and returns
 * the CA file to trust. Safe when several processes call it at once: each writes a private folder
 * and renames it into place; the first rename wins.
 */
export async function ensureCertificate(): Promise<string> {
  const dir = certificateDir();
  if (isUsable(dir)) return files(dir).ca;
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const staging = fs.mkdtempSync(`${dir}-new-`);
  const pems = await createCertificates();
  const f = files(staging);
  fs.writeFileSync(f.ca, pems.ca);
  fs.writeFileSync(f.cert, pems.cert);
  fs.writeFileSync(f.key, pems.key, { mode: 0o600 });
  if (fs.existsSync(dir) && !isUsable(dir)) fs.rmSync(dir, { recursive: true, force: true });
  try {
    fs.renameSync(staging, dir);
  } catch {
    fs.rmSync(staging, { recursive: true, force: true }); // another process won the race
  }
  if (!isUsable(dir)) throw new Error(`Could not create the emulator certificate in ${dir}`);
  return files(dir).ca;
}

export async function loadServerCertificate(): Promise<ServerCertificate> {
  const caFile = await ensureCertificate();
  const f = files(path.dirname(caFile));
  return { key: fs.readFileSync(f.key, 'utf8'), cert: fs.readFileSync(f.cert, 'utf8'), caFile };
}
