#!/usr/bin/env node
// 省级报送数据包校验工具 — the checker the province runs on a package from the mediation desk.
// Plain Node (18 or later), no dependencies: copy this one file anywhere and run
//
//   node province-check.mjs <数据包.zip> [--fingerprint XXXX-XXXX-XXXX-XXXX]
//                                         [--password 密码 | --private-key <接收方私钥>] [--extract 目录]
//
// It checks that the manifest is signed by the sending installation (compare the fingerprint with
// the one the county gave you, by phone or on paper: --fingerprint does it for you), that every
// file has the size and SHA-256 the manifest names and that no file was added or removed. With the
// password (or the recipient's X25519 private key, base64url of its 32-byte seed) it also decrypts
// every data file and checks its record count; --extract writes the decrypted files to a folder. Exit code 0: intact; 1: damaged or tampered; 2: usage.
import {
  createDecipheriv,
  createHash,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  hkdfSync,
  scryptSync,
  verify,
} from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gunzipSync, inflateRawSync } from 'node:zlib';

const SIGNATURE_PURPOSE = 'province/manifest/v1';

function fail(message) {
  console.log(`✗ ${message}`);
  process.exitCode = 1;
}

function readZip(bytes) {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('不是有效的zip文件（找不到目录）');
  const count = bytes.readUInt16LE(eocd + 10);
  let p = bytes.readUInt32LE(eocd + 16);
  const entries = new Map();
  for (let n = 0; n < count; n++) {
    if (bytes.readUInt32LE(p) !== 0x02014b50) throw new Error('zip目录损坏');
    const method = bytes.readUInt16LE(p + 10);
    const compressed = bytes.readUInt32LE(p + 20);
    const nameLength = bytes.readUInt16LE(p + 28);
    const extraLength = bytes.readUInt16LE(p + 30);
    const commentLength = bytes.readUInt16LE(p + 32);
    const local = bytes.readUInt32LE(p + 42);
    const name = bytes.subarray(p + 46, p + 46 + nameLength).toString('utf8');
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const raw = bytes.subarray(start, start + compressed);
    if (method !== 0 && method !== 8) throw new Error(`不支持的压缩方式：${name}`);
    entries.set(name, () => (method === 8 ? inflateRawSync(raw) : Buffer.from(raw)));
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function fingerprintOf(signingKey) {
  const hex = createHash('sha256')
    .update('pingluo-mediation-desk/installation/v1:')
    .update(Buffer.from(signingKey, 'base64url'))
    .digest('hex')
    .slice(0, 16)
    .toUpperCase();
  return hex.match(/.{4}/g).join('-');
}

function rawKey(prefixHex, raw, type) {
  const key = Buffer.concat([Buffer.from(prefixHex, 'hex'), Buffer.from(raw, 'base64url')]);
  return type === 'spki'
    ? createPublicKey({ key, format: 'der', type: 'spki' })
    : createPrivateKey({ key, format: 'der', type: 'pkcs8' });
}

function packageKey(manifest, options) {
  const p = manifest.protection;
  if (p.mode === 'password' && options.password !== undefined) {
    const { N, r, p: par, salt } = p.kdf;
    return scryptSync(options.password.normalize('NFKC'), Buffer.from(salt, 'base64'), 32, {
      N,
      r,
      p: par,
      maxmem: 128 * N * r * par + 64 * 1024 * 1024,
    });
  }
  if (p.mode === 'recipient' && options.privateKey !== undefined) {
    const own = rawKey('302e020100300506032b656e04220420', options.privateKey, 'pkcs8');
    const ownPublic = createPublicKey(own).export({ format: 'jwk' }).x;
    const peer = rawKey('302a300506032b656e032100', manifest.sender.agreement, 'spki');
    const shared = diffieHellman({ privateKey: own, publicKey: peer });
    const [a, b] = [ownPublic, manifest.sender.agreement].sort();
    return Buffer.from(hkdfSync('sha256', shared, Buffer.from(`${a}.${b}`), p.info, 32));
  }
  return null;
}

function decrypt(file, stored, key) {
  let data = stored;
  if (file.encoding.includes('aes-256-gcm')) {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(file.iv, 'base64'));
    decipher.setAuthTag(data.subarray(data.length - 16));
    data = Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]);
  }
  if (file.encoding.includes('gzip')) data = gunzipSync(data);
  return data;
}

