using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CollabInsights.OnChain.Extraction.Internal;

/// <summary>The output folder: chunk folders written atomically (temp folder, fsync, rename) and the checkpoint.</summary>
internal sealed partial class ChunkStore
{
    internal static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public ChunkStore(string outputDirectory)
    {
        OutputDirectory = Path.GetFullPath(outputDirectory);
        ChunksDirectory = Path.Combine(OutputDirectory, "chunks");
        Directory.CreateDirectory(ChunksDirectory);
    }

    public string OutputDirectory { get; }

    public string ChunksDirectory { get; }

    public string CheckpointPath => Path.Combine(OutputDirectory, "checkpoint.json");

    public IReadOnlyList<ChunkInfo> ListChunks()
    {
        var list = new List<ChunkInfo>();
        foreach (var dir in Directory.EnumerateDirectories(ChunksDirectory))
        {
            var m = ChunkName().Match(Path.GetFileName(dir));
            if (m.Success)
            {
                list.Add(new ChunkInfo(long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), dir));
            }
        }

        return [.. list.OrderBy(c => c.FromBlock)];
    }

    public ExtractionCheckpoint? LoadCheckpoint()
    {
        if (!File.Exists(CheckpointPath))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ExtractionCheckpoint>(File.ReadAllBytes(CheckpointPath), Json);
        }
        catch (JsonException e)
        {
            throw new CollabInsightsException($"The checkpoint {CheckpointPath} is not valid JSON ({e.Message}). Delete the output folder to start over.", e);
        }
    }

    public void SaveCheckpoint(ExtractionCheckpoint checkpoint) =>
        AtomicFile.WriteAllBytes(CheckpointPath, JsonSerializer.SerializeToUtf8Bytes(checkpoint, Json));

    /// <summary>Removes half-written temp folders and chunks beyond the checkpoint (written before a crash, never checkpointed).</summary>
    public int RemoveUncommitted(long lastCompletedBlock)
    {
        var removed = 0;
        foreach (var dir in Directory.EnumerateDirectories(ChunksDirectory, ".tmp-*"))
        {
            Directory.Delete(dir, recursive: true);
        }

        foreach (var chunk in ListChunks())
        {
            if (chunk.FromBlock > lastCompletedBlock)
            {
                Directory.Delete(chunk.Path, recursive: true);
                removed++;
            }
            else if (chunk.ToBlock > lastCompletedBlock)
            {
                throw new CollabInsightsException($"The chunk {chunk.Path} straddles the checkpoint (block {lastCompletedBlock}); the output folder was edited by hand. Delete the output folder to start over.");
            }
        }

        return removed;
    }

    public async Task<ChunkInfo> WriteChunkAsync(long fromBlock, long toBlock, IReadOnlyList<TableChunk> tables, ITableFormat format, CancellationToken cancellationToken)
    {
        var name = ChunkDirectoryName(fromBlock, toBlock);
        var temp = Path.Combine(ChunksDirectory, ".tmp-" + name + "-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(temp);
        await format.WriteAsync(temp, tables, cancellationToken).ConfigureAwait(false);
        var schema = new ChunkSchema(fromBlock, toBlock, [.. tables.Select(t => new ChunkSchemaTable(t.Table.Name, t.Table.Signature, t.Table.ParameterColumns, t.Rows.Count))]);
        File.WriteAllBytes(Path.Combine(temp, "schema.json"), JsonSerializer.SerializeToUtf8Bytes(schema, Json));
        AtomicFile.FlushDirectory(temp);
        var final = Path.Combine(ChunksDirectory, name);
        if (Directory.Exists(final))
        {
            Directory.Delete(final, recursive: true);
        }

        Directory.Move(temp, final);
        return new ChunkInfo(fromBlock, toBlock, final);
    }

    public static ChunkSchema ReadSchema(string chunkDirectory) =>
        JsonSerializer.Deserialize<ChunkSchema>(File.ReadAllBytes(Path.Combine(chunkDirectory, "schema.json")), Json)
        ?? throw new CollabInsightsException($"{chunkDirectory}/schema.json is empty. Delete the output folder to start over.");

    public static string ChunkDirectoryName(long fromBlock, long toBlock) =>
        string.Create(CultureInfo.InvariantCulture, $"{fromBlock:D12}-{toBlock:D12}");

    [GeneratedRegex(@"^(\d{12,})-(\d{12,})$")]
    private static partial Regex ChunkName();
}
