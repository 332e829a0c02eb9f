// Reference vectors from ethers (pinned in package-lock.json) for the C# on-chain core.
// Usage: node vectors.mjs [seed]  -> JSON on stdout. Deterministic for a given seed.
import { AbiCoder, Interface, Wallet, SigningKey, Transaction, keccak256, toUtf8Bytes, getAddress, hexlify, Indexed, id } from 'ethers';

const seed = Number(process.argv[2] ?? 20261125);
let state = seed >>> 0;
function rand() { // mulberry32
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (n) => Math.floor(rand() * n);
const pick = (xs) => xs[int(xs.length)];
function randomBytes(n) { const b = new Uint8Array(n); for (let i = 0; i < n; i++) b[i] = int(256); return b; }
function randomBig(bits) {
  const r = rand();
  if (r < 0.1) return 0n;
  if (r < 0.2) return (1n << BigInt(bits)) - 1n;
  const bytes = Math.ceil(bits / 8);
  let v = BigInt(hexlify(randomBytes(bytes)));
  return v & ((1n << BigInt(bits)) - 1n);
}
const strings = ['', 'a', 'hello world', 'outcome: sustained employment at 26 weeks', 'é ü ß', '日本語のテキスト', 'emoji 🚀🌍', 'x'.repeat(31), 'y'.repeat(32), 'z'.repeat(33), 'long '.repeat(30)];

function randomType(depth) {
  const r = rand();
  if (depth >= 3 || r < 0.55) {
    return pick([
      () => `uint${8 * (1 + int(32))}`, () => 'uint256', () => `int${8 * (1 + int(32))}`, () => 'int256',
      () => 'address', () => 'bool', () => `bytes${1 + int(32)}`, () => 'bytes32', () => 'bytes', () => 'string',
    ])();
  }
  if (r < 0.7) return `${randomType(depth + 1)}[]`;
  if (r < 0.82) return `${randomType(depth + 1)}[${1 + int(3)}]`;
  const n = 1 + int(3);
  const parts = [];
  for (let i = 0; i < n; i++) parts.push(randomType(depth + 1));
  return `(${parts.join(',')})`;
}

// Values in a JSON form both sides read: integers as decimal strings, bytes as 0x-hex.
function randomValue(type) {
  const arr = type.match(/^(.*)\[(\d*)\]$/);
  if (arr) {
    const n = arr[2] === '' ? int(4) : Number(arr[2]);
    return Array.from({ length: n }, () => randomValue(arr[1]));
  }
  if (type.startsWith('(')) return splitTop(type.slice(1, -1)).map(randomValue);
  let m;
  if ((m = type.match(/^uint(\d+)$/))) return randomBig(Number(m[1])).toString();
  if ((m = type.match(/^int(\d+)$/))) {
    const bits = BigInt(m[1]);
    const r = rand();
    if (r < 0.1) return (-(1n << (bits - 1n))).toString();
    if (r < 0.2) return ((1n << (bits - 1n)) - 1n).toString();
    if (r < 0.3) return '-1';
    const v = randomBig(Number(m[1]) - 1);
    return (rand() < 0.5 ? -v : v).toString();
  }
  if (type === 'address') return getAddress(hexlify(randomBytes(20)));
  if (type === 'bool') return rand() < 0.5;
  if ((m = type.match(/^bytes(\d+)$/))) return hexlify(randomBytes(Number(m[1])));
  if (type === 'bytes') return hexlify(randomBytes(pick([0, 1, 31, 32, 33, 64, 70])));
  if (type === 'string') return pick(strings);
  throw new Error('type ' + type);
}

function splitTop(s) {
  const out = []; let depth = 0, start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) { out.push(s.slice(start, i)); start = i + 1; }
  }
  out.push(s.slice(start));
  return out;
}

// Decoded ethers values to the same JSON form the C# side produces (AbiValues.ToJson).
function normalize(v) {
  if (v instanceof Indexed) return v.hash;
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'boolean' || typeof v === 'string') return v;
  if (Array.isArray(v) || (v && typeof v.toArray === 'function')) return Array.from(v).map(normalize);
  throw new Error('value ' + v);
}

const coder = AbiCoder.defaultAbiCoder();
const abi = [];
const fixedCases = [
  ['uint256'], ['int8'], ['address', 'bool'], ['bytes'], ['string'], ['uint256[]'], ['string[]'],
  ['(uint256,string)'], ['(uint256,string)[]'], ['((uint8,bytes)[2],string[])'], ['uint8[2][]'], ['bytes[][]'],
  ['(string,(bytes,uint16[])[],bool)[1]'],
];
for (const types of fixedCases) {
  const values = types.map(randomValue);
  abi.push({ types, values, encoded: coder.encode(types, values) });
}
for (let i = 0; i < 250; i++) {
  const types = Array.from({ length: 1 + int(4) }, () => randomType(0));
  const values = types.map(randomValue);
  abi.push({ types, values, encoded: coder.encode(types, values) });
}

const keccak = ['', 'a', 'abc', 'Transfer(address,address,uint256)', '日本語', 'x'.repeat(135), 'x'.repeat(136), 'x'.repeat(137), 'long '.repeat(100)]
  .map((input) => ({ input, hash: keccak256(toUtf8Bytes(input)) }));

