using Gatehouse.Gateway.Configuration.Loading;
using Gatehouse.Gateway.Configuration.Sections;

namespace Gatehouse.Gateway.Configuration.Server;

/// <summary><c>server</c>: the listen URLs, the public URL and the certificate https URLs are served with.</summary>
internal sealed class ServerSection : ConfigSection<ServerConfig>
{
    public override string Key => "server";

    public override ServerConfig Read(GatehouseConfig config) => config.Server;

    public override GatehouseConfig Write(GatehouseConfig config, ServerConfig? options) => config with { Server = options ?? new() };

    public override ServerConfig Bind(SectionReader s, SectionBindContext context)
    {
        var urls = s.StringList("urls") ?? new ServerConfig().Urls;
        var publicUrl = s.String("publicUrl");
        var tls = ServerTlsBinder.Bind(s, urls);
        s.ReportUnknownKeys();
        return new ServerConfig { Urls = urls, PublicUrl = publicUrl?.TrimEnd('/'), Tls = tls };
    }

    public override void Validate(ServerConfig options, SectionValidation validation)
    {
        for (var i = 0; i < options.Urls.Count; i++)
        {
            if (!HttpUrl.IsValid(options.Urls[i]))
            {
                validation.Add(ConfigNode.ItemPath(PathOf("urls"), i), $"'{options.Urls[i]}' {HttpUrl.NotOne}");
            }
        }

        if (options.PublicUrl is { } publicUrl && !HttpUrl.IsValid(publicUrl))
        {
            validation.Add(PathOf("publicUrl"), $"'{publicUrl}' {HttpUrl.NotOne}");
        }
    }
}
