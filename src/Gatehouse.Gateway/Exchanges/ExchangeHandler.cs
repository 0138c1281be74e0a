using System.Diagnostics;
using System.Runtime.InteropServices;
using Gatehouse.Audit;
using Gatehouse.Audit.Records;
using Gatehouse.Gateway.Access;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Decisions;
using Gatehouse.Gateway.Forwarding;
using Gatehouse.Gateway.Identity;
using Gatehouse.Gateway.Identity.Refusals;
using Gatehouse.Gateway.Masking;
using Gatehouse.Gateway.Mcp;
using Gatehouse.Gateway.Routing;
using Gatehouse.Gateway.Telemetry;
using Gatehouse.Policy;
using Gatehouse.Protocols;
using Gatehouse.Protocols.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Forwarder;

namespace Gatehouse.Gateway.Exchanges;

/// <summary>
/// Runs one exchange through the data path, from the caller's request to the audit record of its outcome.
/// </summary>
/// <remarks>
/// <para>The stages, in order (see docs/designs/data-path.md):</para>
/// <list type="number">
/// <item><b>Identify</b>: the bearer token or API key becomes a <see cref="GatehouseIdentity"/>; without one the
/// exchange ends with 401 here, before anything about connections is revealed, and the refusal is audited as an
/// <c>identity.refused</c> entry (the failure code, never the credential). Refusals are limited per source address
/// (429 beyond <c>limits.unauthenticatedPerMinute</c>) and counted into few entries per interval (<see cref="RefusedCallers"/>).</item>
/// <item><b>Route</b>: <c>/{connection}/{**path}</c> selects the connection (404 if unknown), its group allow-list is
/// checked (403, unless the caller holds an active just-in-time grant to it), and the remaining path is checked for
/// tricks an upstream could read differently (400).</item>
/// <item><b>Understand</b>: the body is read, bounded (413), and the protocol adapter for the API parses exactly those
/// bytes (400 when an understood API's body is malformed), whatever its <c>Content-Type</c>, and it is forwarded as
/// <c>application/json</c>. Compressed request bodies are refused wherever bodies are inspected (understood APIs, and
/// any body on a connection that masks requests): the gateway inspects what it forwards and forwards what it
/// inspected. WebSocket and other upgrades, and CONNECT, are refused (501): no adapter reads a raw stream.</item>
/// <item><b>Mask the request</b>: the query's names and values (percent-decoded) are masked as soon as the connection is
/// known, so even a refusal records them masked. Every string of a JSON body, property names included, goes through
/// the masking engine; on opaque paths a body is read for what it is (JSON, form, text) rather than what its header
/// says, and one that cannot be read (not UTF-8, multipart) is refused with 415. An understood body is parsed once: the
/// adapter reads that document and masking walks it, splicing masked strings into the body's own bytes; when nothing
/// is masked those bytes are forwarded untouched, otherwise the request is read again from the masked bytes, so policy
/// and the audit see exactly what is forwarded (a blocking connection refuses with 422 instead). The audit only sees masked prompts, and only the size of
/// a body refused before it was inspected.</item>
/// <item><b>Decide</b>: policy (hot-reloaded) on the masked request and its findings: deny (403 with the rule's reason),
/// approval (held below), stricter response masking, metadata-only audit, whether a rule could hold the response; an MCP
/// call of a tool whose pinned definition is not accepted is refused. No policy file: the allow-lists decide.</item>
/// <item><b>Record intent</b>: the intent is appended to the audit and awaited until durable. If that fails the
/// exchange ends with 503 and the upstream is never called, unless <c>audit.failureMode</c> is <c>open</c>.</item>
/// <item><b>Forward</b>: YARP sends the inspected bytes with the connection's credential; the response streams back
/// through a <see cref="ResponseTap"/>, which builds the response's pipeline once when the upstream's headers arrive
/// (see docs/designs/response-pipeline.md): one SSE parse, and one read of each event into normalised deltas that
/// masking's output, the hold, the audit capture and the client writer share. On a masked connection the adapter's
/// rewriter masks each text, reasoning and tool-argument delta (holding back only what could still be the start of a
/// secret) and only what it rewrote is released; a response it cannot read is cut, not passed on (fail closed). The
/// capture sees what the client sees. When policy may hold the response, text still streams; from the first tool call
/// on the rest is held until the upstream is done, judged, and released, held for a reviewer, or replaced by a refusal
/// in the API's own shape.</item>
/// <item><b>Response facts</b>: the tap records what the response was (bytes, summary, findings); a tools/list's pins.</item>
/// <item><b>Record outcome</b>: status, text, tool calls, usage, coverage and any failure (client gone, upstream reset,
/// malformed stream) are appended, whatever happened to the client.</item>
/// </list>
/// <para>Refusals after identification (403, 400, 413) are audited as exchanges with a <c>deny</c> decision; on an
/// <c>mcp</c> connection a policy refusal is a JSON-RPC error (docs/designs/mcp.md).</para>
/// </remarks>
internal sealed class ExchangeHandler
{
    private readonly GatehouseConfig _config;
    private readonly ConnectionCatalog _connections;
    private readonly IdentityResolver _identity;
    private readonly ProtocolRegistry _protocols;
    private readonly IAuditTrail _audit;
    private readonly IHttpForwarder _forwarder;
    private readonly GatewayMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger<ExchangeHandler> _logger;
    private readonly RequestMaskingStage _requestMasking;
    private readonly DecisionStage _decisions;
    private readonly Mcp.Pinning.McpToolPins _toolPins;
    private readonly Mcp.Progress.McpHeldProgress _approvals;
    private readonly ActiveGrants _grants;
    private readonly ResponseHolds.ResponseHoldStage _responseHolds;
    private readonly ResponsePipelines _responsePipelines;
    private readonly RefusedCallers _refusals;
    private readonly ExchangeEndings _endings;
    private readonly ForwarderRequestConfig _forwarderConfig;

