using System.Text.Json;
using CollabInsights.OnChain.Abi;
using Nethereum.Hex.HexConvertors.Extensions;

namespace CollabInsights.OnChain.Contracts;

/// <summary>A contract compiled by the build (src/contracts, npm solc): its ABI and creation bytecode, embedded in the library.</summary>
public sealed record CompiledContract(string Name, ContractAbi Abi, byte[] Bytecode, string Compiler)
{
    /// <summary>The outcome ledger.</summary>
    public static CompiledContract OutcomeLedger => Load("OutcomeLedger");

    /// <summary>The 6-decimal ERC-20 stablecoin used for outcome payments.</summary>
    public static CompiledContract OutcomeToken => Load("OutcomeToken");

    /// <summary>The ABI JSON of the contract as the compiler wrote it (for <c>chain extract --abi</c> or other tools).</summary>
    public string AbiJson { get; init; } = "[]";

    /// <summary>Loads an embedded artifact by contract name.</summary>
    public static CompiledContract Load(string name)
    {
        var resource = $"CollabInsights.Contracts.{name}.json";
        using var stream = typeof(CompiledContract).Assembly.GetManifestResourceStream(resource)
            ?? throw new CollabInsightsException($"The compiled contract {name} is not embedded in the library. Rebuild after scripts/bootstrap.sh (the build compiles src/contracts with npm solc).");
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;
        return new CompiledContract(
            name,
            ContractAbi.Parse(root),
            (root.GetProperty("bytecode").GetString()!).HexToByteArray(),
            root.GetProperty("compiler").GetString() ?? "solc")
        {
            AbiJson = root.GetProperty("abi").GetRawText(),
        };
    }
}