export function checkPackage(path, options = {}) {
  const entries = readZip(readFileSync(path));
  const manifestBytes = entries.get('manifest.json')?.();
  const signature = entries.get('manifest.sig')?.().toString('utf8').trim();
  if (!manifestBytes || !signature) return fail('数据包缺少清单（manifest.json）或签名（manifest.sig）');
  const manifest = JSON.parse(manifestBytes.toString('utf8'));
  if (manifest.format !== 'pingluo-mediation-desk/province-package')
    return fail('这不是人民调解工作台的省级报送数据包');
  const message = Buffer.concat([
    Buffer.from(`pingluo-mediation-desk/${SIGNATURE_PURPOSE}\n`),
    manifestBytes,
  ]);
  const signingKey = rawKey('302a300506032b6570032100', manifest.sender.signing, 'spki');
  if (!verify(null, message, signingKey, Buffer.from(signature, 'base64'))) {
    return fail('清单签名不正确：数据包在发出后被改动过，或不是由所列单位发出');
  }
  const fingerprint = fingerprintOf(manifest.sender.signing);
  if (options.fingerprint && options.fingerprint.toUpperCase() !== fingerprint) {
    return fail(`发送方指纹是 ${fingerprint}，与您登记的 ${options.fingerprint} 不一致：不要接收这个数据包`);
  }
  console.log(
    `✓ 清单签名正确：${manifest.office.name}，第${manifest.batch.number}批，发送方指纹 ${fingerprint}`,
  );
  const listed = new Set(['manifest.json', 'manifest.sig', ...manifest.files.map((f) => f.name)]);
  for (const name of entries.keys()) if (!listed.has(name)) fail(`数据包中多出清单未列的文件：${name}`);
  const key = packageKey(manifest, options);
  for (const file of manifest.files) {
    const read = entries.get(file.name);
    if (!read) {
      fail(`缺少文件：${file.name}`);
      continue;
    }
    const stored = read();
    const sha256 = createHash('sha256').update(stored).digest('hex');
    if (stored.length !== file.size || sha256 !== file.sha256) {
      fail(`文件被改动：${file.name}（SHA-256 与清单不一致）`);
      continue;
    }
    let note = '';
    if (key || manifest.protection.mode === 'none') {
      try {
        const plain = decrypt(file, stored, key);
        if (file.name.includes('.json')) {
          const records = JSON.parse(plain.toString('utf8')).length;
          if (records !== file.records) throw new Error(`记录数 ${records} 与清单的 ${file.records} 不一致`);
        }
        note = `，${manifest.protection.mode === 'none' ? '未加密' : '已解密'}，${file.records}条记录`;
        if (options.extract) {
          mkdirSync(options.extract, { recursive: true });
          const name = basename(file.name).replace(/\.gz\.enc$|\.enc$/, '');
          writeFileSync(join(options.extract, name), plain);
          note += `，已写出 ${name}`;
        }
      } catch (error) {
        fail(
          `无法解密或读取 ${file.name}：${error.message.includes('auth') ? '密码或私钥不正确' : error.message}`,
        );
        continue;
      }
    }
    console.log(`✓ ${file.name}：SHA-256 一致${note}`);
  }
  if (!process.exitCode) console.log('数据包完整，未被改动。');
  return manifest;
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  const args = process.argv.slice(2);
  const options = {};
  let path;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--password') options.password = args[++i];
    else if (args[i] === '--private-key') options.privateKey = args[++i];
    else if (args[i] === '--fingerprint') options.fingerprint = args[++i];
    else if (args[i] === '--extract') options.extract = args[++i];
    else path = args[i];
  }
  if (!path) {
    console.log(
      '用法：node province-check.mjs <数据包.zip> [--fingerprint 指纹] [--password 密码 | --private-key 私钥]',
    );
    process.exit(2);
  }
  try {
    checkPackage(path, options);
  } catch (error) {
    fail(`无法读取数据包：${error.message}`);
  }
}
