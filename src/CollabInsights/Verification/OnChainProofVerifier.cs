using CollabInsights.OnChain.Contracts;
using CollabInsights.OnChain.Transactions;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Util;
using Nethereum.Web3;

namespace CollabInsights.Verification;

/// <summary>
/// A deployed <c>DatasetProofVerifier</c> (src/contracts), which checks a proof's disclosed leaves with OpenZeppelin's
/// <c>MerkleProof.sol</c> in an <c>eth_call</c>: what a contract paying per verified outcome would run.
/// </summary>
public sealed class OnChainProofVerifier
{
    private static readonly Lazy<CompiledContract> Compiled = new(() => CompiledContract.Load("DatasetProofVerifier"));

    /// <summary>A wrapper for the verifier at <paramref name="address"/>, called through <paramref name="web3"/>.</summary>
    public OnChainProofVerifier(string address, IWeb3 web3)
    {
        Address = AddressUtil.Current.ConvertToChecksumAddress(address);
        Web3 = web3 ?? throw new ArgumentNullException(nameof(web3));
    }

    /// <summary>The checksummed address.</summary>
    public string Address { get; }

    /// <summary>The node.</summary>
    public IWeb3 Web3 { get; }

    /// <summary>Deploys a verifier from the account of <paramref name="deployer"/>.</summary>
    public static async Task<OnChainProofVerifier> DeployAsync(IWeb3 deployer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deployer);
        var receipt = await ContractTransactions.DeployAsync(deployer, new Deployment(), cancellationToken).ConfigureAwait(false);
        return new OnChainProofVerifier(receipt.ContractAddress, deployer);
    }

    /// <summary>Whether the contract accepts every disclosed leaf of <paramref name="proof"/>: it recomputes each leaf from the record, field, value and salt, and checks the path to the root with <c>MerkleProof.verifyCalldata</c>.</summary>
    public async Task<bool> VerifyAsync(RecordProof proof, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(proof);
        var handler = Web3.Eth.GetContractQueryHandler<VerifyRecordFunction>();
        foreach (var leaf in proof.Disclosed)
        {
            var call = new VerifyRecordFunction
            {
                Proof = [.. leaf.Proof.Select(p => p.HexToByteArray())],
                Root = proof.Root.HexToByteArray(),
                Record = proof.Record,
                Field = leaf.Field,
                Value = leaf.Value,
                Salt = leaf.Salt.HexToByteArray(),
            };
            if (!await handler.QueryAsync<bool>(Address, call).WaitAsync(cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }

        return true;
    }

    private sealed class Deployment() : ContractDeploymentMessage(Compiled.Value.BytecodeHex);

    [Function("verifyRecord", "bool")]
    private sealed class VerifyRecordFunction : FunctionMessage
    {
        [Parameter("bytes32[]", "proof", 1)]
        public List<byte[]> Proof { get; set; } = [];

        [Parameter("bytes32", "root", 2)]
        public byte[] Root { get; set; } = [];

        [Parameter("string", "record", 3)]
        public string Record { get; set; } = string.Empty;

        [Parameter("string", "field", 4)]
        public string Field { get; set; } = string.Empty;

        [Parameter("string", "value", 5)]
        public string Value { get; set; } = string.Empty;

        [Parameter("bytes32", "salt", 6)]
        public byte[] Salt { get; set; } = [];
    }
}
