using CollabInsights.OnChain.Contracts;
using Nethereum.ABI.Model;
using Nethereum.Contracts;
using Nethereum.Web3;

namespace CollabInsights.OnChain.Tests;

/// <summary>
/// The typed messages (function, event and error DTOs) are written once by hand; these tests hold them to the ABI solc
/// compiles from src/contracts in this build, both ways: every DTO exists in the ABI with the same signature, selector or
/// topic, parameter names, types and indexed flags, and every function, event and error of the ABI has its DTO.
/// </summary>
public class OutcomeLedgerDefinitionTests
{
    public static TheoryData<string> Contracts => new() { "OutcomeLedger", "OutcomeToken" };

    [Theory]
    [MemberData(nameof(Contracts))]
    public void Every_function_dto_has_the_selector_and_parameters_of_the_compiled_abi_and_every_function_has_a_dto(string contract)
    {
        var (service, compiled) = Load(contract);
        var typed = service.GetAllFunctionABIs();
        Assert.NotEmpty(typed);
        Assert.Equal(compiled.Functions.Select(f => f.Name).Order(), typed.Select(f => f.Name).Order());
        foreach (var function in typed)
        {
            var expected = Assert.Single(compiled.Functions, f => f.Name == function.Name);
            Assert.Equal(expected.Sha3Signature, function.Sha3Signature);
            Assert.Equal(Describe(expected.InputParameters), Describe(function.InputParameters));
            Assert.Equal((expected.OutputParameters ?? []).Select(p => p.Type), (function.OutputParameters ?? []).Select(p => p.Type));
        }
    }

    [Theory]
    [MemberData(nameof(Contracts))]
    public void Every_event_dto_has_the_topic_and_indexed_parameters_of_the_compiled_abi_and_every_event_has_a_dto(string contract)
    {
        var (service, compiled) = Load(contract);
        var typed = service.GetAllEventABIs();
        Assert.NotEmpty(typed);
        Assert.Equal(compiled.Events.Select(e => e.Name).Order(), typed.Select(e => e.Name).Order());
        foreach (var evt in typed)
        {
            var expected = Assert.Single(compiled.Events, e => e.Name == evt.Name);
            Assert.Equal(expected.Sha3Signature, evt.Sha3Signature);
            Assert.Equal(Describe(expected.InputParameters), Describe(evt.InputParameters));
        }
    }

    [Theory]
    [MemberData(nameof(Contracts))]
    public void Every_error_dto_has_the_selector_of_the_compiled_abi_and_every_error_has_a_dto(string contract)
    {
        var (service, compiled) = Load(contract);
        var typed = service.GetAllErrorABIs();
        Assert.NotEmpty(typed);
        Assert.Equal(compiled.Errors.Select(e => e.Name).Order(), typed.Select(e => e.Name).Order());
        foreach (var error in typed)
        {
            var expected = Assert.Single(compiled.Errors, e => e.Name == error.Name);
            Assert.Equal(expected.Sha3Signature, error.Sha3Signature);
            Assert.Equal(Describe(expected.InputParameters), Describe(error.InputParameters));
        }
    }

    [Theory]
    [MemberData(nameof(Contracts))]
    public void The_deployment_message_carries_the_compiled_bytecode_and_the_constructor_parameters(string contract)
    {
        var compiled = CompiledContract.Load(contract);
        ContractDeploymentMessage deployment = contract == "OutcomeLedger"
            ? new OnChain.Contracts.OutcomeLedgerDefinition.OutcomeLedgerDeployment()
            : new OnChain.Contracts.OutcomeTokenDefinition.OutcomeTokenDeployment();
        Assert.Equal(compiled.BytecodeHex, deployment.ByteCode);
        var typed = deployment.GetType().GetProperties()
            .Select(p => p.GetCustomAttributes(typeof(Nethereum.ABI.FunctionEncoding.Attributes.ParameterAttribute), false).OfType<Nethereum.ABI.FunctionEncoding.Attributes.ParameterAttribute>().SingleOrDefault())
            .OfType<Nethereum.ABI.FunctionEncoding.Attributes.ParameterAttribute>()
            .Select(a => a.Parameter);
        Assert.Equal(Describe(compiled.Abi.Constructor?.InputParameters ?? []), Describe(typed));
    }

    private static (ContractWeb3ServiceBase Service, ContractABI Compiled) Load(string contract)
    {
        var web3 = new Web3();
        const string address = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
        ContractWeb3ServiceBase service = contract == "OutcomeLedger" ? new OutcomeLedgerService(web3, address) : new OutcomeTokenService(web3, address);
        return (service, CompiledContract.Load(contract).Abi);
    }

    private static string[] Describe(IEnumerable<Parameter> parameters) =>
        [.. parameters.OrderBy(p => p.Order).Select(p => $"{p.Type} {p.Name}{(p.Indexed ? " indexed" : string.Empty)}")];
}