    public ExchangeHandler(
        GatehouseConfig config,
        ConnectionCatalog connections,
        IdentityResolver identity,
        ProtocolRegistry protocols,
        IAuditTrail audit,
        RequestMaskingStage requestMasking,
        DecisionStage decisions,
        Mcp.Pinning.McpToolPins toolPins,
        Mcp.Progress.McpHeldProgress approvals,
        ActiveGrants grants,
        ResponseHolds.ResponseHoldStage responseHolds,
        ResponsePipelines responsePipelines,
        RefusedCallers refusals,
        ExchangeEndings endings,
        IHttpForwarder forwarder,
        GatewayMetrics metrics,
        TimeProvider time,
        ILogger<ExchangeHandler> logger)
    {
        _config = config;
        _connections = connections;
        _identity = identity;
        _protocols = protocols;
        _audit = audit;
        _requestMasking = requestMasking;
        _decisions = decisions;
        _toolPins = toolPins;
        _approvals = approvals;
        _grants = grants;
        _responseHolds = responseHolds;
        _responsePipelines = responsePipelines;
        _refusals = refusals;
        _endings = endings;
        _forwarder = forwarder;
        _metrics = metrics;
        _time = time;
        _logger = logger;
        _forwarderConfig = new ForwarderRequestConfig { ActivityTimeout = config.Limits.UpstreamTimeout };
    }

    public async Task HandleAsync(HttpContext context)
    {
        var exchange = new Exchange(Guid.CreateVersion7(_time.GetUtcNow()).ToString("D"), _time, context.Request.Method);
        context.Features.Set(exchange);
        using var activity = GatewayTelemetry.Source.StartActivity("gatehouse.exchange", ActivityKind.Server);
        activity?.SetTag(GatewayTelemetry.ExchangeTag, exchange.Id);

        var status = await RunAsync(context, exchange);

        var connection = exchange.Connection?.Name ?? "";
        var api = exchange.Api.ToName();
        var decision = exchange.Decision.ToName();
        _metrics.Record(connection, api, status, decision, exchange.Elapsed, exchange.UpstreamElapsed);
        activity?.SetTag(GatewayTelemetry.ConnectionTag, connection);
        activity?.SetTag(GatewayTelemetry.ApiTag, api);
        activity?.SetTag(GatewayTelemetry.DecisionTag, decision);
        if (exchange.Failure is { } failure)
        {
            activity?.SetTag(GatewayTelemetry.FailureTag, failure.ToName());
            activity?.SetStatus(ActivityStatusCode.Error, failure.ToName());
        }
    }

