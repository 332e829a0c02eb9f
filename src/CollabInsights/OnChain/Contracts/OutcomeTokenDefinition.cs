#pragma warning disable SA1402, SA1649, CA1034 // One file per contract, as Nethereum's code generator lays out a contract definition.
using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

// The typed messages of src/contracts/OutcomeToken.sol (a 6-decimal ERC-20), in the shape Nethereum's code generator
// produces; OutcomeLedgerDefinitionTests checks them against the ABI solc compiles, both ways.
namespace CollabInsights.OnChain.Contracts.OutcomeTokenDefinition;

/// <summary>Deploys the token; the sender becomes its owner (the only minter).</summary>
public sealed class OutcomeTokenDeployment : ContractDeploymentMessage
{
    /// <summary>A deployment with the compiled creation bytecode.</summary>
    public OutcomeTokenDeployment()
        : base(CompiledContract.OutcomeToken.BytecodeHex)
    {
    }

    /// <summary>The token's name. Default "Outcome USD".</summary>
    [Parameter("string", "name_", 1)]
    public string Name { get; set; } = "Outcome USD";

    /// <summary>The token's symbol. Default "oUSD".</summary>
    [Parameter("string", "symbol_", 2)]
    public string Symbol { get; set; } = "oUSD";
}

/// <summary><c>mint(address,uint256)</c> (owner only).</summary>
[Function("mint")]
public sealed class MintFunction : FunctionMessage
{
    /// <summary>The receiver.</summary>
    [Parameter("address", "to", 1)]
    public string To { get; set; } = string.Empty;

    /// <summary>Token units.</summary>
    [Parameter("uint256", "amount", 2)]
    public BigInteger Amount { get; set; }
}

/// <summary><c>transfer(address,uint256)</c>.</summary>
[Function("transfer", "bool")]
public sealed class TransferFunction : FunctionMessage
{
    /// <summary>The receiver.</summary>
    [Parameter("address", "to", 1)]
    public string To { get; set; } = string.Empty;

    /// <summary>Token units.</summary>
    [Parameter("uint256", "amount", 2)]
    public BigInteger Amount { get; set; }
}

/// <summary><c>approve(address,uint256)</c>.</summary>
[Function("approve", "bool")]
public sealed class ApproveFunction : FunctionMessage
{
    /// <summary>Who may spend.</summary>
    [Parameter("address", "spender", 1)]
    public string Spender { get; set; } = string.Empty;

    /// <summary>Token units.</summary>
    [Parameter("uint256", "amount", 2)]
    public BigInteger Amount { get; set; }
}

/// <summary><c>transferFrom(address,address,uint256)</c>.</summary>
[Function("transferFrom", "bool")]
public sealed class TransferFromFunction : FunctionMessage
{
    /// <summary>The holder.</summary>
    [Parameter("address", "from", 1)]
    public string From { get; set; } = string.Empty;

    /// <summary>The receiver.</summary>
    [Parameter("address", "to", 2)]
    public string To { get; set; } = string.Empty;

    /// <summary>Token units.</summary>
    [Parameter("uint256", "amount", 3)]
    public BigInteger Amount { get; set; }
}

/// <summary><c>balanceOf(address)</c>.</summary>
[Function("balanceOf", "uint256")]
public sealed class BalanceOfFunction : FunctionMessage
{
    /// <summary>The holder.</summary>
    [Parameter("address", "", 1)]
    public string Account { get; set; } = string.Empty;
}

/// <summary><c>allowance(address,address)</c>.</summary>
[Function("allowance", "uint256")]
public sealed class AllowanceFunction : FunctionMessage
{
    /// <summary>The holder.</summary>
    [Parameter("address", "", 1)]
    public string Owner { get; set; } = string.Empty;

    /// <summary>The spender.</summary>
    [Parameter("address", "", 2)]
    public string Spender { get; set; } = string.Empty;
}

/// <summary><c>decimals()</c>: 6.</summary>
[Function("decimals", "uint8")]
public sealed class DecimalsFunction : FunctionMessage
{
}

/// <summary><c>name()</c>.</summary>
[Function("name", "string")]
public sealed class NameFunction : FunctionMessage
{
}

/// <summary><c>symbol()</c>.</summary>
[Function("symbol", "string")]
public sealed class SymbolFunction : FunctionMessage
{
}

/// <summary><c>owner()</c>.</summary>
[Function("owner", "address")]
public sealed class OwnerFunction : FunctionMessage
{
}

/// <summary><c>totalSupply()</c>.</summary>
[Function("totalSupply", "uint256")]
public sealed class TotalSupplyFunction : FunctionMessage
{
}

/// <summary><c>Transfer(address indexed,address indexed,uint256)</c>.</summary>
[Event("Transfer")]
public sealed class TransferEventDTO : IEventDTO
{
    /// <summary>From (the zero address for a mint).</summary>
    [Parameter("address", "from", 1, true)]
    public string From { get; set; } = string.Empty;

    /// <summary>To.</summary>
    [Parameter("address", "to", 2, true)]
    public string To { get; set; } = string.Empty;

    /// <summary>Token units.</summary>
    [Parameter("uint256", "value", 3, false)]
    public BigInteger Value { get; set; }
}

/// <summary><c>Approval(address indexed,address indexed,uint256)</c>.</summary>
[Event("Approval")]
public sealed class ApprovalEventDTO : IEventDTO
{
    /// <summary>The holder.</summary>
    [Parameter("address", "owner", 1, true)]
    public string Owner { get; set; } = string.Empty;

    /// <summary>The spender.</summary>
    [Parameter("address", "spender", 2, true)]
    public string Spender { get; set; } = string.Empty;

    /// <summary>Token units.</summary>
    [Parameter("uint256", "value", 3, false)]
    public BigInteger Value { get; set; }
}

/// <summary><c>NotOwner(address)</c>.</summary>
[Error("NotOwner")]
public sealed class NotOwnerError
{
    /// <summary>The caller.</summary>
    [Parameter("address", "caller", 1)]
    public string Caller { get; set; } = string.Empty;
}

/// <summary><c>InsufficientBalance(address,uint256,uint256)</c>.</summary>
[Error("InsufficientBalance")]
public sealed class InsufficientBalanceError
{
    /// <summary>The holder.</summary>
    [Parameter("address", "account", 1)]
    public string Account { get; set; } = string.Empty;

    /// <summary>The balance.</summary>
    [Parameter("uint256", "balance", 2)]
    public BigInteger Balance { get; set; }

    /// <summary>What the transfer needed.</summary>
    [Parameter("uint256", "needed", 3)]
    public BigInteger Needed { get; set; }
}

/// <summary><c>InsufficientAllowance(address,uint256,uint256)</c>.</summary>
[Error("InsufficientAllowance")]
public sealed class InsufficientAllowanceError
{
    /// <summary>The spender.</summary>
    [Parameter("address", "spender", 1)]
    public string Spender { get; set; } = string.Empty;

    /// <summary>The allowance.</summary>
    [Parameter("uint256", "allowance", 2)]
    public BigInteger Allowance { get; set; }

    /// <summary>What the transfer needed.</summary>
    [Parameter("uint256", "needed", 3)]
    public BigInteger Needed { get; set; }
}
