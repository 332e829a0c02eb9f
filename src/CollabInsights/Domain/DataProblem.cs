using System.Text.Json;

namespace CollabInsights.Domain;

/// <summary>How serious a <see cref="DataProblem"/> is.</summary>
public enum ProblemSeverity
{
    /// <summary>The value was normalised (for example <c>$10,000,000</c> read as 10000000 USD); the row loaded.</summary>
    Warning,

    /// <summary>The value could not be used; the field (or the whole row, if the field is required) was not loaded.</summary>
    Invalid,
}

/// <summary>
/// One problem found in input data, located precisely: file, 1-based data row (header excluded),
/// column, the offending value and what was expected.
/// </summary>
public sealed record DataProblem(string File, int Row, string Column, string Value, string Message, ProblemSeverity Severity)
{
    /// <summary>One line such as <c>projects_results.csv row 12, column 'Period - Start - (Value)': '2018-13': month 13 does not exist</c>.</summary>
    public override string ToString() => $"{File} row {Row}, column '{Column}': '{Value}': {Message}";

    /// <summary>Writes the problem as the JSON object every report uses: <c>{file, row, column, value, message}</c>.</summary>
    public void WriteJson(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("file", File);
        writer.WriteNumber("row", Row);
        writer.WriteString("column", Column);
        writer.WriteString("value", Value);
        writer.WriteString("message", Message);
        writer.WriteEndObject();
    }
}
