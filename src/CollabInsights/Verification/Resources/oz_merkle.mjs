// The @openzeppelin/merkle-tree side of CollabInsights' Merkle checks and benchmark (embedded in the library,
// written to a temporary file when needed). Usage: node oz_merkle.mjs MODULE_DIR MODE INPUT.json
//   MODULE_DIR: the folder of the npm package @openzeppelin/merkle-tree (node_modules/@openzeppelin/merkle-tree)
//   MODE check: INPUT = { encoding, values: [[...]], indices: [i...], proofs: [{ value: [...], proof: [...] }], root }
//               prints { root, proofs: { i: [..] }, verified: [bool...] } (our proofs verified with StandardMerkleTree.verify)
//   MODE bench: INPUT = { encoding, values: [[...]], indices: [i...] }; prints { root, build_ms, proofs_ms, verify_ms, proofs: { i: [..] } }
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const [moduleDir, mode, inputFile] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const { StandardMerkleTree } = require(path.resolve(moduleDir));
const input = JSON.parse(fs.readFileSync(inputFile, 'utf8'));
const out = {};
if (mode === 'check') {
  const tree = StandardMerkleTree.of(input.values, input.encoding);
  out.root = tree.root;
  out.proofs = {};
  for (const i of input.indices) out.proofs[i] = tree.getProof(i);
  out.verified = input.proofs.map((p) => StandardMerkleTree.verify(input.root, input.encoding, p.value, p.proof));
} else if (mode === 'bench') {
  const t0 = process.hrtime.bigint();
  const tree = StandardMerkleTree.of(input.values, input.encoding);
  const t1 = process.hrtime.bigint();
  const proofs = {};
  for (const i of input.indices) proofs[i] = tree.getProof(i);
  const t2 = process.hrtime.bigint();
  const first = input.indices[0];
  const reps = 1000;
  let ok = true;
  const t3 = process.hrtime.bigint();
  for (let k = 0; k < reps; k++) ok = StandardMerkleTree.verify(tree.root, input.encoding, input.values[first], proofs[first]) && ok;
  const t4 = process.hrtime.bigint();
  out.root = tree.root;
  out.build_ms = Number(t1 - t0) / 1e6;
  out.proofs_ms = Number(t2 - t1) / 1e6;
  out.verify_ms = Number(t4 - t3) / 1e6 / reps;
  out.verified = ok;
  out.proofs = {};
  for (const i of input.indices.slice(0, 10)) out.proofs[i] = proofs[i];
} else {
  console.error(`unknown mode ${mode}: use check or bench`);
  process.exit(2);
}
process.stdout.write(JSON.stringify(out));
