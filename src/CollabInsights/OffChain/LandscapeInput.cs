using System.Text.Json;

namespace CollabInsights.OffChain;

/// <summary>An input file of a landscape computation: its name, the SHA-256 of its bytes (lower-case hex) and its number of data rows.</summary>
public sealed record LandscapeInput(string File, string Sha256, int Rows)
{
    /// <summary>Writes the input as the JSON object of the landscape and reproduction files: <c>{file, sha256, rows}</c>.</summary>
    internal void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("file", File);
        writer.WriteString("sha256", Sha256);
        writer.WriteNumber("rows", Rows);
        writer.WriteEndObject();
    }
}
