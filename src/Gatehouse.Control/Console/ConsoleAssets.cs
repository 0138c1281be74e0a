using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.Control.Console;

/// <summary>The console's script, stylesheet and icon, embedded in the assembly and served from <c>/console/assets/{name}</c>.</summary>
internal static class ConsoleAssets
{
    private static readonly FrozenDictionary<string, (byte[] Content, string Type)> Files = Load();

    public static async Task ServeAsync(HttpContext context, string name)
    {
        if (!Files.TryGetValue(name, out var file))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        ConsoleHeaders.Apply(context.Response, cacheable: true);
        context.Response.ContentType = file.Type;
        context.Response.ContentLength = file.Content.Length;
        await context.Response.Body.WriteAsync(file.Content, context.RequestAborted);
    }

    private static FrozenDictionary<string, (byte[], string)> Load()
    {
        const string prefix = "Gatehouse.Control.Console.Assets.";
        var assembly = typeof(ConsoleAssets).Assembly;
        var files = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var name = resource[prefix.Length..];
            var type = Path.GetExtension(name) switch
            {
                ".js" => "text/javascript; charset=utf-8",
                ".css" => "text/css; charset=utf-8",
                ".svg" => "image/svg+xml",
                _ => "application/octet-stream",
            };
            files[name] = (buffer.ToArray(), type);
        }

        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
