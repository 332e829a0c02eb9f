// Reference decoding for the generic-ABI test: fetch the logs of ADDRESS with ethers (pinned npm) and decode
// them with the ABI, printing one JSON object per log in the same text forms as the extractor's tables.
// Usage: node ethers-decode.mjs RPC_URL ADDRESS ABI_FILE
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
const require = createRequire(process.cwd() + "/");
const { JsonRpcProvider, Interface, Indexed, getAddress } = require("ethers");

const [url, address, abiFile] = process.argv.slice(2);
const abi = JSON.parse(readFileSync(abiFile, "utf8"));
const iface = new Interface(abi);
const provider = new JsonRpcProvider(url, undefined, { staticNetwork: true });

const text = (v, type) => {
  if (v instanceof Indexed) return v.hash;
  if (typeof v === "bigint") return v.toString();
  if (typeof v === "boolean") return v;
  if (type.baseType === "address") return getAddress(v);
  return v;
};
const json = (v, type) => {
  if (type.baseType === "array") return Array.from(v).map((x) => json(x, type.arrayChildren));
  if (type.baseType === "tuple") return type.components.map((c, i) => json(v[i], c));
  if (typeof v === "bigint") return v.toString();
  if (type.baseType === "address") return getAddress(v);
  return v;
};

const logs = await provider.getLogs({ address, fromBlock: 0, toBlock: "latest" });
const out = [];
for (const log of logs) {
  let fragment = null;
  const candidates = iface.fragments.filter((f) => f.type === "event");
  for (const f of candidates) {
    if (f.anonymous) continue;
    if (log.topics[0] === f.topicHash && f.inputs.filter((i) => i.indexed).length + 1 === log.topics.length) { fragment = f; break; }
  }
  if (!fragment) {
    for (const f of candidates) {
      if (!f.anonymous || f.inputs.filter((i) => i.indexed).length !== log.topics.length) continue;
      try { iface.decodeEventLog(f, log.data, log.topics); fragment = f; break; } catch { }
    }
  }
  if (!fragment) { out.push({ block: log.blockNumber, index: log.index, event: "unknown", values: [...log.topics, log.data] }); continue; }
  const decoded = iface.decodeEventLog(fragment, log.data, log.topics);
  const values = fragment.inputs.map((input, i) => {
    const v = decoded[i];
    if (input.indexed && v instanceof Indexed) return v.hash;
    if (input.type.endsWith("]") || input.baseType === "tuple") return JSON.stringify(json(v, input));
    return text(v, input);
  });
  out.push({ block: log.blockNumber, index: log.index, event: fragment.format("sighash"), values });
}
process.stdout.write(JSON.stringify(out));
