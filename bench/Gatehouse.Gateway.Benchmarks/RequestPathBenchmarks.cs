using BenchmarkDotNet.Attributes;
using Gatehouse.Gateway.Exchanges;
using Gatehouse.Gateway.Masking;
using Gatehouse.Gateway.Tests.Masking.Legacy;
using Gatehouse.Masking;
using Gatehouse.Policy;
using Gatehouse.Protocols.Json;
using Gatehouse.Protocols;

namespace Gatehouse.Gateway.Benchmarks;

/// <summary>
/// An understood request's way through Understand and Mask (parse, read the request, mask every string, split-secret
/// scan, the bytes handed to forwarding) before the one-pass change (<c>Before</c>, the frozen path the property tests
/// prove the new one against) and after it (<c>After</c>, the product's stages as the exchange handler runs them).
/// </summary>
/// <remarks>Run: <c>dotnet run -c Release --project bench/Gatehouse.Gateway.Benchmarks -- --filter '*RequestPath*'</c>.</remarks>
[MemoryDiagnoser]
public class RequestPathBenchmarks
{
    private readonly MaskingEngine _engine = new(new MaskingOptions { FingerprintKey = new byte[32] });
    private readonly IProtocolAdapter _adapter = new ProtocolRegistry().Get(ApiKind.OpenAIChat)!;
    private RequestMaskingStage _stage = null!;
    private byte[] _body = [];

    /// <summary>Gets or sets the body: a 1 KB chat request, the 49 KB agent request, or that with one secret to mask.</summary>
    [Params("1KB", "49KB", "49KB+secret")]
    public string Body { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _stage = new RequestMaskingStage(new RequestMasker(_engine), _engine);
        var user = "Why does the build fail on CI but not locally? The log says the test host crashed.";
        _body = Body switch
        {
            "1KB" => AgentRequest.Build(600, 1, user),
            "49KB" => AgentRequest.Build(40_000, 17, user),
            _ => AgentRequest.Build(40_000, 17, user + " My key is AKIAQWERTYZXCVBNMLKJ."),
        };
    }

    [Benchmark(Baseline = true)]
    public int Before()
    {
        var (forwarded, request, findings) = LegacyRequestPath.Run(_adapter, _engine, _body);
        var split = SplitSecretScan.Find(_engine, request!.TextPieces);
        return forwarded.Length + findings.Count + split.Count;
    }

    [Benchmark]
    public int After()
    {
        var exchange = new Exchange("bench", TimeProvider.System, "POST") { Adapter = _adapter, RequestBody = _body };
        using var json = RequestJson.TryParse(_body, out _);
        exchange.Request = _adapter.ReadRequest(json!).Request;
        var refusal = _stage.Apply(exchange, MaskingMode.Mask, "application/json", json);
        return exchange.RequestBody.Length + exchange.RequestFindings.Count + (refusal is null ? 0 : 1);
    }
}
