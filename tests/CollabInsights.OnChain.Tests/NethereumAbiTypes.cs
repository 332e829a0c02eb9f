using System.Globalization;
using System.Numerics;
using Nethereum.ABI;
using Nethereum.ABI.Model;
using Nethereum.Hex.HexConvertors.Extensions;

namespace CollabInsights.OnChain.Tests;

/// <summary>Canonical type strings of the ethers vectors (e.g. <c>(string,(bytes,uint16[])[],bool)[1]</c>) as Nethereum parameters, and vector values as Nethereum's encoder takes them.</summary>
internal static class NethereumAbiTypes
{
    public static Parameter Parse(string type, int order, string? name = null)
    {
        if (!type.StartsWith('('))
        {
            return new Parameter(type, name ?? string.Empty, order);
        }

        var close = Matching(type);
        var components = Split(type[1..close]).Select((t, i) => Parse(t, i + 1)).ToArray();
        var parameter = new Parameter("tuple" + type[(close + 1)..], name ?? string.Empty, order);
        var element = parameter.ABIType;
        while (element is ArrayType array)
        {
            element = array.ElementType;
        }

        ((TupleType)element).SetComponents(components);
        return parameter;
    }

    /// <summary>A vector value (strings, bools, lists) as the encoder of <paramref name="type"/> takes it: BigInteger, byte[], object[] for tuples, lists for arrays.</summary>
    public static object? ToInput(object? value, ABIType type) => type switch
    {
        TupleType tuple => ((IEnumerable<object?>)value!).Select((v, i) => ToInput(v, tuple.Components[i].ABIType)).ToArray(),
        ArrayType array => ((IEnumerable<object?>)value!).Select(v => ToInput(v, array.ElementType)).ToList(),
        IntType => BigInteger.Parse((string)value!, CultureInfo.InvariantCulture),
        _ when type.Name.StartsWith("bytes", StringComparison.Ordinal) => ((string)value!).HexToByteArray(),
        _ => value,
    };

    private static int Matching(string text)
    {
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] == '(' ? 1 : text[i] == ')' ? -1 : 0;
            if (depth == 0)
            {
                return i;
            }
        }

        throw new FormatException($"Unbalanced parentheses in {text}.");
    }

    private static List<string> Split(string list)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < list.Length; i++)
        {
            depth += list[i] == '(' ? 1 : list[i] == ')' ? -1 : 0;
            if (list[i] == ',' && depth == 0)
            {
                parts.Add(list[start..i]);
                start = i + 1;
            }
        }

        if (list.Length > 0)
        {
            parts.Add(list[start..]);
        }

        return parts;
    }
}
