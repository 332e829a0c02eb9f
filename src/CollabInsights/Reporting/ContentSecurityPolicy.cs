using System.Security.Cryptography;
using System.Text;

namespace CollabInsights.Reporting;

/// <summary>
/// The Content-Security-Policy of every HTML page the kit writes: nothing from the network (<c>default-src 'none'</c>),
/// scripts only when their SHA-256 hash is listed (the kit's own: plotly.js and each chart's drawing script; no
/// <c>'unsafe-inline'</c>, no <c>'unsafe-eval'</c>, so an injected <c>&lt;script&gt;</c> or event-handler attribute does not run),
/// inline styles (plotly.js styles its charts), images and fonts only as <c>data:</c>/<c>blob:</c> URLs, no forms, no base URL.
/// </summary>
public static class ContentSecurityPolicy
{
    /// <summary>The <c>'sha256-...'</c> source expression of an inline script whose text (between the tags) is <paramref name="script"/>.</summary>
    public static string HashSource(string script)
    {
        ArgumentNullException.ThrowIfNull(script);
        return "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script))) + "'";
    }

    /// <summary>The policy allowing exactly the inline scripts <paramref name="scripts"/> (their texts; duplicates count once).</summary>
    public static string Policy(IEnumerable<string> scripts)
    {
        ArgumentNullException.ThrowIfNull(scripts);
        var hashes = scripts.Select(HashSource).Distinct(StringComparer.Ordinal).ToList();
        var scriptSrc = hashes.Count == 0 ? "'none'" : string.Join(' ', hashes);
        return "default-src 'none'; script-src " + scriptSrc + "; style-src 'unsafe-inline'; img-src data: blob:; font-src data:; base-uri 'none'; form-action 'none'";
    }

    /// <summary>The <c>&lt;meta http-equiv="Content-Security-Policy"&gt;</c> tag of <see cref="Policy"/>, to put first in the page's head.</summary>
    public static string MetaTag(IEnumerable<string> scripts) =>
        "<meta http-equiv=\"Content-Security-Policy\" content=\"" + Policy(scripts) + "\">\n";
}
