using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using NetMQ;

namespace CollabInsights.Notebooks.Kernel.Internal;

/// <summary>A message of the Jupyter messaging protocol (5.3) with its routing identities.</summary>
internal sealed class JupyterMessage
{
    public const string Delimiter = "<IDS|MSG>";
    public const string ProtocolVersion = "5.3";

    public List<byte[]> Identities { get; init; } = [];

    public JsonObject Header { get; init; } = [];

    public JsonObject ParentHeader { get; init; } = [];

    public JsonObject Metadata { get; init; } = [];

    public JsonObject Content { get; init; } = [];

    public string MessageType => Header["msg_type"]?.GetValue<string>() ?? "";

    /// <summary>Parses a multipart message; returns null (with a reason) when malformed or badly signed.</summary>
    public static JupyterMessage? Parse(NetMQMessage frames, MessageSigner signer, out string? problem)
    {
        problem = null;
        var identities = new List<byte[]>();
        var i = 0;
        for (; i < frames.FrameCount; i++)
        {
            var frame = frames[i].ToByteArray();
            if (Encoding.UTF8.GetString(frame) == Delimiter)
            {
                break;
            }

            identities.Add(frame);
        }

        if (i + 6 > frames.FrameCount)
        {
            problem = "malformed message (no delimiter or too few frames)";
            return null;
        }

        var signature = frames[i + 1].ConvertToString(Encoding.ASCII);
        var parts = new[] { frames[i + 2].ToByteArray(), frames[i + 3].ToByteArray(), frames[i + 4].ToByteArray(), frames[i + 5].ToByteArray() };
        if (!signer.Verify(signature, parts))
        {
            problem = "bad signature";
            return null;
        }

        try
        {
            return new JupyterMessage
            {
                Identities = identities,
                Header = Json(parts[0]),
                ParentHeader = Json(parts[1]),
                Metadata = Json(parts[2]),
                Content = Json(parts[3]),
            };
        }
        catch (System.Text.Json.JsonException e)
        {
            problem = "invalid JSON: " + e.Message;
            return null;
        }
    }

    /// <summary>A new message answering or caused by <paramref name="parent"/>.</summary>
    public static JupyterMessage Create(string type, JsonObject content, JupyterMessage? parent, string session, IEnumerable<byte[]>? identities = null) => new()
    {
        Identities = identities?.ToList() ?? [],
        Header = new JsonObject
        {
            ["msg_id"] = Guid.NewGuid().ToString(),
            ["session"] = session,
            ["username"] = "kernel",
            ["date"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture),
            ["msg_type"] = type,
            ["version"] = ProtocolVersion,
        },
        ParentHeader = parent is null ? [] : (JsonObject)parent.Header.DeepClone(),
        Content = content,
    };

    public NetMQMessage ToFrames(MessageSigner signer)
    {
        var parts = new[] { Bytes(Header), Bytes(ParentHeader), Bytes(Metadata), Bytes(Content) };
        var message = new NetMQMessage();
        foreach (var identity in Identities)
        {
            message.Append(identity);
        }

        message.Append(Delimiter);
        message.Append(signer.Sign(parts));
        foreach (var part in parts)
        {
            message.Append(part);
        }

        return message;
    }

    private static JsonObject Json(byte[] bytes) => bytes.Length == 0 ? [] : JsonNode.Parse(bytes) as JsonObject ?? [];

    private static byte[] Bytes(JsonObject json) => Encoding.UTF8.GetBytes(json.ToJsonString());
}
