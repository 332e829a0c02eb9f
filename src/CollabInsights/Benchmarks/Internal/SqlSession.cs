using System.Data.Common;

namespace CollabInsights.Benchmarks.Internal;

/// <summary>One connection (and optional transaction) for a unit of work; parameters are positional <c>@p0</c>, <c>@p1</c>, ...</summary>
internal sealed class SqlSession(DbConnection connection, DbTransaction? transaction, Dictionary<string, DbCommand>? cache, bool prepare, CancellationToken cancellationToken)
{
    public CancellationToken CancellationToken => cancellationToken;

    public async Task<int> ExecuteAsync(string sql, params object?[] args)
    {
        var command = await CommandAsync(sql, args).ConfigureAwait(false);
        try
        {
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await ReleaseAsync(command).ConfigureAwait(false);
        }
    }

    public async Task<object?> ScalarAsync(string sql, params object?[] args)
    {
        var command = await CommandAsync(sql, args).ConfigureAwait(false);
        try
        {
            var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return value is DBNull ? null : value;
        }
        finally
        {
            await ReleaseAsync(command).ConfigureAwait(false);
        }
    }

    public async Task<List<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> map, params object?[] args)
    {
        var command = await CommandAsync(sql, args).ConfigureAwait(false);
        try
        {
            var rows = new List<T>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(map(reader));
            }

            return rows;
        }
        finally
        {
            await ReleaseAsync(command).ConfigureAwait(false);
        }
    }

    public async Task ForEachAsync(string sql, Action<DbDataReader> row, params object?[] args)
    {
        var command = await CommandAsync(sql, args).ConfigureAwait(false);
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                row(reader);
            }
        }
        finally
        {
            await ReleaseAsync(command).ConfigureAwait(false);
        }
    }

    private async Task<DbCommand> CommandAsync(string sql, object?[] args)
    {
        DbCommand? command = null;
        if (cache is not null && !cache.TryGetValue(sql, out command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            cache[sql] = command;
        }

        if (command is null)
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
        }

        command.Transaction = transaction;
        command.Parameters.Clear();
        for (var i = 0; i < args.Length; i++)
        {
            var p = command.CreateParameter();
            p.ParameterName = "p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            p.Value = args[i] ?? DBNull.Value;
            command.Parameters.Add(p);
        }

        if (prepare)
        {
            await command.PrepareAsync(cancellationToken).ConfigureAwait(false);
        }

        return command;
    }

    private async Task ReleaseAsync(DbCommand command)
    {
        if (cache is null)
        {
            await command.DisposeAsync().ConfigureAwait(false);
        }
    }
}
