using System.Net.Http.Headers;
using System.Text;
using CollabInsights.OnChain.Rpc.Internal;
using Nethereum.JsonRpc.Client;

namespace CollabInsights.OnChain.Rpc;

/// <summary>
/// An Ethereum JSON-RPC endpoint URL. Providers put API keys in the URL (a path segment, a
/// query parameter, or user:password), so everything the kit prints or logs uses
/// <see cref="Redacted"/>; <see cref="ToString"/> is redacted too. Only the HTTP client sees <see cref="Url"/>.
/// A URL's <c>user:password@</c> is sent as HTTP Basic authentication (<see cref="Authorization"/>), never in the request line.
/// <see cref="CreateClient"/> gives the Nethereum JSON-RPC client every on-chain call of the kit goes through.
/// </summary>
public sealed class RpcEndpoint
{
    /// <summary>The environment variable naming the default endpoint: <c>COLLAB_RPC_URL</c>.</summary>
    public const string EnvironmentVariable = "COLLAB_RPC_URL";

    private const string Mask = "***";
    private readonly string[] _secrets;

    private RpcEndpoint(Uri url)
    {
        Url = url;
        var secrets = new List<string>();
        Redacted = BuildRedacted(url, secrets);
        Authorization = BasicAuthorization(url);
        Address = string.IsNullOrEmpty(url.UserInfo) ? url : new UriBuilder(url) { UserName = string.Empty, Password = string.Empty }.Uri;
        _secrets = secrets.Where(s => s.Length >= 4).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length).ToArray();
    }

    /// <summary>The full URL, secrets included: give it only to the HTTP client.</summary>
    public Uri Url { get; }

    /// <summary>The URL without its user info: where requests go (the credentials travel in <see cref="Authorization"/>).</summary>
    public Uri Address { get; }

    /// <summary>HTTP Basic authentication from the URL's <c>user:password@</c> (percent-decoded, UTF-8), or null when the URL has none.</summary>
    public AuthenticationHeaderValue? Authorization { get; }

    /// <summary>
    /// The URL with its secret parts replaced by <c>***</c>: user info, every query value, and
    /// path segments that look like keys (16 or more characters, or 8 or more mixing letters and digits).
    /// </summary>
    public string Redacted { get; }

    /// <summary>Parses an http(s) URL; throws <see cref="CollabInsightsException"/> (with the URL redacted) when it is not one.</summary>
    public static RpcEndpoint Parse(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new CollabInsightsException($"'{RedactLoose(url)}' is not an http(s) JSON-RPC URL. Give one like http://127.0.0.1:8545 (or set {EnvironmentVariable}).");
        }

        return new RpcEndpoint(uri);
    }

    /// <summary>The endpoint named by <c>COLLAB_RPC_URL</c>, or null when the variable is unset or empty.</summary>
    public static RpcEndpoint? FromEnvironment()
    {
        var value = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return string.IsNullOrWhiteSpace(value) ? null : Parse(value);
    }

    /// <summary>Replaces every secret part of this URL (and the full URL) found in <paramref name="text"/>, e.g. in an exception message from the HTTP stack.</summary>
    public string Scrub(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        var result = text.Replace(Url.OriginalString, Redacted, StringComparison.Ordinal)
            .Replace(Url.AbsoluteUri, Redacted, StringComparison.Ordinal);
        foreach (var secret in _secrets)
        {
            result = result.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return result;
    }

    /// <summary>The redacted URL.</summary>
    public override string ToString() => Redacted;

    /// <summary>
    /// A Nethereum JSON-RPC client for this endpoint: requests go to <see cref="Address"/> with <see cref="Authorization"/>,
    /// through <paramref name="httpClient"/> when given (its handler and default headers; the client sets its base address)
    /// or a pooled one of its own. Connection failures, HTTP errors and timeouts (Nethereum's <see cref="ClientBase.ConnectionTimeout"/>, 20 s unless changed)
    /// throw <see cref="EthereumRpcException"/> naming the method and the redacted endpoint; JSON-RPC errors stay
    /// Nethereum's <see cref="RpcResponseException"/> (code, message and revert data), which its contract handlers decode.
    /// </summary>
    public IClient CreateClient(HttpClient? httpClient = null)
    {
        var http = httpClient ?? new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), MaxConnectionsPerServer = 64 });
        var client = new RpcClient(Address, http, Authorization)
        {
            OverridingRequestInterceptor = new EndpointFailures(this),
        };
        return client;
    }

    private static AuthenticationHeaderValue? BasicAuthorization(Uri url)
    {
        if (string.IsNullOrEmpty(url.UserInfo))
        {
            return null;
        }

        var colon = url.UserInfo.IndexOf(':', StringComparison.Ordinal);
        var user = Uri.UnescapeDataString(colon < 0 ? url.UserInfo : url.UserInfo[..colon]);
        var password = colon < 0 ? string.Empty : Uri.UnescapeDataString(url.UserInfo[(colon + 1)..]);
        return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
    }

    private static string BuildRedacted(Uri url, List<string> secrets)
    {
        var builder = new StringBuilder();
        builder.Append(url.Scheme).Append("://");
        if (!string.IsNullOrEmpty(url.UserInfo))
        {
            secrets.AddRange(url.UserInfo.Split(':'));
            secrets.AddRange(Uri.UnescapeDataString(url.UserInfo).Split(':'));
            builder.Append(Mask).Append('@');
        }

        builder.Append(url.IsDefaultPort ? url.Host : $"{url.Host}:{url.Port}");
        var segments = url.AbsolutePath.Split('/');
        builder.Append(string.Join('/', segments.Select(s =>
        {
            if (LooksSecret(Uri.UnescapeDataString(s)))
            {
                secrets.Add(s);
                secrets.Add(Uri.UnescapeDataString(s));
                return Mask;
            }

            return s;
        })));

        if (url.Query.Length > 1)
        {
            var pairs = url.Query[1..].Split('&').Select(pair =>
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                if (eq < 0)
                {
                    secrets.Add(pair);
                    return Mask;
                }

                var value = pair[(eq + 1)..];
                secrets.Add(value);
                secrets.Add(Uri.UnescapeDataString(value));
                return pair[..(eq + 1)] + Mask;
            });
            builder.Append('?').Append(string.Join('&', pairs));
        }

        if (url.Fragment.Length > 1)
        {
            secrets.Add(url.Fragment[1..]);
            builder.Append('#').Append(Mask);
        }

        return builder.ToString();
    }

    private static bool LooksSecret(string segment) =>
        segment.Length >= 16 || (segment.Length >= 8 && segment.Any(char.IsAsciiLetter) && segment.Any(char.IsAsciiDigit));

    private static string RedactLoose(string text) =>
        Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) ? new RpcEndpoint(uri).Redacted : (text.Length > 12 ? text[..12] + Mask : text);
}
