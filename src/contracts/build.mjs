// Compiles every .sol file in this folder with the pinned npm solc (standard JSON) and writes
// <Contract>.json = { contractName, sourceName, compiler, abi, bytecode } into the output folder.
// Usage: node src/contracts/build.mjs OUT_DIR   (run by the CollabInsights build; see CollabInsights.csproj)
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.resolve(process.argv[2] ?? path.join(here, 'out'));
let solc;
try {
  solc = createRequire(import.meta.url)('solc');
} catch {
  console.error('error: the npm package solc is missing: run scripts/bootstrap.sh (npm ci) in the repository root.');
  process.exit(2);
}

const sources = {};
for (const file of fs.readdirSync(here).filter((f) => f.endsWith('.sol')).sort()) {
  sources[file] = { content: fs.readFileSync(path.join(here, file), 'utf8') };
}

const input = {
  language: 'Solidity',
  sources,
  settings: {
    evmVersion: 'cancun',
    optimizer: { enabled: true, runs: 200 },
    metadata: { bytecodeHash: 'none' },
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
  },
};

// Imports such as @openzeppelin/contracts/... resolve from the repository's node_modules (pinned in package-lock.json).
const modules = path.resolve(here, '..', '..', 'node_modules');
function findImports(importPath) {
  const file = path.join(modules, importPath);
  return fs.existsSync(file) ? { contents: fs.readFileSync(file, 'utf8') } : { error: `${importPath} not found in ${modules}: run scripts/bootstrap.sh (npm ci)` };
}

const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
for (const e of output.errors ?? []) console.error(`${e.severity}: ${e.formattedMessage}`);
if (errors.length > 0) process.exit(1);

fs.mkdirSync(outDir, { recursive: true });
for (const [sourceName, contracts] of Object.entries(output.contracts)) {
  for (const [contractName, c] of Object.entries(contracts)) {
    if (!c.evm.bytecode.object || !(sourceName in sources)) continue; // interfaces and imported libraries
    const artifact = { contractName, sourceName, compiler: `solc ${solc.version()}`, abi: c.abi, bytecode: '0x' + c.evm.bytecode.object };
    fs.writeFileSync(path.join(outDir, `${contractName}.json`), JSON.stringify(artifact, null, 2) + '\n');
  }
}
console.log(`compiled ${Object.keys(sources).length} Solidity files with solc ${solc.version()} into ${outDir}`);