    private async Task<int> RunAsync(HttpContext context, Exchange exchange)
    {
        var aborted = context.RequestAborted;
        exchange.ClientAddress = context.Connection.RemoteIpAddress?.ToString();
        exchange.UserAgent = ExchangeResponses.UserAgent(context);

        // 1. Identify.
        var auth = await _identity.AuthenticateAsync(context);
        if (!auth.Succeeded)
        {
            if (!await _refusals.RefuseAsync(exchange, context.GetRouteValue("connection") as string, auth.Failure, aborted))
            {
                context.Response.Headers.RetryAfter = RefusedCallers.RetryAfterSeconds(_config.Limits.UnauthenticatedPerMinute);
                await ExchangeResponses.WriteProblemAsync(context, StatusCodes.Status429TooManyRequests, ExchangeFailureCode.TooManyRefusals, "Too many refused requests",
                    $"This address sent more than {_config.Limits.UnauthenticatedPerMinute} requests a minute that could not be identified. "
                    + "Check the token or API key your client sends, then try again after the Retry-After delay.");
                return StatusCodes.Status429TooManyRequests;
            }

            Log.Unauthenticated(_logger, auth.Failure.Code.ToName());
            await IdentityResolver.WriteProblemAsync(context, auth.Failure, McpResources.MetadataUrl(_config.Server, _connections, context.GetRouteValue("connection") as string));
            return auth.Failure.Status;
        }

        exchange.Caller = auth.Identity;
        exchange.Coverage |= Coverage.Identity;

        // 2. Route.
        var name = context.GetRouteValue("connection") as string ?? "";
        var connection = _connections.Find(name);
        if (connection is null)
        {
            await ExchangeResponses.WriteProblemAsync(context, StatusCodes.Status404NotFound, ExchangeFailureCode.UnknownConnection, "Unknown connection",
                $"There is no connection named '{name}'. Use a base URL of the form /{{connection}}/..., with a connection from the gateway's configuration.");
            return StatusCodes.Status404NotFound;
        }

        exchange.Connection = connection;
        exchange.ResponseMasking = connection.Config.Masking.Response;
        context.Request.Path.StartsWithSegments("/" + name, StringComparison.OrdinalIgnoreCase, out var remaining);
        exchange.UpstreamPath = remaining.Value ?? "";
        exchange.Query = _requestMasking.MaskQuery(exchange, connection.Config.Masking.Request, context.Request.QueryString.Value);

        // Grants are read before the synchronous policy evaluation, which sees them as `grants`.
        exchange.Grants = await _grants.ForAsync(auth.Identity.PrincipalKey, aborted);
        if (!connection.Allows(auth.Identity.Groups) && !exchange.Grants.Contains(connection.Name, StringComparer.Ordinal))
        {
            return await _endings.RefuseAsync(context, exchange, StatusCodes.Status403Forbidden, ExchangeFailureCode.ConnectionForbidden, "Access denied",
                $"You are not in a group allowed to use the connection '{connection.Name}'. Ask for access to one of: {string.Join(", ", connection.Config.AllowGroups)}."
                + (_config.Access.For(connection.Name) is null ? "" : $" Or request temporary access: gatehouse access request --connection {connection.Name} --for 1h --reason \"...\"."));
        }

        if (McpResources.AudienceFailure(_config.Server, connection.Config, auth.Identity) is { } wrongAudience)
        {
            // Like any token the gateway cannot accept, answered 401 and not recorded as an exchange.
            Log.Unauthenticated(_logger, wrongAudience.Code.ToName());
            await IdentityResolver.WriteProblemAsync(context, wrongAudience, McpResources.MetadataUrl(_config.Server, connection.Config));
            return wrongAudience.Status;
        }

        exchange.Coverage |= Coverage.Authorization;
        if (PathGuard.Check(exchange.UpstreamPath) is { } pathProblem)
        {
            return await _endings.RefuseAsync(context, exchange, StatusCodes.Status400BadRequest, ExchangeFailureCode.InvalidPath, "Invalid path", $"The request was refused: {pathProblem}.");
        }

        if (UpgradeGuard.IsUpgrade(context))
        {
            // An upgraded connection is a raw stream nothing here can mask, hold or record; no adapter reads one.
            return await _endings.RefuseAsync(context, exchange, StatusCodes.Status501NotImplemented, ExchangeFailureCode.UpgradeNotSupported, "Upgrade not supported",
                "The gateway does not forward WebSocket or other protocol upgrades, nor CONNECT: what flows over them could not be inspected or audited. Use the API's HTTP endpoints instead.");
        }

        // 3. Understand.
        exchange.Adapter = _protocols.Resolve(connection.Config.Kind, exchange.Method, exchange.UpstreamPath);
        ReadOnlyMemory<byte>? read;
        try
        {
            read = await RequestBodyReader.ReadAsync(context.Request, _config.Limits.MaxRequestBodyBytes, aborted);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            // Kestrel says 408 for a body slower than limits.minRequestBodyBytesPerSecond, 400 for one that ended early.
            return await _endings.EndIncompleteAsync(context, exchange, (e as BadHttpRequestException)?.StatusCode ?? StatusCodes.Status400BadRequest);
        }

        if (read is not { } body)
        {
            return await _endings.RefuseAsync(context, exchange, StatusCodes.Status413PayloadTooLarge, ExchangeFailureCode.RequestTooLarge, "Request too large",
                $"The request body is larger than the gateway's limit of {_config.Limits.MaxRequestBodyBytes} bytes.");
        }

        exchange.RequestBody = body;
        if (body.Length > 0 && (exchange.Adapter is not null || connection.Config.Masking.Request != MaskingMode.Off)
            && context.Request.Headers.ContentEncoding.Count > 0 && context.Request.Headers.ContentEncoding.ToString() != "identity")
        {
            // Inspect what is forwarded: a compressed body would be forwarded with its content unseen.
            exchange.RequestBodyWithheld = true;
            return await _endings.RefuseAsync(context, exchange, StatusCodes.Status415UnsupportedMediaType, ExchangeFailureCode.UnsupportedContentEncoding,
                "Compressed request body", "The gateway inspects request bodies on this connection and does not accept compressed ones; send the body uncompressed.");
        }

        // An understood body is parsed once, here: the adapter reads it and masking walks the same document.
        string? jsonError = null;
        using var json = exchange.Adapter is null ? null : RequestJson.TryParse(body, out jsonError);
        if (exchange.Adapter is not null)
        {
            var parsed = json is null ? RequestParseResult.Fail($"request body {jsonError}") : exchange.Adapter.ReadRequest(json);
            if (parsed.Request is null)
            {
                exchange.RequestBodyWithheld = true;
                return await _endings.RefuseBodyAsync(context, exchange, json, $"The {exchange.Api.ToName()} request could not be understood: {parsed.Error}");
            }

            exchange.Request = parsed.Request;
            exchange.Coverage |= Coverage.Protocol;
            if (parsed.Request.Mcp is { } message && McpHeaderCheck.Check(context.Request.Headers, message) is { } mismatch)
            {
                // Checked on the body as the client sent it, before masking could change a name: recorded by size only.
                exchange.RequestBodyWithheld = true;
                return await _endings.RefuseAsync(context, exchange, mismatch.Status, mismatch.Code, mismatch.Title, mismatch.Detail, mismatch.Members);
            }
        }

        // 4. Mask the request, so the upstream and the audit only ever see masked prompts.
        if (_requestMasking.Apply(exchange, connection.Config.Masking.Request, context.Request.ContentType, json) is { } refusal)
        {
            return await _endings.RefuseAsync(context, exchange, refusal.Status, refusal.Code, refusal.Title, refusal.Detail);
        }

        // 5. Decide by policy (on the masked request and its findings), and an MCP tool call by its pinned definition.
        if ((_decisions.Decide(exchange) ?? await _toolPins.CheckAsync(exchange, aborted)) is { } denied)
        {
            return await _endings.RefuseDecisionAsync(context, exchange, denied);
        }

        // 6. Record intent, durably, before anything leaves: the body as forwarded (mcp.sampling may take a capability out).
        Mcp.Sampling.McpSamplingGate.RemoveCapability(exchange);
        var intent = await _audit.RecordIntentAsync(ExchangeRecords.Intent(exchange, _config.Audit), aborted);
        if (!intent.Success)
        {
            if (_config.Audit.FailureMode == AuditFailureMode.Closed)
            {
                Log.IntentFailedClosed(_logger, exchange.Id, intent.Error!);
                await ExchangeResponses.WriteProblemAsync(context, StatusCodes.Status503ServiceUnavailable, ExchangeFailureCode.AuditUnavailable, "Audit unavailable",
                    "The gateway could not record this request in its audit trail, so it was not forwarded. Try again shortly; if it persists, tell the gateway's operators.",
                    exchange.Id);
                return StatusCodes.Status503ServiceUnavailable;
            }

            Log.IntentFailedOpen(_logger, exchange.Id, intent.Error!);
            exchange.IntentDeferred = true;
        }
        else
        {
            exchange.Coverage |= Coverage.AuditIntent;
        }

        // Held for review: wait for a reviewer; forward only once approved.
        if (exchange.HeldFor is { } held && await _approvals.HoldAsync(context, exchange, held.Requirement, held.Rule, aborted) is { Approved: false } outcome)
        {
            return await _endings.EndHeldAsync(context, exchange, outcome);
        }

        // 7. Forward. The response flows back through its pipeline, which the tap builds when the upstream's headers
        //    arrive (masking, hold, capture, writer) and owns until the exchange is recorded.
        using var tap = new ResponseTap(context.Response.Body, exchange, _responsePipelines, _responseHolds, _time);
        var status = await ForwardAsync(context, exchange, connection, tap);

        // 8. The response's facts: its bytes, what it said (captured as the client got it), what masking found, and
        //    what a tools/list showed of the pinned tools. 9. Then the outcome, whatever happened to the client.
        tap.Finish();
        await _toolPins.RecordListingAsync(exchange);
        await _endings.RecordOutcomeAsync(context, exchange, status);
        return status;
    }

