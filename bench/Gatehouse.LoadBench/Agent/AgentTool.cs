namespace Gatehouse.LoadBench.Agent;

/// <summary>A tool the agent declares in every request: its name, description and JSON schema (as JSON text).</summary>
internal sealed record AgentTool(string Name, string Description, string Schema);
