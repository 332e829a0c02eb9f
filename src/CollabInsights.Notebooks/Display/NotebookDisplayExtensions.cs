using System.Collections;
using CollabInsights.Notebooks.Internal;
using Microsoft.DotNet.Interactive.Formatting;
using Microsoft.DotNet.Interactive.Formatting.TabularData;

#pragma warning disable CA1050 // In the global namespace on purpose: see the remarks.

/// <summary>
/// <c>x.Display()</c> and <c>x.DisplayTable()</c> as .NET Interactive defines them, for notebook cells.
/// </summary>
/// <remarks>
/// These overloads are generic, so C# prefers them to <c>System.DisplayExtensions</c> for any typed receiver; they show
/// the value through the kernel's <c>display</c>, whose handle's <c>Update</c> replaces that very output (the package's
/// own <c>Display()</c> returns a handle with another id). Outside a notebook cell they defer to the package.
/// </remarks>
public static class NotebookDisplayExtensions
{
    /// <summary>Shows <paramref name="value"/> in the MIME types given (default: those the Formatter prefers for its type) and returns a handle to update it.</summary>
    public static DisplayedValue Display<T>(this T value, params string[] mimeTypes) =>
        ExecutionSink.Current?.Display is { } display ? display(value, mimeTypes) : System.DisplayExtensions.Display(value!, mimeTypes);

    /// <summary>Shows a sequence as a table (.NET Interactive's tabular data resource) and returns a handle to update it.</summary>
    public static DisplayedValue DisplayTable<TCollection>(this TCollection value, params string[] mimeTypes)
        where TCollection : IEnumerable
    {
        var element = value?.GetType().GetInterfaces().Concat([value.GetType()])
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
        if (value is null || element is null)
        {
            return Display<object?>(value, mimeTypes);
        }

        var method = typeof(TabularDataResourceFormatter).GetMethods()
            .Single(m => m.Name == nameof(TabularDataResourceFormatter.ToTabularDataResource) && m.IsGenericMethodDefinition
                && m.GetParameters().Length == 1)
            .MakeGenericMethod(element);
        var table = method.Invoke(null, [value])!;
        return Display(table, mimeTypes);
    }
}
