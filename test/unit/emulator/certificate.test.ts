// The emulator's TLS certificate: made once, reused, and valid for the names clients use.
import * as assert from 'assert';
import { X509Certificate } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { ensureCertificate, repoRoot } from '../../emulator/certificate';

describe('emulator: TLS certificate', () => {
  it('lives in <repo>/.cache/emulator-tls and is reused, not made again', async () => {
    const caFile = await ensureCertificate();
    assert.strictEqual(caFile, path.join(repoRoot(), '.cache', 'emulator-tls', 'ca.pem'));
    const before = fs.readFileSync(path.join(path.dirname(caFile), 'server.pem'), 'utf8');
    assert.strictEqual(await ensureCertificate(), caFile);
    assert.strictEqual(fs.readFileSync(path.join(path.dirname(caFile), 'server.pem'), 'utf8'), before);
  });

  it('serves 127.0.0.1 and localhost, signed by the CA clients trust', async () => {
    const caFile = await ensureCertificate();
    const ca = new X509Certificate(fs.readFileSync(caFile));
    const server = new X509Certificate(fs.readFileSync(path.join(path.dirname(caFile), 'server.pem')));
    assert.ok(server.checkIP('127.0.0.1'), 'IP 127.0.0.1');
    assert.ok(server.checkHost('localhost'), 'DNS localhost');
    assert.ok(server.checkIssued(ca) && server.verify(ca.publicKey), 'issued by the CA');
    assert.ok(ca.ca, 'the trusted file is a CA certificate');
  });
});