    private async Task<int> ForwardAsync(HttpContext context, Exchange exchange, RoutedConnection connection, ResponseTap tap)
    {
        // The inspected bytes themselves are forwarded, not a copy of them.
        context.Request.Body = MemoryMarshal.TryGetArray(exchange.RequestBody, out var bytes)
            ? new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false)
            : new MemoryStream(exchange.RequestBody.ToArray(), writable: false);
        context.Request.ContentLength = exchange.RequestBody.Length;
        context.Request.Headers.TransferEncoding = default;
        if (exchange.Adapter is not null)
        {
            // The adapter read the body as the API's JSON whatever the client declared; the upstream is told the same.
            context.Request.ContentType = "application/json";
        }

        var clientBody = context.Response.Body;
        context.Features.Set(tap);
        context.Response.Body = tap;
        ForwarderError error;
        try
        {
            error = await _forwarder.SendAsync(context, connection.DestinationPrefix, connection.Client, _forwarderConfig, connection.Transformer);
            if (error == ForwarderError.None)
            {
                await tap.CompleteAsync(context.RequestAborted);
            }
        }
        catch (IOException) when (exchange.Failure is not null)
        {
            // The tap refused to release the rest of a response it could not mask; the failure is on the exchange.
            // A response already started can only be cut; one that has not gets a problem below. Aborting that one too
            // made the problem's write throw, and the outcome was then never recorded.
            error = ForwarderError.ResponseBodyClient;
            if (context.Response.HasStarted)
            {
                context.Abort();
            }
        }
        finally
        {
            context.Response.Body = clientBody;
        }

        exchange.Coverage |= Coverage.Forwarded;
        if (tap.MaskedCleanly && exchange.Failure is null)
        {
            exchange.Coverage |= Coverage.MaskResponse;
        }

        if (error == ForwarderError.None)
        {
            return context.Response.StatusCode;
        }

        var (code, detail, errorStatus) = ForwardFailures.Describe(error, context.Features.Get<IForwarderErrorFeature>()?.Exception);
        exchange.Fail(code, detail);
        var failure = exchange.Failure!.Value;
        if (!context.Response.HasStarted && failure != ExchangeFailureCode.ClientAborted)
        {
            var status = failure is ExchangeFailureCode.ResponseUnreadable or ExchangeFailureCode.ResponseBlocked ? StatusCodes.Status502BadGateway : errorStatus;
            await ExchangeResponses.WriteProblemAsync(context, status, failure, failure == ExchangeFailureCode.AgentUnavailable ? "Agent unavailable" : "Upstream error", $"The connection '{connection.Name}' failed: {exchange.FailureDetail}.", exchange.Id);
            return status;
        }

        return context.Response.HasStarted ? context.Response.StatusCode : errorStatus;
    }
}
