using CollabInsights.OnChain.Contracts;
using Nethereum.Util;
using CollabInsights.OnChain.Rpc;
using CollabInsights.OnChain.Transactions;

namespace CollabInsights.Verification;

/// <summary>
/// A deployed <c>DatasetProofVerifier</c> (src/contracts), which checks a proof's disclosed leaves with OpenZeppelin's
/// <c>MerkleProof.sol</c> in an <c>eth_call</c>: what a contract paying per verified outcome would run.
/// </summary>
public sealed class OnChainProofVerifier
{
    private static readonly Lazy<CompiledContract> Compiled = new(() => CompiledContract.Load("DatasetProofVerifier"));

    /// <summary>A wrapper for the verifier at <paramref name="address"/>.</summary>
    public OnChainProofVerifier(string address, IEthereumRpc rpc)
    {
        Address = AddressUtil.Current.ConvertToChecksumAddress(address);
        Rpc = rpc;
    }

    /// <summary>The checksummed address.</summary>
    public string Address { get; }

    /// <summary>The node.</summary>
    public IEthereumRpc Rpc { get; }

    /// <summary>Deploys a verifier from <paramref name="deployer"/>.</summary>
    public static async Task<OnChainProofVerifier> DeployAsync(Account deployer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deployer);
        var receipt = await deployer.DeployAsync(Compiled.Value.Abi.EncodeDeployment(Compiled.Value.Bytecode), cancellationToken).ConfigureAwait(false);
        return new OnChainProofVerifier(receipt.ContractAddress!, deployer.Rpc);
    }

    /// <summary>Whether the contract accepts every disclosed leaf of <paramref name="proof"/>: it recomputes each leaf from the record, field, value and salt, and checks the path to the root with <c>MerkleProof.verifyCalldata</c>.</summary>
    public async Task<bool> VerifyAsync(RecordProof proof, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(proof);
        var function = Compiled.Value.Abi.GetFunction("verifyRecord");
        foreach (var leaf in proof.Disclosed)
        {
            var data = function.EncodeCall(leaf.Proof.ToList(), proof.Root, proof.Record, leaf.Field, leaf.Value, leaf.Salt);
            var output = await Rpc.EthCallAsync(new CallRequest(null, Address, data), BlockParameter.Latest, cancellationToken).ConfigureAwait(false);
            if (!(bool)function.DecodeOutput(output)[0]!)
            {
                return false;
            }
        }

        return true;
    }
}
