using System.Text.Json;
using System.Text.Json.Serialization;

namespace CollabInsights.Notebooks.Kernel;

/// <summary>A Jupyter connection file: where the kernel's five sockets listen and the HMAC key signing every message.</summary>
public sealed record KernelConnection
{
    /// <summary>"tcp" or "ipc".</summary>
    [JsonPropertyName("transport")]
    public string Transport { get; init; } = "tcp";

    /// <summary>The address to bind (usually 127.0.0.1).</summary>
    [JsonPropertyName("ip")]
    public string Ip { get; init; } = "127.0.0.1";

    [JsonPropertyName("shell_port")]
    public int ShellPort { get; init; }

    [JsonPropertyName("iopub_port")]
    public int IOPubPort { get; init; }

    [JsonPropertyName("stdin_port")]
    public int StdinPort { get; init; }

    [JsonPropertyName("control_port")]
    public int ControlPort { get; init; }

    [JsonPropertyName("hb_port")]
    public int HeartbeatPort { get; init; }

    /// <summary>The HMAC key; empty disables signing (as Jupyter allows).</summary>
    [JsonPropertyName("key")]
    public string Key { get; init; } = "";

    /// <summary>Only "hmac-sha256" is supported.</summary>
    [JsonPropertyName("signature_scheme")]
    public string SignatureScheme { get; init; } = "hmac-sha256";

    /// <summary>Reads a connection file written by a Jupyter client.</summary>
    public static KernelConnection Load(string path)
    {
        try
        {
            var connection = JsonSerializer.Deserialize<KernelConnection>(File.ReadAllText(path))
                ?? throw new CollabInsightsException($"Connection file {path} is empty.");
            if (connection.Key.Length > 0 && !string.Equals(connection.SignatureScheme, "hmac-sha256", StringComparison.OrdinalIgnoreCase))
            {
                throw new CollabInsightsException($"Connection file {path} asks for signature scheme '{connection.SignatureScheme}'; only hmac-sha256 is supported.");
            }

            return connection;
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            throw new CollabInsightsException($"Cannot read the Jupyter connection file {path}: {e.Message}. Jupyter passes it as `collab kernel -f {{connection_file}}`.", e);
        }
    }

    /// <summary>The ZeroMQ endpoint of a port.</summary>
    public string Endpoint(int port) =>
        string.Equals(Transport, "ipc", StringComparison.OrdinalIgnoreCase) ? $"ipc://{Ip}-{port}" : $"{Transport}://{Ip}:{port}";
}
