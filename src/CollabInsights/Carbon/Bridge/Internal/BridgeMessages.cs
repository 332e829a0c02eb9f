using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace CollabInsights.Carbon.Bridge.Internal;

/// <summary>Deploys <c>CarbonBridge(string bridgeName)</c> with the bytecode the build compiled (src/contracts).</summary>
internal sealed class CarbonBridgeDeployment : ContractDeploymentMessage
{
    public CarbonBridgeDeployment()
        : base(string.Empty)
    {
    }

    [Parameter("string", "bridgeName", 1)]
    public string BridgeName { get; set; } = string.Empty;
}

/// <summary>The <c>Credit</c> struct of <c>mintBatch</c>: the retired registry block a batch is minted for.</summary>
internal sealed class CreditInput
{
    [Parameter("string", "registry", 1)]
    public string Registry { get; set; } = string.Empty;

    [Parameter("string", "projectId", 2)]
    public string ProjectId { get; set; } = string.Empty;

    [Parameter("uint16", "vintage", 3)]
    public ushort Vintage { get; set; }

    [Parameter("string", "serialStem", 4)]
    public string SerialStem { get; set; } = string.Empty;

    [Parameter("uint64", "serialFirst", 5)]
    public ulong SerialFirst { get; set; }

    [Parameter("uint64", "serialLast", 6)]
    public ulong SerialLast { get; set; }

    [Parameter("uint64", "quantity", 7)]
    public ulong Quantity { get; set; }

    [Parameter("string", "registryRetirement", 8)]
    public string RegistryRetirement { get; set; } = string.Empty;
}

/// <summary><c>mintBatch(address holder, Credit c) returns (uint256 batchId)</c> (operator only).</summary>
[Function("mintBatch", "uint256")]
internal sealed class MintBatchFunction : FunctionMessage
{
    [Parameter("address", "holder", 1)]
    public string Holder { get; set; } = string.Empty;

    [Parameter("tuple", "c", 2)]
    public CreditInput Credit { get; set; } = new();
}

/// <summary><c>retire(uint256 batchId, uint64 quantity, string beneficiary) returns (uint256 retirementId)</c>.</summary>
[Function("retire", "uint256")]
internal sealed class RetireFunction : FunctionMessage
{
    [Parameter("uint256", "batchId", 1)]
    public BigInteger BatchId { get; set; }

    [Parameter("uint64", "quantity", 2)]
    public ulong Quantity { get; set; }

    [Parameter("string", "beneficiary", 3)]
    public string Beneficiary { get; set; } = string.Empty;
}