const checksums = Array.from({ length: 20 }, () => { const a = getAddress(hexlify(randomBytes(20))); return { lower: a.toLowerCase(), checksummed: a }; });

const eventAbi = [
  'event Transfer(address indexed from, address indexed to, uint256 value)',
  'event Named(string indexed name, bytes indexed blob, uint256[] nums, (uint256 id, string label) info)',
  'event Ping(uint256 a)',
  'event Ping(uint256 a, string b)',
  { type: 'event', name: 'Anon', anonymous: true, inputs: [
    { name: 'who', type: 'address', indexed: true }, { name: 'amount', type: 'uint256', indexed: true }, { name: 'note', type: 'string', indexed: false }] },
  // JSON form: ethers' formatJson drops `indexed` from an indexed fixed array given in human-readable form.
  { type: 'event', name: 'TupleIndexed', anonymous: false, inputs: [
    { name: 'pair', type: 'tuple', indexed: true, components: [{ name: 'id', type: 'uint256' }, { name: 'owner', type: 'address' }] },
    { name: 'fixedArr', type: 'uint8[2]', indexed: true }, { name: 'neg', type: 'int8', indexed: false }] },
  'event Big(int256 x, bytes32 y, bool z, address[] list, (bytes,string)[] pairs)',
  'event Signed(int16 indexed small, bytes4 indexed tag, bool indexed flag)',
];
const iface = new Interface(eventAbi);
const events = [];
for (const fragment of iface.fragments.filter((f) => f.type === 'event')) {
  for (let k = 0; k < 4; k++) {
    const types = fragment.inputs.map((p) => p.format('sighash'));
    const values = types.map(randomValue);
    // Topics by hand from ethers primitives: ethers cannot encode indexed tuples/arrays, whose topic is an opaque hash anyway.
    const topics = fragment.anonymous ? [] : [fragment.topicHash];
    fragment.inputs.forEach((p, i) => {
      if (!p.indexed) return;
      if (p.type === 'string') topics.push(id(values[i]));
      else if (p.type === 'bytes') topics.push(keccak256(values[i]));
      else if (p.baseType === 'tuple' || p.baseType === 'array') topics.push(hexlify(randomBytes(32)));
      else topics.push(coder.encode([types[i]], [values[i]]));
    });
    const data = coder.encode(fragment.inputs.filter((p) => !p.indexed).map((p) => p.format('sighash')), values.filter((_, i) => !fragment.inputs[i].indexed));
    const decoded = iface.decodeEventLog(fragment, data, topics);
    events.push({
      signature: fragment.format('sighash'),
      anonymous: fragment.anonymous,
      topic0: fragment.anonymous ? null : fragment.topicHash,
      topics, data,
      names: fragment.inputs.map((p) => p.name),
      decoded: fragment.inputs.map((p, i) => normalize(decoded[i])),
    });
  }
}
const abiJson = eventAbi.map((e) => (typeof e === 'string' ? JSON.parse(Interface.from([e]).fragments[0].format('json')) : e));

const keys = [
  '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80',
  '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d',
  '0x0000000000000000000000000000000000000000000000000000000000000001',
  '0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140',
];
const signatures = [];
for (const key of keys) {
  const sk = new SigningKey(key);
  for (let k = 0; k < 5; k++) {
    const digest = k === 0 ? id('hello') : hexlify(randomBytes(32));
    const sig = sk.sign(digest);
    signatures.push({ key, address: new Wallet(key).address, digest, r: sig.r, s: sig.s, yParity: sig.yParity });
  }
}

const transactions = [];
for (const key of keys) {
  const wallet = new Wallet(key);
  for (let k = 0; k < 5; k++) {
    const tx = {
      type: 2,
      chainId: pick([1n, 31337n, 11155111n, 137n]),
      nonce: pick([0, 1, 127, 128, 1000, 123456]),
      maxPriorityFeePerGas: pick([0n, 1n, 1000000000n, 2500000000n]),
      maxFeePerGas: pick([3000000000n, 100000000000n, 12345678901234n]),
      gasLimit: pick([21000n, 100000n, 3000000n]),
      to: k === 0 ? null : getAddress(hexlify(randomBytes(20))),
      value: pick([0n, 1n, 10n ** 18n, (1n << 255n) + 17n]),
      data: hexlify(randomBytes(pick([0, 1, 4, 36, 100, 600]))),
    };
    const raw = await wallet.signTransaction(tx);
    transactions.push({
      key,
      chainId: tx.chainId.toString(), nonce: tx.nonce,
      maxPriorityFeePerGas: tx.maxPriorityFeePerGas.toString(), maxFeePerGas: tx.maxFeePerGas.toString(),
      gasLimit: tx.gasLimit.toString(), to: tx.to, value: tx.value.toString(), data: tx.data,
      raw, hash: Transaction.from(raw).hash,
    });
  }
}

process.stdout.write(JSON.stringify({ ethers: (await import('ethers')).version, seed, keccak, checksums, abi, events, eventAbi: abiJson, signatures, transactions }));
